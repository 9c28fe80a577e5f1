import { Play, TerminalSquare } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaptureDetail } from '../../../shared/model/capture.js';
import type { PreparedRequest, ReplayTargets } from '../../../shared/model/replay.js';
import { ApiCallError, call } from '../../api/client.js';
import { Tabs } from '../../components/tabs.js';
import { headerValue } from '../../lib/body.js';
import { closeReplayEditor, loadCaptureReplays, startReplay } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';
import { useSettings } from '../settings/use-settings.js';
import { BodyEditor } from './body-editor.js';
import { bodyEdit, initialBodyModel, type BodyModel } from './body-model.js';
import { DialogFrame } from './dialog-frame.js';
import { PairsEditor } from './pairs-editor.js';
import { ReplayResult, SignatureNote } from './replay-result.js';
import { buildEdits, queryPairs, sendableHeaders, splitPath } from './request-edits.js';
import { TargetPicker, targetFrom, targetProblem, type TargetKind } from './target-picker.js';

type EditorTab = 'body' | 'headers' | 'query';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function errorText(error: unknown): string {
  return error instanceof ApiCallError || error instanceof Error ? error.message : String(error);
}

/** The Edit & replay dialog for one capture. */
export function ReplayEditorOverlay() {
  const captureId = useAppStore((state) => state.replayEditorFor);
  if (captureId === null) return null;
  return <ReplayEditorLoader key={captureId} captureId={captureId} />;
}

function ReplayEditorLoader({ captureId }: { captureId: number }) {
  const open = useAppStore((state) => (state.detail?.id === captureId ? state.detail.data : null));
  const [capture, setCapture] = useState<CaptureDetail | null>(open);
  const [targets, setTargets] = useState<ReplayTargets | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!capture)
      call('captures.get', { id: captureId })
        .then((data) => live && setCapture(data))
        .catch((reason: unknown) => live && setError(errorText(reason)));
    call('replays.targets', { captureId })
      .then((data) => live && setTargets(data))
      .catch((reason: unknown) => live && setError(errorText(reason)));
    void loadCaptureReplays(captureId);
    return () => {
      live = false;
    };
    // Loaded once per capture.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [captureId]);
  return (
    <DialogFrame title={`Edit & replay · capture #${captureId}`} onClose={closeReplayEditor} wide>
      {error && <div className="inline-error">{error}</div>}
      {capture && targets ? (
        <ReplayEditor capture={capture} targets={targets} />
      ) : (
        !error && <div className="muted">Loading…</div>
      )}
    </DialogFrame>
  );
}

