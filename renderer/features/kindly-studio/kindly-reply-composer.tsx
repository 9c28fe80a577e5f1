import { CircleAlert, CircleCheck, TriangleAlert, Undo2 } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { validateKindlyReplyText } from '../../../shared/kindly/validate-reply-text.js';
import type { KindlyValidation } from '../../../shared/kindly/validation-result.js';
import { JsonEditor, type JsonEditorHandle } from '../../components/json-editor.js';
import { Segmented } from '../../components/segmented.js';
import type { CursorPath } from '../../lib/json-syntax-path.js';
import { ReplyBuilder } from './builder/reply-builder.js';
import { FindingsList } from './findings-list.js';
import { findingsAsDiagnostics, flattenFindings, summarizeFindings, type Finding } from './model/findings.js';
import { completeKindlyReply } from './model/reply-completion.js';
import { draftFromText, draftFromValue, type ReplyDraft } from './model/reply-draft.js';
import type { JsonObject } from './model/reply-edit.js';
import { formatJsonPath } from '../../../shared/kindly/json-path.js';
import { KindlyReplyPreview } from './preview/kindly-reply-preview.js';
import { PlaceholderReport, TemplateBar, type TemplateInsert } from './template-bar.js';

/** The validator's verdict on a draft, for the composer and for hosts (a Send button's warning). */
export function useDraftValidation(draft: ReplyDraft): { validation: KindlyValidation; findings: Finding[] } {
  return useMemo(() => {
    const { validation } = validateKindlyReplyText(draft.text);
    return { validation, findings: flattenFindings(validation) };
  }, [draft.text]);
}

/** "Kindly would accept it" / "2 errors · 1 warning", coloured by the worst. */
export function VerdictPill({ validation }: { validation: KindlyValidation }) {
  const tone = validation.errors.length ? 'error' : validation.warnings.length ? 'warning' : 'ok';
  const Icon = tone === 'error' ? CircleAlert : tone === 'warning' ? TriangleAlert : CircleCheck;
  return (
    <span className={`ks-verdict ks-verdict-${tone}`} role="status">
      <Icon size={13} aria-hidden="true" /> {summarizeFindings(validation)}
    </span>
  );
}

type Pane = 'builder' | 'json' | 'preview';

export interface KindlyReplyComposerProps {
  draft: ReplyDraft;
  onDraftChange: (draft: ReplyDraft) => void;
  /**
   * The webhook payload that template placeholders are filled from (a held or selected Kindly
   * request). Undefined keeps placeholders as typed, e.g. for a mock rule's body, which the listener
   * fills per request.
   */
  payload?: unknown;
  /**
   * `wide`: builder, JSON and preview side by side. `compact`: builder or JSON, preview beside.
   * `stacked`: one of builder, JSON or preview at a time, for narrow places like the holds panel.
   */
  layout?: 'wide' | 'compact' | 'stacked';
  /** The host's own actions at the end of the toolbar (Send, Copy JSON, …). */
  actions?: ReactNode;
  /** Accessible name of the composer. */
  label?: string;
  /** Accessible name of its JSON editor. */
  jsonLabel?: string;
}

/**
 * The Kindly reply studio as a component: a visual builder and a JSON editor that stay in sync both
 * ways, the validator's findings (inline and as a list that jumps to the place), a live preview and
 * named templates. The Studio view, the holds panel and the mock-rule editor all use it.
 */
