import { LayoutTemplate, Save, Trash2, X } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { deleteKindlyTemplate, loadKindlyTemplates, saveKindlyTemplate } from '../../state/kindly-actions.js';
import { useAppStore } from '../../state/store.js';
import {
  fillKindlyTemplate,
  listTemplatePlaceholders,
  type PlaceholderResolution,
} from './model/template-fill.js';

export interface TemplateInsert {
  name: string;
  text: string;
  resolutions: PlaceholderResolution[];
  /** Filling failed; the template went in as written. */
  error: string | null;
  /** Placeholders were filled from a payload (false: kept as typed). */
  filled: boolean;
}

function SaveTemplate({ body, onDone }: { body: string; onDone: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; replaceId?: number } | null>(null);
  const save = async (replaceId?: number) => {
    setBusy(true);
    const outcome = await saveKindlyTemplate({
      name: name.trim(),
      body,
      ...(replaceId !== undefined ? { id: replaceId } : {}),
    });
    setBusy(false);
    if (outcome.ok) {
      useAppStore.getState().showToast(`Saved template “${outcome.value.name}”.`);
      onDone();
    } else {
      setProblem({
        text: outcome.error,
        ...(outcome.existingId !== undefined ? { replaceId: outcome.existingId } : {}),
      });
    }
  };
  return (
    <form
      className="ks-save-template"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() !== '') void save();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Template name
      </label>
      <input
        id={id}
        className="ks-input"
        type="text"
        placeholder="Template name"
        value={name}
        autoFocus
        onChange={(event) => {
          setName(event.target.value);
          setProblem(null);
        }}
      />
      <button
        type="submit"
        className="button button-small button-primary"
        disabled={busy || name.trim() === ''}
      >
        Save
      </button>
      <button type="button" className="icon-button" aria-label="Cancel saving" onClick={onDone}>
        <X size={14} />
      </button>
      {problem && (
        <span className="ks-save-problem" role="alert">
          {problem.text}
          {problem.replaceId !== undefined && (
            <button type="button" className="link-button" onClick={() => void save(problem.replaceId)}>
              Replace it
            </button>
          )}
        </span>
      )}
    </form>
  );
}

/**
 * Named reply templates (`templates.*`): pick one to insert, with its placeholders filled from the
 * payload at hand when `payload` is given; save the current JSON as one; delete one.
 */
export function TemplateBar({
  body,
  payload,
  onInsert,
}: {
  /** What "Save as template" saves. */
  body: string;
  /** The webhook payload placeholders are filled from; undefined keeps them as typed. */
  payload: unknown;
  onInsert: (insert: TemplateInsert) => void;
}) {
  const templates = useAppStore((state) => state.kindlyTemplates);
  const error = useAppStore((state) => state.kindlyTemplatesError);
  const [selected, setSelected] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const selectId = useId();

  useEffect(() => {
    if (templates === null) void loadKindlyTemplates();
  }, [templates]);

  const template = templates?.find((item) => item.id === selected) ?? null;
  const insert = () => {
    if (!template) return;
    if (payload === undefined) {
      onInsert({
        name: template.name,
        text: template.body,
        resolutions: listTemplatePlaceholders(template.body),
        error: null,
        filled: false,
      });
      return;
    }
    const fill = fillKindlyTemplate(template.body, payload);
    onInsert({
      name: template.name,
      text: fill.text,
      resolutions: fill.resolutions,
      error: fill.error,
      filled: true,
    });
  };

  if (saving) return <SaveTemplate body={body} onDone={() => setSaving(false)} />;
  return (
    <div className="ks-template-bar">
      <LayoutTemplate size={14} aria-hidden="true" className="muted" />
      <label htmlFor={selectId} className="visually-hidden">
        Reply template
      </label>
      <select
        id={selectId}
        className="ks-input ks-template-select"
        value={selected ?? ''}
        onChange={(event) => setSelected(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">
          {templates === null
            ? 'Loading templates…'
            : templates.length === 0
              ? 'No templates yet'
              : 'Choose a template…'}
        </option>
        {templates?.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small" disabled={!template} onClick={insert}>
        Insert
      </button>
      <button
        type="button"
        className="icon-button icon-button-danger"
        disabled={!template}
        aria-label="Delete the chosen template"
        title="Delete template"
        onClick={() => {
          if (!template) return;
          void deleteKindlyTemplate(template.id).then((outcome) => {
            if (outcome.ok) {
              setSelected(null);
              useAppStore.getState().showToast(`Deleted template “${template.name}”.`);
            } else useAppStore.getState().showToast(outcome.error, 'error');
          });
        }}
      >
        <Trash2 size={14} />
      </button>
      <span className="ks-bar-divider" aria-hidden="true" />
      <button type="button" className="button button-small" onClick={() => setSaving(true)}>
        <Save size={13} aria-hidden="true" /> Save as template
      </button>
      {error && <span className="inline-error-text">{error}</span>}
    </div>
  );
}

/** Which placeholders the inserted template had and what went in for each. */
export function PlaceholderReport({ insert, onClose }: { insert: TemplateInsert; onClose: () => void }) {
  return (
    <div className="ks-placeholders" role="status">
      <div className="ks-placeholders-head">
        <strong>Inserted “{insert.name}”</strong>
        <span className="muted">
          {insert.resolutions.length === 0
            ? 'no placeholders'
            : insert.filled
              ? 'placeholders filled from the payload'
              : 'no payload: placeholders kept as typed'}
        </span>
        <span className="capture-spacer" />
        <button
          type="button"
          className="icon-button"
          aria-label="Close the placeholder report"
          onClick={onClose}
        >
          <X size={14} />
        </button>
      </div>
      {insert.error && <div className="ks-hint ks-hint-error">{insert.error}</div>}
      {insert.resolutions.length > 0 && (
        <table className="ks-placeholder-table">
          <tbody>
            {insert.resolutions.map((resolution) => (
              <tr
                key={resolution.raw}
                className={!resolution.kept && !resolution.found ? 'ks-placeholder-missing' : ''}
              >
                <th scope="row" className="mono">
                  {resolution.raw}
                </th>
                <td>
                  {resolution.kept ? (
                    <span className="muted">kept as typed</span>
                  ) : resolution.found ? (
                    <span className="mono">{JSON.stringify(resolution.value)}</span>
                  ) : (
                    <>
                      <span className="mono">{JSON.stringify(resolution.value)}</span>{' '}
                      <span className="ks-missing">not in the payload</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
