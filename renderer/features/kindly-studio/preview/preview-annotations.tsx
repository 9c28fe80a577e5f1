import { Braces, EyeOff, Image, Sparkles, Tags, Workflow, type LucideIcon } from 'lucide-react';
import type { PreviewAnnotation } from '../../../../shared/kindly/preview-model.js';
import { JsonTree } from '../../../components/json-tree.js';
import { usePreviewMarks } from './preview-marks.js';

const ICONS: Record<PreviewAnnotation['kind'], LucideIcon> = {
  labels: Tags,
  new_context: Braces,
  exchange_trigger: Workflow,
  hide_input: EyeOff,
  aireply: Sparkles,
  deprecated_image: Image,
};

const TITLES: Record<PreviewAnnotation['kind'], string> = {
  labels: 'Labels',
  new_context: 'Context',
  exchange_trigger: 'Trigger',
  hide_input: 'Input',
  aireply: 'AI reply',
  deprecated_image: 'Image',
};

function Detail({ annotation }: { annotation: PreviewAnnotation }) {
  switch (annotation.kind) {
    case 'labels':
      return (
        <span className="kp-annotation-chips">
          {annotation.labels.map((label, index) => (
            <span key={index} className="kp-chip">
              {label}
            </span>
          ))}
        </span>
      );
    case 'new_context':
      return (
        <span className="kp-annotation-chips">
          {Object.entries(annotation.values).map(([key, value]) => (
            <span key={key} className="kp-kv">
              {key} = {typeof value === 'string' ? `“${value}”` : JSON.stringify(value)}
            </span>
          ))}
        </span>
      );
    case 'exchange_trigger':
      return (
        <span>
          runs the dialogue with {annotation.by === 'exchange_id' ? 'ID' : 'slug'}{' '}
          <span className="mono">{annotation.target}</span> instead of replying
        </span>
      );
    case 'aireply':
      return (
        <span className="kp-annotation-block">
          <span>Kindly’s AI writes the answer from:</span>
          {typeof annotation.data === 'string' ? (
            <span className="kp-aireply-text">{annotation.data || <em className="muted">(empty)</em>}</span>
          ) : (
            <JsonTree value={annotation.data} defaultDepth={2} />
          )}
        </span>
      );
    default:
      return <span>{annotation.text}</span>;
  }
}

/** What the reply does besides its bubbles: labels, context writes, a trigger, hidden input, AI. */
export function PreviewAnnotations({ annotations }: { annotations: PreviewAnnotation[] }) {
  const mark = usePreviewMarks();
  if (annotations.length === 0) return null;
  return (
    <ul className="kp-annotations" aria-label="Effects of the reply">
      {annotations.map((annotation, index) => {
        const Icon = ICONS[annotation.kind];
        return (
          <li
            key={`${annotation.kind}-${index}`}
            className={`kp-annotation ${mark(annotation.path)}`}
            data-path={annotation.path}
          >
            <span className="kp-annotation-title">
              <Icon size={12} aria-hidden="true" /> {TITLES[annotation.kind]}
            </span>
            <Detail annotation={annotation} />
          </li>
        );
      })}
    </ul>
  );
}
