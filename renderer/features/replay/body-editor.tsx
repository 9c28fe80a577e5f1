import { Plus, Trash2 } from 'lucide-react';
import { JsonEditor } from '../../components/json-editor.js';
import { formatBytes } from '../../lib/format.js';
import type { BodyModel, FormRow } from './body-model.js';

/**
 * Edits a body in the form it has: JSON in the JSON editor (sent back in the original's style,
 * numbers exact), form fields one by one (a JSON field such as Dashly's `conversation` in its own
 * JSON editor), other text as text. Binary bodies are sent unchanged.
 */
export function BodyEditor({ model, onChange }: { model: BodyModel; onChange: (model: BodyModel) => void }) {
  switch (model.kind) {
    case 'binary':
      return (
        <div className="muted body-note">
          Binary body ({formatBytes(model.size)}): it is sent exactly as captured and cannot be edited here.
        </div>
      );
    case 'empty':
    case 'text':
      return (
        <textarea
          className="body-textarea mono"
          aria-label="Body text"
          placeholder={model.kind === 'empty' ? 'No body. Type one to send it.' : undefined}
          value={model.text}
          spellCheck={false}
          onChange={(event) => onChange({ ...model, text: event.target.value })}
        />
      );
    case 'json':
      return (
        <div className="body-json">
          <JsonEditor
            label="Body JSON"
            value={model.text}
            onChange={(text) => onChange({ ...model, text })}
            minHeight={200}
            maxHeight={420}
          />
          <label className="check-line">
            <input
              type="checkbox"
              checked={model.asTyped}
              onChange={(event) => onChange({ ...model, asTyped: event.target.checked })}
            />
            Send exactly as typed (otherwise an edited body is written back in the captured style, e.g.
            compact; an unchanged one is sent byte for byte)
          </label>
        </div>
      );
    case 'form':
      return <FormFieldsEditor model={model} onChange={onChange} />;
  }
}

function FormFieldsEditor({
  model,
  onChange,
}: {
  model: Extract<BodyModel, { kind: 'form' }>;
  onChange: (model: BodyModel) => void;
}) {
  const setRow = (index: number, patch: Partial<FormRow>) =>
    onChange({ ...model, rows: model.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  return (
    <div className="form-fields-editor" role="group" aria-label="Form fields">
      {model.rows.map((row, index) => (
        <div key={index} className={`pairs-row ${row.json !== null ? 'pairs-row-tall' : ''}`}>
          <input
            className="pairs-name mono"
            aria-label={`Field ${index + 1} name`}
            value={row.name}
            onChange={(event) => setRow(index, { name: event.target.value })}
          />
          {row.json !== null ? (
            <div className="pairs-json">
              <div className="field-note">JSON, re-encoded on send (ids kept exact)</div>
              <JsonEditor
                label={`Field ${row.name} JSON`}
                value={row.json}
                onChange={(json) => setRow(index, { json })}
                minHeight={160}
                maxHeight={360}
              />
            </div>
          ) : (
            <input
              className="pairs-value mono"
              aria-label={`Field ${row.name || index + 1} value`}
              value={row.value}
              onChange={(event) => setRow(index, { value: event.target.value })}
            />
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove field ${row.name || index + 1}`}
            onClick={() => onChange({ ...model, rows: model.rows.filter((_, i) => i !== index) })}
          >
            <Trash2 size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-small pairs-add"
        onClick={() =>
          onChange({ ...model, rows: [...model.rows, { name: '', value: '', json: null, original: null }] })
        }
      >
        <Plus size={14} /> Add field
      </button>
    </div>
  );
}