function ReplayEditor({ capture, targets }: { capture: CaptureDetail; targets: ReplayTargets }) {
  const settings = useSettings();
  const [kind, setKind] = useState<TargetKind>(targets.last.kind);
  const [url, setUrl] = useState(
    targets.last.kind === 'url' ? targets.last.url : (targets.recentUrls[0] ?? ''),
  );
  const original = splitPath(capture.path);
  const [method, setMethod] = useState(capture.method);
  const [pathname, setPathname] = useState(original.pathname);
  const [query, setQuery] = useState<[string, string][]>(() => queryPairs(original.query));
  const [headers, setHeaders] = useState<[string, string][]>(() => sendableHeaders(capture.headers));
  const [model, setModel] = useState<BodyModel>(() =>
    initialBodyModel(capture.body.base64, headerValue(capture.headers, 'content-type')),
  );
  const [tab, setTab] = useState<EditorTab>('body');
  const [resign, setResign] = useState(true);
  const timeoutDefault = Number(settings?.values['replay.timeoutMs'] ?? 15_000) / 1000;
  const [timeout, setTimeoutSeconds] = useState<string>('');
  const [preview, setPreview] = useState<PreparedRequest | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [sentId, setSentId] = useState<number | null>(null);
  const sent = useAppStore((state) => state.captureReplays?.items.find((item) => item.id === sentId) ?? null);
  const editorRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLElement>(null);
  // The dialog opened before this loaded: start in the target picker.
  useEffect(() => {
    editorRef.current?.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')?.focus();
  }, []);
  // A sent replay's progress and answer come into view.
  useEffect(() => {
    if (sentId !== null) outcomeRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [sentId, sent?.state]);

  const body = bodyEdit(model);
  const edits = useMemo(
    () => buildEdits(capture, { method, pathname, query, headers, body: body.body }),
    // body.body is derived from model each render; model is the real dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [capture, method, pathname, query, headers, model],
  );
  const editsKey = JSON.stringify(edits);
  const problem = targetProblem(kind, url, targets) ?? body.error;
  const kindly = capture.provider === 'kindly' || headerValue(capture.headers, 'kindly-hmac') !== undefined;

  useEffect(() => {
    if (problem) return;
    let live = true;
    const timer = window.setTimeout(() => {
      call('replays.preview', { id: capture.id, target: targetFrom(kind, url), edits, resign })
        .then((data) => {
          if (!live) return;
          setPreview(data);
          setPreviewError(null);
        })
        .catch((reason: unknown) => live && setPreviewError(errorText(reason)));
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // editsKey stands for edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [capture.id, kind, url, editsKey, resign, problem]);

  const timeoutMs = timeout.trim() === '' ? undefined : Math.round(Number(timeout) * 1000);
  const timeoutBad =
    timeoutMs !== undefined && (!Number.isFinite(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000);
  const running = sent?.state === 'running';

  const send = async () => {
    if (problem || timeoutBad || running) return;
    const replay = await startReplay(capture.id, targetFrom(kind, url), {
      edits,
      resign,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (replay) setSentId(replay.id);
  };

  const copyCurl = async () => {
    try {
      const result = await call('captures.curl', {
        id: capture.id,
        target: targetFrom(kind, url),
        edits,
        resign,
      });
      await navigator.clipboard.writeText(result.command);
      useAppStore
        .getState()
        .showToast(
          result.bodyFile
            ? 'Copied (the binary body goes in a file; see Copy as cURL in the capture).'
            : 'Copied as cURL.',
        );
    } catch (reason) {
      useAppStore.getState().showToast(`Could not copy: ${errorText(reason)}`, 'error');
    }
  };

  const changed = Object.keys(edits).length > 0;
  return (
    <div
      ref={editorRef}
      className="replay-editor"
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void send();
        }
      }}
    >
      <TargetPicker targets={targets} kind={kind} url={url} onKind={setKind} onUrl={setUrl} />
      <div className="request-line">
        <input
          className="method-input mono"
          aria-label="Method"
          list="replay-methods"
          value={method}
          onChange={(event) => setMethod(event.target.value)}
        />
        <datalist id="replay-methods">
          {METHODS.map((item) => (
            <option key={item} value={item} />
          ))}
        </datalist>
        {kind === 'url' ? (
          <span className="muted request-line-note">
            The typed URL is used as it is (path and query included).
          </span>
        ) : (
          <input
            className="path-input mono"
            aria-label="Path"
            value={pathname}
            onChange={(event) => setPathname(event.target.value)}
          />
        )}
      </div>
      <Tabs<EditorTab>
        label="Request parts"
        active={tab}
        onChange={setTab}
        items={[
          {
            id: 'body',
            label: `Body${model.kind === 'form' ? ' (fields)' : model.kind === 'json' ? ' (JSON)' : ''}`,
          },
          { id: 'headers', label: `Headers (${headers.length})` },
          { id: 'query', label: `Query (${query.length})`, disabled: kind === 'url' },
        ]}
      />
      <div className="editor-pane" role="tabpanel">
        {tab === 'body' && <BodyEditor model={model} onChange={setModel} />}
        {tab === 'headers' && (
          <>
            <PairsEditor label="Header" pairs={headers} onChange={setHeaders} />
            <p className="form-help">
              Host and Content-Length are set when sending; hop-by-hop headers are dropped.
            </p>
          </>
        )}
        {tab === 'query' && <PairsEditor label="Query parameter" pairs={query} onChange={setQuery} />}
      </div>
      <div className="replay-send-bar">
        {kindly && (
          <label className="check-line">
            <input type="checkbox" checked={resign} onChange={(event) => setResign(event.target.checked)} />
            Re-sign Kindly-HMAC when the body changed
          </label>
        )}
        <label className="timeout-field">
          Timeout
          <input
            type="number"
            min={0.1}
            max={600}
            step={1}
            aria-label="Timeout in seconds"
            placeholder={String(timeoutDefault)}
            value={timeout}
            onChange={(event) => setTimeoutSeconds(event.target.value)}
          />
          s
        </label>
        <span className="capture-spacer" />
        <span className="muted">{changed ? 'Edited' : 'As captured'}</span>
        <button
          type="button"
          className="button button-small"
          onClick={() => void copyCurl()}
          disabled={Boolean(problem)}
        >
          <TerminalSquare size={14} /> Copy as cURL
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={Boolean(problem) || timeoutBad || running}
          onClick={() => void send()}
          title="Ctrl+Enter"
        >
          <Play size={14} /> Send
        </button>
      </div>
      {(problem || timeoutBad) && (
        <div className="inline-error" role="alert">
          {problem ?? 'The timeout is between 0.1 and 600 seconds.'}
        </div>
      )}
      {!problem && previewError && <div className="inline-error">{previewError}</div>}
      {!problem && preview && (
        <div className="replay-preview" aria-label="What will be sent">
          <div className="mono preview-line">
            {preview.method} {preview.url}
          </div>
          {kindly && <SignatureNote signature={preview.signature} />}
          {preview.warnings.map((warning) => (
            <div key={warning} className="muted">
              {warning}
            </div>
          ))}
        </div>
      )}
      {sent && (
        <section ref={outcomeRef} className="replay-outcome" aria-label="Replay result">
          <h3>Result</h3>
          <ReplayResult replay={sent} kindly={kindly} />
        </section>
      )}
    </div>
  );
}
