import { Plus, X } from 'lucide-react';
import type { FieldProblem } from '../lib/field-problems.js';
import { FieldError } from './field-error.js';

/** Editable response headers, in order (duplicates allowed, as on the wire). */
export function HeadersEditor({
  headers,
  onChange,
  label,
  problems = [],
  at,
  disabled = false,
}: {
  headers: [string, string][];
  onChange: (headers: [string, string][]) => void;
  /** Prefix for the fields' accessible names, e.g. "Fallback". */
  label: string;
  problems?: readonly FieldProblem[];
  /** Problem path of the header list, e.g. `fallback.headers`. */
  at: string;
  disabled?: boolean;
}) {
  const update = (index: number, entry: [string, string]) =>
    onChange(headers.map((item, i) => (i === index ? entry : item)));
  return (
    <div className="headers-editor">
      {headers.map(([name, value], index) => (
        <div key={index} className="headers-editor-entry">
          <div className="headers-editor-row">
            <input
              className="input mono"
              aria-label={`${label} header ${index + 1} name`}
              placeholder="Name"
              value={name}
              disabled={disabled}
              onChange={(event) => update(index, [event.target.value, value])}
            />
            <input
              className="input mono"
              aria-label={`${label} header ${index + 1} value`}
              placeholder="Value"
              value={value}
              disabled={disabled}
              onChange={(event) => update(index, [name, event.target.value])}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${label.toLowerCase()} header ${index + 1}`}
              title="Remove header"
              disabled={disabled}
              onClick={() => onChange(headers.filter((_, i) => i !== index))}
            >
              <X size={14} />
            </button>
          </div>
          <FieldError problems={problems} path={`${at}.${index}`} />
        </div>
      ))}
      <button
        type="button"
        className="link-button headers-editor-add"
        disabled={disabled}
        onClick={() => onChange([...headers, ['', '']])}
      >
        <Plus size={13} aria-hidden="true" /> Add header
      </button>
      <FieldError problems={problems} path={at} exact />
    </div>
  );
}
