import { Bot, CircleAlert, Info, TriangleAlert } from 'lucide-react';
import { useMemo } from 'react';
import { buildKindlyPreview, validateKindlyReply, type KindlyIssue } from '../../../shared/kindly/index.js';

function Finding({ issue, tone }: { issue: KindlyIssue; tone: 'error' | 'warning' | 'note' }) {
  const Icon = tone === 'error' ? CircleAlert : tone === 'warning' ? TriangleAlert : Info;
  return (
    <li className={`finding finding-${tone}`}>
      <Icon size={14} aria-hidden="true" />
      <span>
        {issue.path && <code>{issue.path}</code>} {issue.message}
      </span>
    </li>
  );
}

/**
 * A bot's answer to a Kindly webhook, read as Kindly would: the reply bubbles and buttons it would
 * show, and every finding of the validator. Payload text stays text.
 */
export function KindlyReplyCheck({ text }: { text: string }) {
  const result = useMemo(() => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    return { validation: validateKindlyReply(value), preview: buildKindlyPreview(value) };
  }, [text]);
  if (!result)
    return (
      <div className="callout callout-error" role="note">
        <CircleAlert size={14} aria-hidden="true" /> Kindly expects a JSON object; this answer is not JSON.
      </div>
    );
  const { validation, preview } = result;
  const total = validation.errors.length + validation.warnings.length + validation.notes.length;
  return (
    <section className="kindly-check" aria-label="Kindly reply check">
      <div className={`kindly-verdict ${validation.valid ? 'kindly-valid' : 'kindly-invalid'}`} role="status">
        {validation.valid ? 'Valid Kindly reply' : 'Kindly would reject or misread this reply'}
        {total > 0 &&
          ` · ${validation.errors.length} error${validation.errors.length === 1 ? '' : 's'}, ${validation.warnings.length} warning${validation.warnings.length === 1 ? '' : 's'}`}
      </div>
      <div className="kindly-preview" aria-label="Bot reply preview">
        {!preview.replyIgnored &&
          preview.paragraphs.map((paragraph) => (
            <div key={paragraph.index} className="kindly-bubble">
              <Bot size={13} aria-hidden="true" />
              <span>{paragraph.text || '(empty bubble)'}</span>
            </div>
          ))}
        {preview.buttons.length > 0 && (
          <div className="kindly-buttons">
            {preview.buttons.map((button) => (
              <span key={button.path} className="kindly-button" title={button.value}>
                {button.label || '(no label)'}
              </span>
            ))}
          </div>
        )}
        {preview.paragraphs.length === 0 && preview.buttons.length === 0 && (
          <div className="muted">No reply text or buttons (the dialogue’s own reply is shown).</div>
        )}
      </div>
      {total > 0 && (
        <ul className="findings">
          {validation.errors.map((issue) => (
            <Finding key={`e-${issue.path}-${issue.code}`} issue={issue} tone="error" />
          ))}
          {validation.warnings.map((issue) => (
            <Finding key={`w-${issue.path}-${issue.code}`} issue={issue} tone="warning" />
          ))}
          {validation.notes.map((issue) => (
            <Finding key={`n-${issue.path}-${issue.code}`} issue={issue} tone="note" />
          ))}
        </ul>
      )}
    </section>
  );
}
