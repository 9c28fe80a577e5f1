import { useId, useState } from 'react';
import type { ProviderId } from '../../../shared/model/provider.js';
import { FieldError } from '../../components/field-error.js';
import { HeadersEditor } from '../../components/headers-editor.js';
import { JsonEditor } from '../../components/json-editor.js';
import { Segmented } from '../../components/segmented.js';
import type { FieldProblem } from '../../lib/field-problems.js';
import type { BodyMode, ResponseDraft } from '../../lib/response-draft.js';
import { KindlyBodyEditor } from '../kindly-studio/kindly-body-editor.js';
import { placeholderCompletions, TemplateHelp } from './template-help.js';

/**
 * Status, headers and body of a response (a rule's, a fallback, an operator's answer). JSON bodies
 * use the shared CodeMirror editor; text bodies a plain text area.
 */
export function ResponseEditor({
  draft,
  onChange,
  label,
  at,
  problems = [],
  templates = false,
  delay,
  bodyMinHeight = 120,
  bodyMaxHeight = 360,
  disabled = false,
  provider,
}: {
  draft: ResponseDraft;
  onChange: (draft: ResponseDraft) => void;
  /** Names the fields for assistive technology and tests, e.g. "Fallback". */
  label: string;
  /** Problem path of this response, e.g. `rules.0.response`. */
  at: string;
  problems?: readonly FieldProblem[];
  /** Strings are templates here: offer placeholders and document them. */
  templates?: boolean;
  /** A rule's delay (ms), when this response has one. */
  delay?: { value: string; onChange: (value: string) => void };
  bodyMinHeight?: number;
  bodyMaxHeight?: number;
  disabled?: boolean;
  /** Whose webhooks this answers: Kindly JSON bodies can be edited in the Kindly reply studio. */
  provider?: ProviderId;
}) {
  const id = useId();
  const [editWith, setEditWith] = useState<'studio' | 'json'>('studio');
  const studio = provider === 'kindly' && draft.bodyMode === 'json' && editWith === 'studio' && !disabled;
  const set = (patch: Partial<ResponseDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="response-editor">
      <div className="response-editor-line">
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <input
            id={`${id}-status`}
            className="input input-narrow mono"
            inputMode="numeric"
            aria-label={`${label} status`}
            aria-invalid={problems.some((problem) => problem.path === `${at}.status`)}
            value={draft.status}
            disabled={disabled}
            placeholder="200"
            onChange={(event) => set({ status: event.target.value })}
          />
        </div>
        {delay && (
          <div className="field">
            <label htmlFor={`${id}-delay`}>Delay (ms)</label>
            <input
              id={`${id}-delay`}
              className="input input-narrow mono"
              inputMode="numeric"
              aria-label={`${label} delay in milliseconds`}
              value={delay.value}
              disabled={disabled}
              placeholder="0"
              onChange={(event) => delay.onChange(event.target.value)}
            />
          </div>
        )}
        <div className="field field-grow">
          <span className="field-label" id={`${id}-body-mode`}>
            Body
          </span>
          <Segmented<BodyMode>
            label={`${label} body type`}
            value={draft.bodyMode}
            onChange={(bodyMode) => set({ bodyMode })}
            options={[
              { value: 'json', label: 'JSON' },
              { value: 'text', label: 'Text' },
            ]}
          />
        </div>
      </div>
      {provider === 'kindly' && draft.bodyMode === 'json' && !disabled && (
        <div className="ks-body-editor-switch">
          <Segmented<'studio' | 'json'>
            label={`${label} body editor`}
            value={editWith}
            onChange={setEditWith}
            options={[
              { value: 'studio', label: 'Kindly studio' },
              { value: 'json', label: 'Plain JSON' },
            ]}
          />
        </div>
      )}
      <FieldError problems={problems} path={`${at}.status`} />
      <FieldError problems={problems} path={`${at}.delayMs`} />
      {studio ? (
        <KindlyBodyEditor
          text={draft.bodyText}
          onChange={(bodyText) => set({ bodyText })}
          label={`${label} body`}
        />
      ) : draft.bodyMode === 'json' ? (
        <JsonEditor
          label={`${label} body`}
          value={draft.bodyText}
          onChange={(bodyText) => set({ bodyText })}
          minHeight={bodyMinHeight}
          maxHeight={bodyMaxHeight}
          readOnly={disabled}
          {...(templates ? { complete: (cursor) => (cursor.inKey ? [] : placeholderCompletions()) } : {})}
        />
      ) : (
        <textarea
          className="input text-body-editor mono"
          aria-label={`${label} body`}
          value={draft.bodyText}
          disabled={disabled}
          style={{ minHeight: bodyMinHeight }}
          onChange={(event) => set({ bodyText: event.target.value })}
        />
      )}
      <FieldError problems={problems} path={`${at}.body`} />
      <div className="field">
        <span className="field-label">Headers</span>
        <HeadersEditor
          headers={draft.headers}
          onChange={(headers) => set({ headers })}
          label={label}
          at={`${at}.headers`}
          problems={problems}
          disabled={disabled}
        />
      </div>
      {templates && <TemplateHelp />}
    </div>
  );
}
