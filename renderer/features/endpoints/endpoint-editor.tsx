import { Save, Trash2, TriangleAlert, Undo2 } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { Endpoint, EndpointMode } from '../../../shared/model/endpoint.js';
import { ProviderBadge } from '../../components/badges.js';
import { CopyButton } from '../../components/copy-button.js';
import { FieldError } from '../../components/field-error.js';
import { Segmented } from '../../components/segmented.js';
import { describePath, type FieldProblem } from '../../lib/field-problems.js';
import { deleteEndpoint, saveEndpoint } from '../../state/endpoint-actions.js';
import { useAppStore } from '../../state/store.js';
import { draftFromEndpoint, draftSignature, inputFromDraft, type EndpointDraft } from './endpoint-draft.js';
import { canHold, MODE_HELP, MODE_LABEL, ModeBadge } from './mode-info.js';
import { ResponseEditor } from './response-editor.js';
import { RulesEditor } from './rules-editor.js';
import type { ProviderId } from '../../../shared/model/provider.js';

/** A fresh draft of `endpoint` that keeps the rules' list identities of `previous` when they line up. */
function adopt(endpoint: Endpoint, previous: EndpointDraft | null): EndpointDraft {
  const draft = draftFromEndpoint(endpoint);
  if (previous && previous.rules.length === draft.rules.length)
    draft.rules = draft.rules.map((rule, index) => ({
      ...rule,
      key: previous.rules[index]?.key ?? rule.key,
    }));
  return draft;
}

const FALLBACK_HELP: Record<EndpointMode, string> = {
  ack: '',
  mock: 'Sent when no rule matches. Without one: 200 {}.',
  forward:
    'Sent when your server is down, slower than the timeout, or (if chosen) answers 5xx. Without one: 502 with a short JSON error.',
  hold: 'Sent at the deadline when no rule matches. Without one: 200 {}.',
};

function Checkbox({
  checked,
  onChange,
  children,
  help,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: React.ReactNode;
  help?: string;
}) {
  return (
    <div className="checkbox-row">
      <label className="checkbox-line">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        {children}
      </label>
      {help && <p className="form-help">{help}</p>}
    </div>
  );
}

