import { Plus, Trash2 } from 'lucide-react';

/**
 * An editable list of name/value pairs (headers, query parameters, form fields), order and
 * duplicates kept.
 */
export function PairsEditor({
  pairs,
  onChange,
  label,
  namePlaceholder = 'Name',
  valuePlaceholder = 'Value',
  renderValue,
}: {
  pairs: [string, string][];
  onChange: (pairs: [string, string][]) => void;
  label: string;
  namePlaceholder?: string;
  valuePlaceholder?: string;
  /** Replaces the value input of a row (e.g. a JSON editor for a JSON form field). */
  renderValue?: (index: number, value: string) => React.ReactNode | null;
}) {
  const update = (index: number, part: 0 | 1, text: string) =>
    onChange(pairs.map((pair, i) => (i === index ? (part === 0 ? [text, pair[1]] : [pair[0], text]) : pair)));
  return (
    <div className="pairs-editor" role="group" aria-label={label}>
      {pairs.map(([name, value], index) => {
        const custom = renderValue?.(index, value) ?? null;
        return (
          <div className={`pairs-row ${custom ? 'pairs-row-tall' : ''}`} key={index}>
            <input
              className="pairs-name mono"
              aria-label={`${label} ${index + 1} name`}
              placeholder={namePlaceholder}
              value={name}
              onChange={(event) => update(index, 0, event.target.value)}
            />
            {custom ?? (
              <input
                className="pairs-value mono"
                aria-label={`${label} ${index + 1} value`}
                placeholder={valuePlaceholder}
                value={value}
                onChange={(event) => update(index, 1, event.target.value)}
              />
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${label.toLowerCase()} ${name || index + 1}`}
              onClick={() => onChange(pairs.filter((_, i) => i !== index))}
            >
              <Trash2 size={14} />
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button-small pairs-add"
        onClick={() => onChange([...pairs, ['', '']])}
      >
        <Plus size={14} /> Add
      </button>
    </div>
  );
}
