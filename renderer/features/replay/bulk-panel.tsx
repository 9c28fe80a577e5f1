import { Square, X } from 'lucide-react';
import type { BulkProgress } from '../../../shared/model/replay.js';
import { cancelBulk, describeTarget } from '../../state/replay-actions.js';
import { useAppStore } from '../../state/store.js';

const CLASSES = ['2xx', '3xx', '4xx', '5xx', '1xx'] as const;

/** A bulk run's progress bar, counts and, once it ended, its summary. */
export function BulkPanel({ progress }: { progress: BulkProgress }) {
  const running = progress.state === 'running';
  const percent = progress.total === 0 ? 100 : Math.round((progress.done / progress.total) * 100);
  return (
    <section className={`bulk-panel bulk-${progress.state}`} aria-label="Bulk replay">
      <div className="bulk-head">
        <strong>
          {running
            ? 'Replaying'
            : progress.state === 'cancelled'
              ? 'Bulk replay cancelled'
              : 'Bulk replay done'}
        </strong>
        <span className="muted">
          {progress.done} / {progress.total} to {describeTarget(progress.target)} · {progress.concurrency} at
          a time
        </span>
        <span className="capture-spacer" />
        {running ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => void cancelBulk(progress.bulkId)}
          >
            <Square size={12} /> Cancel
          </button>
        ) : (
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss the bulk summary"
            onClick={() => useAppStore.setState({ bulk: null })}
          >
            <X size={14} />
          </button>
        )}
      </div>
      <progress
        className="bulk-progress"
        max={progress.total}
        value={progress.done}
        aria-label={`Bulk replay progress, ${percent}%`}
      />
      <div className="bulk-counts" role="status">
        {CLASSES.filter((klass) => progress.byClass[klass] > 0 || klass === '2xx').map((klass) => (
          <span key={klass} className={`bulk-count bulk-count-${klass}`}>
            {klass} <strong>{progress.byClass[klass]}</strong>
          </span>
        ))}
        <span className={`bulk-count ${progress.failed > 0 ? 'bulk-count-failed' : ''}`}>
          no answer <strong>{progress.failed}</strong>
        </span>
        {progress.cancelled > 0 && (
          <span className="bulk-count">
            cancelled <strong>{progress.cancelled}</strong>
          </span>
        )}
        {progress.timing && (
          <span className="bulk-count muted">
            p50 {progress.timing.p50.toFixed(0)} ms · p95 {progress.timing.p95.toFixed(0)} ms · max{' '}
            {progress.timing.max.toFixed(0)} ms
          </span>
        )}
      </div>
      {progress.errors.length > 0 && (
        <ul className="bulk-errors">
          {progress.errors.slice(0, 3).map((error) => (
            <li key={error.message}>
              <strong>{error.count}×</strong> {error.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
