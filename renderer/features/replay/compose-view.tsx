import { ClipboardPaste, Play, TerminalSquare } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { MethodInput } from '../../../shared/contract/index.js';
import type { PreparedRequest, ReplaySummary } from '../../../shared/model/replay.js';
import { base64ToBytes, textOf } from '../../../shared/replay/bytes.js';
import { BodyViewer } from '../../components/body-viewer.js';
import { buildCurl } from '../../../shared/replay/curl/curl-build.js';
import { ApiCallError, call } from '../../api/client.js';
import { StatusPill } from '../../components/badges.js';
import { JsonEditor } from '../../components/json-editor.js';
import { Segmented } from '../../components/segmented.js';
import { formatTime } from '../../lib/format.js';
import { applyReplayEvents, hostOf, loadComposedReplays } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';
import type { ComposeSeed } from '../../state/replay-slice.js';
import { PasteCurlDialog } from './paste-curl-dialog.js';
import { PairsEditor } from './pairs-editor.js';
import { ReplayResult, SignatureNote } from './replay-result.js';

type Template = 'dashly.lead' | 'dashly.operator' | 'kindly.message' | 'custom';
type ComposeInput = MethodInput<'captures.compose'>;

const TEMPLATES: { value: Template; label: string }[] = [
  { value: 'dashly.lead', label: 'Dashly lead message' },
  { value: 'dashly.operator', label: 'Dashly operator message' },
  { value: 'kindly.message', label: 'Kindly user message' },
  { value: 'custom', label: 'Custom / cURL' },
];

