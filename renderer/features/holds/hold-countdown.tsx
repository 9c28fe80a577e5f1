import { useNow } from '../../lib/use-now.js';
import type { HeldRequest } from '../../state/holds-slice.js';

/** A live bar from the hold's start to its deadline, on the local clock corrected for skew. */
export function HoldCountdown({ entry, compact = false }: { entry: HeldRequest; compact?: boolean }) {
  const now = useNow();
  const total = Math.max(1, entry.localDeadline - entry.localHeldAt);
  const left = Math.max(0, entry.localDeadline - now);
  const fraction = Math.min(1, left / total);
  const tone = left <= 2000 ? 'danger' : fraction < 0.5 ? 'warn' : 'ok';
  const seconds = Math.ceil(left / 1000);
  return (
    <div className={`hold-countdown ${compact ? 'hold-countdown-compact' : ''}`}>
      <div
        className="hold-countdown-track"
        role="progressbar"
        aria-label="Time left before the fallback is sent"
        aria-valuemin={0}
        aria-valuemax={Math.round(total / 1000)}
        aria-valuenow={seconds}
        aria-valuetext={left > 0 ? `${seconds} seconds left` : 'Sending the fallback'}
      >
        <div
          className={`hold-countdown-bar hold-tone-${tone}`}
          style={{ transform: `scaleX(${fraction})` }}
        />
      </div>
      <span className={`hold-countdown-text hold-text-${tone}`}>
        {left > 0 ? `${(left / 1000).toFixed(1)} s` : 'now'}
      </span>
    </div>
  );
}
