import { CircleAlert, GitCompareArrows, LoaderCircle, Square } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ReplayDetail, ReplaySummary } from '../../../shared/model/replay.js';
import { StatusPill } from '../../components/badges.js';
import { BodyViewer } from '../../components/body-viewer.js';
import { HeadersTable } from '../../components/headers-table.js';
import { ApiCallError, call } from '../../api/client.js';
import { headerValue } from '../../lib/body.js';
import { formatBytes } from '../../lib/format.js';
import { cancelReplay, openDiff } from '../../state/replay-actions.js';
import { selectCapture } from '../../state/capture-actions.js';
import { useAppStore } from '../../state/store.js';
import { KindlyResponseInspection } from '../kindly-studio/capture/kindly-response-inspection.js';

export function SignatureNote({ signature }: { signature: ReplaySummary['signature'] }) {
  if (!signature) return null;
  const label =
    signature.mode === 'signed'
      ? 'signed with the stored secret'
      : signature.mode === 'original'
        ? 'original signature'
        : signature.mode === 'stale'
          ? 'stale signature (will not verify)'
          : 'not signed';
  return (
    <div className={`signature-note signature-${signature.mode}`} title={signature.note ?? undefined}>
      <span className="signature-label">Kindly-HMAC: {label}</span>
      {signature.header && <code>{signature.header}</code>}
    </div>
  );
}

function useElapsed(startedAt: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 200);
    return () => window.clearInterval(timer);
  }, [running]);
  return Math.max(0, now - startedAt);
}

/** A running replay with its countdown, or the target's answer once it is in. */
export function ReplayResult({ replay, kindly }: { replay: ReplaySummary; kindly: boolean }) {
  const running = replay.state === 'running';
  const elapsed = useElapsed(replay.startedAt, running);
  const [detail, setDetail] = useState<{
    id: number;
    state: string;
    data: ReplayDetail | null;
    error: string | null;
  } | null>(null);
  useEffect(() => {
    if (running) return;
    let live = true;
    call('replays.get', { id: replay.id })
      .then((data) => live && setDetail({ id: replay.id, state: replay.state, data, error: null }))
      .catch(
        (error: unknown) =>
          live &&
          setDetail({
            id: replay.id,
            state: replay.state,
            data: null,
            error: error instanceof ApiCallError ? error.message : String(error),
          }),
      );
    return () => {
      live = false;
    };
  }, [replay.id, replay.state, running]);

  if (running) {
    return (
      <div className="replay-running" role="status">
        <LoaderCircle size={14} className="spin" aria-hidden="true" />
        <span>
          Waiting for {replay.url} · {(elapsed / 1000).toFixed(1)} s of {(replay.timeoutMs / 1000).toFixed(0)}{' '}
          s
        </span>
        <progress
          max={replay.timeoutMs}
          value={Math.min(elapsed, replay.timeoutMs)}
          aria-label="Time waited"
        />
        <button type="button" className="button button-small" onClick={() => void cancelReplay(replay.id)}>
          <Square size={12} /> Cancel
        </button>
      </div>
    );
  }
  const data = detail?.id === replay.id ? detail.data : null;
  const contentType = data?.responseHeaders ? headerValue(data.responseHeaders, 'content-type') : undefined;
  return (
    <div className="replay-result">
      <div className="replay-result-line">
        {replay.status !== null ? (
          <StatusPill status={replay.status} />
        ) : (
          <span className="status-pill status-server">—</span>
        )}
        <span className="muted">
          {replay.state === 'cancelled' ? 'cancelled' : replay.state === 'failed' ? 'no answer' : 'answered'}
          {replay.durationMs !== null && ` in ${replay.durationMs.toFixed(1)} ms`}
          {replay.responseSize !== null && ` · ${formatBytes(replay.responseSize)}`}
        </span>
        <span className="capture-spacer" />
        {replay.listenerCaptureId !== null && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              useAppStore.getState().setView('captures');
              void selectCapture(replay.listenerCaptureId);
            }}
          >
            Open recorded capture #{replay.listenerCaptureId}
          </button>
        )}
        {replay.captureId !== null && replay.status !== null && (
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              openDiff(
                { capture: replay.captureId!, part: 'response' },
                { replay: replay.id, part: 'response' },
              )
            }
          >
            <GitCompareArrows size={14} /> Diff with the captured response
          </button>
        )}
      </div>
      {replay.error && (
        <div className="callout callout-error" role="alert">
          <CircleAlert size={14} aria-hidden="true" />
          <span>{replay.error}</span>
        </div>
      )}
      <SignatureNote signature={replay.signature} />
      {detail?.error && <div className="inline-error">{detail.error}</div>}
      {data?.responseBody && (
        <>
          {kindly && (
            <KindlyResponseInspection
              body={data.responseBody}
              status={replay.status}
              title="Kindly reply check"
              openInStudio={false}
            />
          )}
          <details className="replay-headers">
            <summary>Response headers ({data.responseHeaders?.length ?? 0})</summary>
            <HeadersTable headers={data.responseHeaders ?? []} />
          </details>
          <BodyViewer body={data.responseBody} contentType={contentType} label="Answer body" />
        </>
      )}
    </div>
  );
}