export function KindlyReplyComposer({
  draft,
  onDraftChange,
  payload,
  layout = 'wide',
  actions,
  label = 'Kindly reply composer',
  jsonLabel = 'Reply JSON',
}: KindlyReplyComposerProps) {
  const editor = useRef<JsonEditorHandle>(null);
  const builderRef = useRef<HTMLDivElement>(null);
  const [pane, setPane] = useState<Pane>('builder');
  const [inserted, setInserted] = useState<TemplateInsert | null>(null);
  const { validation, findings } = useDraftValidation(draft);
  const diagnostics = useMemo(() => findingsAsDiagnostics(findings), [findings]);

  // Latest draft for callbacks that outlive a render (CodeMirror's change listener).
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  }, [draft]);

  const onBuilderChange = useCallback(
    (value: JsonObject) => onDraftChange(draftFromValue(value)),
    [onDraftChange],
  );
  const onTextChange = useCallback(
    (text: string) => onDraftChange(draftFromText(text, latest.current)),
    [onDraftChange],
  );
  const complete = useCallback((cursor: CursorPath) => completeKindlyReply(cursor, latest.current.value), []);

  const reveal = (finding: Finding) => {
    const wide = layout === 'wide';
    if (layout === 'stacked' && pane === 'preview') {
      // The finding's place is in the editors: show the JSON, then select it once it is drawn.
      setPane('json');
      window.requestAnimationFrame(() => editor.current?.revealPath(finding.segments));
      return;
    }
    if (wide || pane === 'json') editor.current?.revealPath(finding.segments);
    if (wide || pane === 'builder') revealInBuilder(builderRef.current, finding.segments);
  };

  const builder = (
    <div className="ks-pane ks-pane-builder" ref={builderRef} aria-label="Builder">
      {draft.problem && (
        <div className="ks-paused" role="alert">
          <TriangleAlert size={14} aria-hidden="true" />
          <span>
            {draft.problem} The builder shows the last valid reply and waits until the JSON is an object
            again.
          </span>
          <button
            type="button"
            className="button button-small"
            onClick={() => onDraftChange(draftFromValue(draft.value))}
          >
            <Undo2 size={13} aria-hidden="true" /> Discard JSON edits
          </button>
        </div>
      )}
      <ReplyBuilder
        value={draft.value}
        onChange={onBuilderChange}
        findings={draft.problem ? [] : findings}
        disabled={draft.problem !== null}
        compactAdd={layout === 'stacked'}
      />
    </div>
  );
  const json = (
    <div className="ks-pane ks-pane-json">
      <JsonEditor
        ref={editor}
        label={jsonLabel}
        value={draft.text}
        onChange={onTextChange}
        diagnostics={diagnostics}
        complete={complete}
        minHeight={220}
      />
    </div>
  );
  const findingsList = <FindingsList findings={findings} onSelect={reveal} />;
  const preview = (
    <KindlyReplyPreview value={draft.value} findings={findings} stale={draft.problem !== null} />
  );

  return (
    <div className={`ks-composer ks-composer-${layout}`} role="region" aria-label={label}>
      <div className="ks-toolbar">
        <TemplateBar
          body={draft.text}
          payload={payload}
          onInsert={(insert) => {
            setInserted(insert);
            const next = draftFromText(insert.text, latest.current);
            onDraftChange(next.problem ? next : draftFromValue(next.value));
          }}
        />
        {layout !== 'stacked' && (
          <>
            <span className="capture-spacer" />
            <VerdictPill validation={validation} />
            {actions}
          </>
        )}
      </div>
      {inserted && <PlaceholderReport insert={inserted} onClose={() => setInserted(null)} />}
      {layout === 'wide' ? (
        <div className="ks-columns">
          <div className="ks-column">
            <h3 className="ks-column-title">Builder</h3>
            {builder}
          </div>
          <div className="ks-column ks-column-json">
            <h3 className="ks-column-title">JSON</h3>
            {json}
            <h3 className="ks-column-title">Findings</h3>
            {findingsList}
          </div>
          <div className="ks-column ks-column-preview">{preview}</div>
        </div>
      ) : layout === 'stacked' ? (
        <div className="ks-stacked">
          <div className="ks-stacked-bar">
            <Segmented<Pane>
              label="Show"
              value={pane}
              onChange={setPane}
              options={[
                { value: 'builder', label: 'Builder' },
                { value: 'json', label: 'JSON' },
                { value: 'preview', label: 'Preview' },
              ]}
            />
            <span className="capture-spacer" />
            <VerdictPill validation={validation} />
            {actions}
          </div>
          {pane === 'builder' ? builder : pane === 'json' ? json : preview}
          {/* The builder shows findings under its inputs; the list is for the JSON. */}
          {pane === 'json' && findingsList}
        </div>
      ) : (
        <div className="ks-columns ks-columns-compact">
          <div className="ks-column">
            <Segmented<Pane>
              label="Edit with"
              value={pane === 'preview' ? 'builder' : pane}
              onChange={setPane}
              options={[
                { value: 'builder', label: 'Builder' },
                { value: 'json', label: 'JSON' },
              ]}
            />
            {pane === 'json' ? json : builder}
            {findingsList}
          </div>
          <div className="ks-column ks-column-preview">{preview}</div>
        </div>
      )}
    </div>
  );
}

/** Scrolls the builder to the deepest block that holds `segments`, and flashes it. */
function revealInBuilder(container: HTMLElement | null, segments: readonly (string | number)[]): void {
  if (!container) return;
  for (let length = segments.length; length >= 1; length--) {
    const path = formatJsonPath(segments.slice(0, length));
    const target = container.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    if (!target) continue;
    target.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    target.classList.remove('ks-flash');
    // Restart the animation when the same block is revealed twice in a row.
    void target.offsetWidth;
    target.classList.add('ks-flash');
    return;
  }
}