function errorText(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

function Field({
  label,
  children,
  wide = false,
}: {
  label: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <label className={`compose-field ${wide ? 'compose-field-wide' : ''}`}>
      <span>{label}</span>
      {children}
    </label>
  );
}

function headText(request: PreparedRequest): string {
  return [
    `${request.method} ${request.url}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\n');
}

/** Webhooks built from templates exactly as Dashly and Kindly send them, or any pasted request. */
export function ComposeView() {
  const seed = useAppStore((state) => state.composeSeed);
  // A pasted cURL command starts a fresh form filled with it.
  return <ComposeForm key={seed?.id ?? 0} seed={seed} />;
}

function seedBody(seed: ComposeSeed | null): { text: string; base64: string | null } {
  if (!seed) return { text: '{"message": "hello"}', base64: null };
  const bytes = base64ToBytes(seed.bodyBase64) ?? new Uint8Array();
  const text = textOf(bytes);
  return text === null ? { text: '', base64: seed.bodyBase64 } : { text, base64: null };
}

function ComposeForm({ seed }: { seed: ComposeSeed | null }) {
  const recent = useAppStore((state) => state.composedReplays);
  const [template, setTemplate] = useState<Template>(seed ? 'custom' : 'kindly.message');
  // Dashly
  const [dashlyBody, setDashlyBody] = useState('Hello! Where is my order #1001?');
  const [conversationId, setConversationId] = useState('64558819');
  const [userId, setUserId] = useState('85648207');
  const [adminId, setAdminId] = useState('111');
  const [adminName, setAdminName] = useState('inkov');
  const [tags, setTags] = useState('');
  const [closed, setClosed] = useState(false);
  const [token, setToken] = useState('');
  // Kindly
  const [message, setMessage] = useState('When are you open on Saturday?');
  const [chatId, setChatId] = useState('');
  const [kindlyUser, setKindlyUser] = useState('u-7c41e0d2');
  const [botId, setBotId] = useState('1234');
  const [context, setContext] = useState('{\n  "store": "oslo-sentrum"\n}');
  const [webUrl, setWebUrl] = useState('');
  const [sign, setSign] = useState(true);
  // Custom
  const [method, setMethod] = useState(seed?.method ?? 'POST');
  const [path, setPath] = useState(seed?.path ?? '/kindly');
  const [headers, setHeaders] = useState<[string, string][]>(
    seed?.headers ?? [['Content-Type', 'application/json']],
  );
  const [customBody, setCustomBody] = useState(() => seedBody(seed).text);
  const [customBodyBase64, setCustomBodyBase64] = useState<string | null>(() => seedBody(seed).base64);
  // Target
  const [targetKind, setTargetKind] = useState<'listener' | 'url'>(seed ? 'url' : 'listener');
  const [url, setUrl] = useState(seed?.url ?? 'http://localhost:3000/webhook');
  const [pasteOpen, setPasteOpen] = useState(false);
  const [preview, setPreview] = useState<PreparedRequest | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    void loadComposedReplays();
  }, []);

  const input = useMemo((): ComposeInput => {
    const split = (text: string) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    if (template === 'dashly.lead' || template === 'dashly.operator')
      return {
        template,
        fields: {
          body: dashlyBody,
          conversationId: conversationId.trim(),
          userId: userId.trim(),
          admin: { id: adminId.trim(), name: adminName },
          assignee: { id: adminId.trim(), name: adminName },
          tags: split(tags),
          closed,
          ...(token ? { token } : {}),
        },
      };
    if (template === 'kindly.message')
      return {
        template,
        fields: {
          message,
          ...(chatId.trim() ? { chatId: chatId.trim() } : {}),
          userId: kindlyUser,
          botId: botId.trim(),
          context,
          ...(webUrl.trim() ? { webUrl: webUrl.trim() } : {}),
          sign,
        },
      };
    return {
      template,
      fields: {
        method: method.trim().toUpperCase() || 'POST',
        path: path.trim() || '/',
        headers: headers.filter(([name]) => name.trim() !== ''),
        body: customBodyBase64 !== null ? { base64: customBodyBase64 } : { text: customBody },
        sign,
      },
    };
  }, [
    template,
    dashlyBody,
    conversationId,
    userId,
    adminId,
    adminName,
    tags,
    closed,
    token,
    message,
    chatId,
    kindlyUser,
    botId,
    context,
    webUrl,
    sign,
    method,
    path,
    headers,
    customBody,
    customBodyBase64,
  ]);
  const target =
    targetKind === 'listener'
      ? { kind: 'listener' as const, ...(template === 'custom' ? { path } : {}) }
      : { kind: 'url' as const, url: url.trim() };
  const key = JSON.stringify([input, target]);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      // Without a target the API only builds the request: a live preview.
      call('captures.compose', input)
        .then((data) => {
          if (!live) return;
          setPreview(data.request);
          setProblem(null);
        })
        .catch((reason: unknown) => live && setProblem(errorText(reason)));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // key stands for input and target.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const send = async () => {
    setSending(true);
    try {
      const result = await call('captures.compose', { ...input, target, wait: false });
      if (result.replay) {
        applyReplayEvents([result.replay]);
        setSelected(result.replay.id);
      }
    } catch (reason) {
      useAppStore.getState().showToast(`Not sent: ${errorText(reason)}`, 'error');
    } finally {
      setSending(false);
    }
  };

  const copyCurl = async () => {
    if (!preview) return;
    const sentUrl = targetKind === 'url' ? url.trim() : preview.url;
    const built = buildCurl({
      method: preview.method,
      url: sentUrl,
      headers: preview.headers,
      body: base64ToBytes(preview.body.base64) ?? new Uint8Array(),
    });
    await navigator.clipboard.writeText(built.command);
    useAppStore.getState().showToast(built.notes[0] ?? 'Copied as cURL.');
  };

  const shown: ReplaySummary | null = recent.find((item) => item.id === selected) ?? null;
  const isKindly =
    template === 'kindly.message' ||
    /kindly/iu.test(path) ||
    headers.some(([name]) => name.toLowerCase() === 'kindly-hmac');

  return (
    <div className="compose-view">
      <section className="compose-form" aria-label="Compose a webhook">
        <header className="compose-head">
          <h2>Compose a webhook</h2>
          <button type="button" className="button button-small" onClick={() => setPasteOpen(true)}>
            <ClipboardPaste size={14} /> Paste cURL…
          </button>
        </header>
        <Segmented<Template> label="Template" value={template} onChange={setTemplate} options={TEMPLATES} />
        {(template === 'dashly.lead' || template === 'dashly.operator') && (
          <div className="compose-grid">
            <Field label="Message text" wide>
              <textarea value={dashlyBody} onChange={(event) => setDashlyBody(event.target.value)} rows={3} />
            </Field>
            <Field label="Conversation id">
              <input
                className="mono"
                value={conversationId}
                onChange={(event) => setConversationId(event.target.value)}
              />
            </Field>
            {template === 'dashly.lead' ? (
              <Field label="Lead (user) id">
                <input className="mono" value={userId} onChange={(event) => setUserId(event.target.value)} />
              </Field>
            ) : (
              <Field label="Operator (admin) id">
                <input
                  className="mono"
                  value={adminId}
                  onChange={(event) => setAdminId(event.target.value)}
                />
              </Field>
            )}
            <Field label="Operator name (from / assignee)">
              <input value={adminName} onChange={(event) => setAdminName(event.target.value)} />
            </Field>
            <Field label="Tags (comma-separated)">
              <input value={tags} onChange={(event) => setTags(event.target.value)} />
            </Field>
            <Field label="Webhook token">
              <input
                className="mono"
                value={token}
                placeholder="xxx (type yours to pass a token check)"
                onChange={(event) => setToken(event.target.value)}
              />
            </Field>
            <label className="check-line">
              <input type="checkbox" checked={closed} onChange={(event) => setClosed(event.target.checked)} />
              Conversation closed
            </label>
          </div>
        )}
        {template === 'kindly.message' && (
          <div className="compose-grid">
            <Field label="Message (what the user wrote)" wide>
              <textarea value={message} onChange={(event) => setMessage(event.target.value)} rows={2} />
            </Field>
            <Field label="Chat id">
              <input
                className="mono"
                value={chatId}
                placeholder="new UUID"
                onChange={(event) => setChatId(event.target.value)}
              />
            </Field>
            <Field label="User id">
              <input
                className="mono"
                value={kindlyUser}
                onChange={(event) => setKindlyUser(event.target.value)}
              />
            </Field>
            <Field label="Bot id">
              <input className="mono" value={botId} onChange={(event) => setBotId(event.target.value)} />
            </Field>
            <Field label="Page URL (web_url)">
              <input
                value={webUrl}
                placeholder="optional"
                onChange={(event) => setWebUrl(event.target.value)}
              />
            </Field>
            <div className="compose-field compose-field-wide">
              <span>Context (JSON object)</span>
              <JsonEditor
                label="Context JSON"
                value={context}
                onChange={setContext}
                minHeight={90}
                maxHeight={220}
              />
            </div>
          </div>
        )}
        {template === 'custom' && (
          <div className="compose-grid">
            <Field label="Method">
              <input className="mono" value={method} onChange={(event) => setMethod(event.target.value)} />
            </Field>
            <Field label="Path (for the listener)">
              <input className="mono" value={path} onChange={(event) => setPath(event.target.value)} />
            </Field>
            <div className="compose-field compose-field-wide">
              <span>Headers</span>
              <PairsEditor label="Header" pairs={headers} onChange={setHeaders} />
            </div>
            <div className="compose-field compose-field-wide">
              <span>Body</span>
              {customBodyBase64 !== null ? (
                <div className="muted body-note">
                  Binary body from the pasted command: sent as is.{' '}
                  <button type="button" className="link-button" onClick={() => setCustomBodyBase64(null)}>
                    Replace with text
                  </button>
                </div>
              ) : (
                <textarea
                  className="body-textarea mono"
                  value={customBody}
                  spellCheck={false}
                  onChange={(event) => setCustomBody(event.target.value)}
                />
              )}
            </div>
          </div>
        )}
        {(template === 'kindly.message' || (template === 'custom' && isKindly)) && (
          <label className="check-line">
            <input type="checkbox" checked={sign} onChange={(event) => setSign(event.target.checked)} />
            Sign with the stored Kindly HMAC secret
          </label>
        )}
        <div className="compose-target">
          <span className="form-label">Send to</span>
          <Segmented<'listener' | 'url'>
            label="Send to"
            value={targetKind}
            onChange={setTargetKind}
            options={[
              { value: 'listener', label: 'Listener' },
              { value: 'url', label: 'URL' },
            ]}
          />
          {targetKind === 'url' && (
            <input
              className="target-url mono"
              aria-label="Target URL"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          )}
        </div>
        {problem && (
          <div className="inline-error" role="alert">
            {problem}
          </div>
        )}
        <div className="compose-actions">
          <button
            type="button"
            className="button button-small"
            disabled={!preview}
            onClick={() => void copyCurl()}
          >
            <TerminalSquare size={14} /> Copy as cURL
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={Boolean(problem) || sending}
            onClick={() => void send()}
          >
            <Play size={14} /> Send
          </button>
        </div>
      </section>
      <section className="compose-side" aria-label="Preview and results">
        <h3>Request</h3>
        {preview ? (
          <>
            {preview.signature && <SignatureNote signature={preview.signature} />}
            <pre className="code-block compose-preview">
              {headText(targetKind === 'url' ? { ...preview, url: url.trim() } : preview)}
            </pre>
            <BodyViewer
              body={preview.body}
              contentType={preview.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1]}
              label="Body"
            />
          </>
        ) : (
          <div className="muted">Fill in the fields to see the request.</div>
        )}
        <h3>Sent</h3>
        {recent.length === 0 ? (
          <div className="muted">Nothing sent yet.</div>
        ) : (
          <ul className="replay-list">
            {recent.slice(0, 8).map((replay) => (
              <li key={replay.id} className={`replay-row ${replay.id === selected ? 'replay-row-open' : ''}`}>
                <button
                  type="button"
                  className="replay-row-head"
                  aria-expanded={replay.id === selected}
                  onClick={() => setSelected(replay.id === selected ? null : replay.id)}
                >
                  {replay.state === 'running' ? (
                    <span className="status-pill status-pending">…</span>
                  ) : replay.status !== null ? (
                    <StatusPill status={replay.status} />
                  ) : (
                    <span className="status-pill status-server">ERR</span>
                  )}
                  <span className="replay-target mono">
                    {replay.method} {hostOf(replay.url)}
                  </span>
                  <span className="capture-spacer" />
                  <time>{formatTime(replay.startedAt)}</time>
                </button>
                {replay.id === selected && shown && (
                  <div className="replay-row-body">
                    <ReplayResult replay={shown} kindly={isKindly || /kindly/iu.test(replay.url)} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {pasteOpen && <PasteCurlDialog onClose={() => setPasteOpen(false)} />}
    </div>
  );
}
