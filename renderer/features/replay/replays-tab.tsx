import { ChevronDown, ChevronRight, History } from 'lucide-react';
import { useEffect } from 'react';
import type { CaptureDetail } from '../../../shared/model/capture.js';
import type { ReplaySummary } from '../../../shared/model/replay.js';
import { StatusPill } from '../../components/badges.js';
import { headerValue } from '../../lib/body.js';
import { formatTime } from '../../lib/format.js';
import { hostOf, loadCaptureReplays, loadMoreReplays } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';
import { ReplayResult } from './replay-result.js';

const TARGET_LABEL = { listener: 'listener', forward: 'forward target', url: 'URL' } as const;

function ReplayRow({ replay, kindly }: { replay: ReplaySummary; kindly: boolean }) {
  const expanded = useAppStore((state) => state.expandedReplay === replay.id);
  return (
    <li className={`replay-row ${expanded ? 'replay-row-open' : ''}`}>
      <button
        type="button"
        className="replay-row-head"
        aria-expanded={expanded}
        onClick={() => useAppStore.setState({ expandedReplay: expanded ? null : replay.id })}
      >
        {expanded ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
        {replay.state === 'running' ? (
          <span className="status-pill status-pending">…</span>
        ) : replay.status !== null ? (
          <StatusPill status={replay.status} />
        ) : (
          <span className="status-pill status-server" title={replay.error ?? undefined}>
            {replay.state === 'cancelled' ? '✕' : 'ERR'}
          </span>
        )}
        <span className="replay-target mono" title={replay.url}>
          {replay.method} {hostOf(replay.url)}
        </span>
        <span className="meta-tag">{TARGET_LABEL[replay.targetKind]}</span>
        {replay.edited && <span className="meta-tag">edited</span>}
        {replay.signature && replay.signature.mode !== 'original' && (
          <span className={`meta-tag ${replay.signature.mode === 'stale' ? 'meta-tag-warn' : ''}`}>
            {replay.signature.mode === 'signed' ? 're-signed' : replay.signature.mode}
          </span>
        )}
        {replay.bulkId && <span className="meta-tag">bulk</span>}
        <span className="capture-spacer" />
        <span className="muted">
          {replay.state === 'running'
            ? 'running'
            : replay.durationMs !== null
              ? `${replay.durationMs.toFixed(0)} ms`
              : ''}
        </span>
        <time dateTime={new Date(replay.startedAt).toISOString()}>{formatTime(replay.startedAt)}</time>
      </button>
      {expanded && (
        <div className="replay-row-body">
          <ReplayResult replay={replay} kindly={kindly} />
        </div>
      )}
    </li>
  );
}

/** The replays of a capture, newest first, each opening to the target's answer. */
export function ReplaysTab({ capture }: { capture: CaptureDetail }) {
  const replays = useAppStore((state) =>
    state.captureReplays?.captureId === capture.id ? state.captureReplays.items : null,
  );
  const hasMore = useAppStore(
    (state) => state.captureReplays?.captureId === capture.id && state.captureReplays.next !== null,
  );
  const kindly = capture.provider === 'kindly' || headerValue(capture.headers, 'kindly-hmac') !== undefined;
  if (replays === null) return <div className="muted">Loading…</div>;
  if (replays.length === 0)
    return (
      <div className="replays-empty">
        <History size={20} aria-hidden="true" />
        <p>No replays yet.</p>
        <p className="muted">
          Press <kbd>r</kbd> to replay to the last target, or <kbd>e</kbd> to edit and replay.
        </p>
      </div>
    );
  return (
    <>
      <ul className="replay-list" aria-label="Replays">
        {replays.map((replay) => (
          <ReplayRow key={replay.id} replay={replay} kindly={kindly} />
        ))}
      </ul>
      {hasMore && (
        <button
          type="button"
          className="button button-small replays-more"
          onClick={() => void loadMoreReplays()}
        >
          Older replays
        </button>
      )}
    </>
  );
}

/** Loads the open capture's replays and answers their count, for the tab label. */
export function useReplayCount(captureId: number): number | null {
  useEffect(() => {
    void loadCaptureReplays(captureId);
  }, [captureId]);
  return useAppStore((state) =>
    state.captureReplays?.captureId === captureId ? state.captureReplays.items.length : null,
  );
}
