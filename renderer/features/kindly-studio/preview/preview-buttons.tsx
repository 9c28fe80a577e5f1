import { ExternalLink, Link, Mail, MessageSquareReply, Phone, Workflow, type LucideIcon } from 'lucide-react';
import type { PreviewButton } from '../../../../shared/kindly/preview-model.js';
import { CopyButton } from '../../../components/copy-button.js';
import { usePreviewMarks } from './preview-marks.js';

const ICONS: Record<PreviewButton['kind'], LucideIcon> = {
  quick_reply: MessageSquareReply,
  link: Link,
  email: Mail,
  phone: Phone,
  dialogue_trigger: Workflow,
  unknown: MessageSquareReply,
};

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What clicking would do, in words; the target is text, never a live link. */
function Target({ button }: { button: PreviewButton }) {
  switch (button.kind) {
    case 'quick_reply':
      return <>sends “{button.value}”</>;
    case 'dialogue_trigger':
      return (
        <>
          triggers <span className="mono">{button.value}</span>
        </>
      );
    case 'link':
      return button.href ? (
        <>
          <span className="mono kp-url">{button.href}</span>
          {button.opensInNewTab && (
            <span className="kp-tag">
              <ExternalLink size={10} aria-hidden="true" /> new tab
            </span>
          )}
          <CopyButton text={button.href} label="Copy link" compact />
        </>
      ) : (
        <>
          <span className="mono kp-url kp-unsafe">{button.value || '(no URL)'}</span>
          <span className="kp-tag kp-tag-danger">not a usable link</span>
        </>
      );
    case 'email':
    case 'phone':
      return (
        <>
          <span className="mono">{button.value}</span>
          {button.href === null && <span className="kp-tag kp-tag-danger">not valid</span>}
        </>
      );
    default:
      return <>unknown type “{button.buttonType ?? 'none'}”</>;
  }
}

/**
 * Buttons as the widget stacks them, each with what it would do underneath. They are inert: none
 * is a link or a form control, so nothing from a payload can navigate or run.
 */
export function PreviewButtons({ buttons, compact }: { buttons: PreviewButton[]; compact?: boolean }) {
  const mark = usePreviewMarks();
  if (buttons.length === 0) return null;
  return (
    <ul className={`kp-buttons ${compact ? 'kp-buttons-compact' : ''}`} aria-label="Buttons">
      {buttons.map((button) => {
        const Icon = ICONS[button.kind];
        const context = button.context ? Object.entries(button.context) : [];
        return (
          <li
            key={button.path}
            className={`kp-button kp-button-${button.kind} ${button.kind === 'link' && !button.href ? 'kp-button-unsafe' : ''} ${mark(button.path)}`}
            data-path={button.path}
          >
            <span className="kp-button-face">
              <Icon size={13} aria-hidden="true" />
              <span className="kp-button-label">{button.label || <em>(no label)</em>}</span>
            </span>
            <span className="kp-button-target">
              <Target button={button} />
            </span>
            {context.length > 0 && (
              <span className="kp-button-context">
                sets{' '}
                {context.map(([key, value]) => (
                  <span key={key} className="kp-kv">
                    {key} = {formatValue(value)}
                  </span>
                ))}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