/** Everything about one endpoint: prefix, mode, forward/hold settings, rules, fallback, auth. */
export function EndpointEditor({ endpoint }: { endpoint: Endpoint }) {
  const id = useId();
  const [base, setBase] = useState(endpoint);
  const [draft, setDraft] = useState(() => draftFromEndpoint(endpoint));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState<Endpoint | null>(null);
  const info = useAppStore((state) => state.appInfo);
  const openHolds = useAppStore(
    (state) => state.holds.filter((entry) => entry.hold.endpoint === endpoint.prefix).length,
  );

  const baseSignature = useMemo(() => draftSignature(draftFromEndpoint(base)), [base]);
  const signature = draftSignature(draft);
  const dirty = signature !== baseSignature;

  // The endpoint changed in the core (another tab, the API, our own save): follow it unless the user
  // has edits of their own, which are never thrown away silently. (Adjusted while rendering, as React
  // recommends for state derived from a changed prop.)
  const [seen, setSeen] = useState(endpoint);
  if (endpoint !== seen) {
    setSeen(endpoint);
    const incoming = draftSignature(draftFromEndpoint(endpoint));
    if (!dirty || incoming === signature) {
      setBase(endpoint);
      setDraft(adopt(endpoint, draft));
      setChangedElsewhere(null);
    } else if (incoming !== baseSignature) {
      setChangedElsewhere(endpoint);
    }
  }

  const update = (patch: Partial<EndpointDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const urls = info?.endpoints.find((item) => item.prefix === endpoint.prefix);
  // The tunnel's status is live; app.info's public URL is only as fresh as its last read.
  const publicUrl = useAppStore(
    (state) =>
      state.tunnel?.endpoints.find((item) => item.prefix === endpoint.prefix)?.url ??
      (state.tunnel && state.tunnel.state !== 'online' ? undefined : urls?.publicUrl),
  );
  const provider = (urls?.provider ?? 'other') as ProviderId;

  const leavesHolding =
    canHold(base) &&
    (draft.mode !== base.mode ||
      !canHold({ mode: draft.mode, holdOnForwardFailure: draft.holdOnForwardFailure }));
  const holdWarning =
    openHolds > 0 && leavesHolding
      ? `Saving answers the ${openHolds} held request${openHolds === 1 ? '' : 's'} on ${base.prefix} with the fallback.`
      : null;

  const save = async () => {
    const converted = inputFromDraft(draft, base.prefix);
    setProblems(converted.problems);
    setError(null);
    if (!converted.input) {
      setError('Not saved: fix the marked fields.');
      return;
    }
    setSaving(true);
    const result = await saveEndpoint(converted.input);
    setSaving(false);
    if (result.ok) {
      setBase(result.endpoint);
      setDraft((current) => adopt(result.endpoint, current));
      setChangedElsewhere(null);
      setProblems([]);
      useAppStore.getState().showToast(`Saved ${result.endpoint.prefix}.`);
    } else {
      setProblems(result.problems);
      setError(
        result.problems.length > 0 ? 'Not saved: fix the marked fields.' : `Not saved: ${result.message}`,
      );
    }
  };
  const discard = () => {
    setDraft(adopt(base, draft));
    setProblems([]);
    setError(null);
  };

  const showRules = draft.mode === 'mock' || draft.mode === 'hold';
  return (
    <article className="endpoint-editor" aria-label={`Endpoint ${endpoint.prefix}`}>
      <header className="endpoint-editor-header">
        <div className="endpoint-editor-title">
          <h2 className="mono">{endpoint.prefix}</h2>
          <ModeBadge mode={base.mode} />
          {provider !== 'other' && <ProviderBadge provider={provider} />}
          {openHolds > 0 && <span className="meta-tag meta-tag-warn">{openHolds} held now</span>}
          <span className="capture-spacer" />
          {dirty && <span className="unsaved-dot">Unsaved changes</span>}
          <button type="button" className="button button-small" disabled={!dirty || saving} onClick={discard}>
            <Undo2 size={13} aria-hidden="true" /> Discard
          </button>
          <button
            type="button"
            className="button button-small button-primary"
            disabled={!dirty || saving}
            onClick={() => void save()}
          >
            <Save size={13} aria-hidden="true" /> Save
          </button>
        </div>
        {holdWarning && (
          <p className="editor-warning" role="note">
            <TriangleAlert size={14} aria-hidden="true" /> {holdWarning}
          </p>
        )}
        {changedElsewhere && (
          <p className="editor-warning" role="note">
            <TriangleAlert size={14} aria-hidden="true" /> This endpoint was changed elsewhere while you were
            editing.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setBase(changedElsewhere);
                setDraft((current) => adopt(changedElsewhere, current));
                setChangedElsewhere(null);
              }}
            >
              Load the saved version
            </button>{' '}
            or save yours over it.
          </p>
        )}
        {error && (
          <div className="inline-error editor-error" role="alert">
            {error}
            {problems.length > 0 && (
              <ul>
                {problems.map((problem, index) => (
                  <li key={index}>
                    <strong>{describePath(problem.path)}</strong>: {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </header>
      <div className="endpoint-editor-scroll">
        <section className="editor-section">
          <dl className="facts endpoint-urls">
            <dt>Local URL</dt>
            <dd>
              {urls ? (
                <>
                  <code>{urls.localUrl}</code>{' '}
                  <CopyButton text={urls.localUrl} label="Copy local URL" compact />
                </>
              ) : (
                '…'
              )}
            </dd>
            <dt>Public URL</dt>
            <dd>
              {publicUrl ? (
                <>
                  <code>{publicUrl}</code> <CopyButton text={publicUrl} label="Copy public URL" compact />
                </>
              ) : (
                <span className="muted">Available while the tunnel is online.</span>
              )}
            </dd>
          </dl>
          <div className="field">
            <label htmlFor={`${id}-prefix`}>Path prefix</label>
            <input
              id={`${id}-prefix`}
              className="input mono"
              value={draft.prefix}
              onChange={(event) => update({ prefix: event.target.value })}
            />
            <span className="form-help">
              Requests whose path starts with this come here; the longest matching prefix wins. Changing it
              renames the endpoint (held requests move with it).
            </span>
            <FieldError problems={problems} path="prefix" />
            <FieldError problems={problems} path="previousPrefix" />
          </div>
        </section>

        <section className="editor-section" aria-labelledby={`${id}-mode`}>
          <h3 id={`${id}-mode`}>Response mode</h3>
          <Segmented<EndpointMode>
            label="Response mode"
            value={draft.mode}
            onChange={(mode) => update({ mode })}
            options={(['ack', 'forward', 'mock', 'hold'] as const).map((mode) => ({
              value: mode,
              label: MODE_LABEL[mode],
            }))}
          />
          <p className="form-help mode-help">{MODE_HELP[draft.mode]}</p>
          <FieldError problems={problems} path="mode" />

          {draft.mode === 'forward' && (
            <div className="mode-settings">
              <div className="field">
                <label htmlFor={`${id}-target`}>Target URL</label>
                <input
                  id={`${id}-target`}
                  className="input mono input-wide"
                  placeholder="http://localhost:3000/webhook"
                  value={draft.target}
                  aria-invalid={problems.some((problem) => problem.path === 'target')}
                  onChange={(event) => update({ target: event.target.value })}
                />
                <span className="form-help">
                  The path after {draft.prefix || 'the prefix'} and the query are appended:{' '}
                  {draft.prefix || '/x'}
                  /orders?id=1 → {draft.target || 'http://localhost:3000/webhook'}/orders?id=1
                </span>
                <FieldError problems={problems} path="target" />
              </div>
              <div className="field">
                <label htmlFor={`${id}-timeout`}>Timeout (seconds)</label>
                <input
                  id={`${id}-timeout`}
                  className="input input-narrow mono"
                  inputMode="decimal"
                  value={draft.timeoutSeconds}
                  onChange={(event) => update({ timeoutSeconds: event.target.value })}
                />
                <FieldError problems={problems} path="timeoutMs" />
              </div>
              <Checkbox
                checked={draft.failOn5xx}
                onChange={(failOn5xx) => update({ failOn5xx })}
                help="Otherwise a 5xx from your server is passed on to the sender as it is."
              >
                Treat a 5xx answer from the target as a failure
              </Checkbox>
              <Checkbox
                checked={draft.holdOnForwardFailure}
                onChange={(holdOnForwardFailure) => update({ holdOnForwardFailure })}
                help="When your server fails, the request waits in the held requests panel so you can answer in its place; the deadline below still applies."
              >
                Hold for me when the target fails
              </Checkbox>
            </div>
          )}
          {(draft.mode === 'hold' || (draft.mode === 'forward' && draft.holdOnForwardFailure)) && (
            <div className="mode-settings">
              <div className="field">
                <label htmlFor={`${id}-deadline`}>Hold deadline (seconds)</label>
                <input
                  id={`${id}-deadline`}
                  className="input input-narrow mono"
                  inputMode="decimal"
                  value={draft.holdTimeoutSeconds}
                  onChange={(event) => update({ holdTimeoutSeconds: event.target.value })}
                />
                <span className="form-help">
                  How long you have to answer before the fallback goes out. Keep it under the sender’s own
                  timeout (Kindly’s is not documented; a few seconds is safe). Through the tunnel each held
                  request uses one of its ~10 connections.
                </span>
                <FieldError problems={problems} path="holdTimeoutMs" />
              </div>
            </div>
          )}
        </section>

        {showRules ? (
          <section className="editor-section" aria-labelledby={`${id}-rules`}>
            <h3 id={`${id}-rules`}>
              Rules{' '}
              <span className="section-note">
                {draft.mode === 'hold'
                  ? 'what the deadline sends, first match wins'
                  : 'first enabled match wins'}
              </span>
            </h3>
            <RulesEditor
              rules={draft.rules}
              onChange={(rules) => {
                update({ rules });
                // Problem paths name rules by position; after a change they may point elsewhere.
                setProblems((current) => current.filter((problem) => !problem.path.startsWith('rules.')));
              }}
              prefix={draft.prefix}
              provider={provider}
              problems={problems}
            />
          </section>
        ) : (
          draft.rules.length > 0 && (
            <p className="form-help editor-section">
              {draft.rules.length} rule{draft.rules.length === 1 ? ' is' : 's are'} kept for the mock and hold
              modes.
            </p>
          )
        )}

        {draft.mode !== 'ack' && (
          <section className="editor-section" aria-labelledby={`${id}-fallback`}>
            <h3 id={`${id}-fallback`}>Fallback response</h3>
            <Checkbox
              checked={draft.useFallback}
              onChange={(useFallback) => update({ useFallback })}
              help={FALLBACK_HELP[draft.mode]}
            >
              Send a fallback of my own
            </Checkbox>
            {draft.useFallback && (
              <ResponseEditor
                draft={draft.fallback}
                onChange={(fallback) => update({ fallback })}
                label="Fallback"
                at="fallback"
                problems={problems}
                templates
                provider={provider}
              />
            )}
            <FieldError problems={problems} path="fallback" exact />
          </section>
        )}

        <section className="editor-section" aria-labelledby={`${id}-auth`}>
          <h3 id={`${id}-auth`}>Signature check</h3>
          <Checkbox
            checked={draft.rejectInvalidAuth}
            onChange={(rejectInvalidAuth) => update({ rejectInvalidAuth })}
            help="Answer 401 before any mode when the Kindly-HMAC signature or the Dashly token is wrong or missing. Nothing is rejected while no secret is configured in Settings."
          >
            Reject requests that fail the provider’s check
          </Checkbox>
        </section>

        <section className="editor-section editor-danger">
          {confirmDelete ? (
            <div className="confirm-box" role="alertdialog" aria-label={`Delete ${endpoint.prefix}?`}>
              <p>
                Delete {endpoint.prefix}? Requests to it will be answered by a shorter prefix’s endpoint, or
                200 {'{}'}.
                {openHolds > 0 &&
                  ` The ${openHolds} request${openHolds === 1 ? '' : 's'} held on it now will get the fallback first.`}{' '}
                Its captures stay.
              </p>
              <div className="confirm-actions">
                <button
                  type="button"
                  className="button button-small button-danger-solid"
                  onClick={() => void deleteEndpoint(endpoint.prefix)}
                >
                  Delete {endpoint.prefix}
                </button>
                <button type="button" className="button button-small" onClick={() => setConfirmDelete(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => setConfirmDelete(true)}
            >
              <Trash2 size={13} aria-hidden="true" /> Delete endpoint…
            </button>
          )}
        </section>
      </div>
    </article>
  );
}
