import { useId } from 'react';
import type { ReplayTarget, ReplayTargets } from '../../../shared/model/replay.js';
import { Segmented } from '../../components/segmented.js';

export type TargetKind = ReplayTarget['kind'];

/** Listener, the endpoint's forward target, or a typed URL (with the endpoint's recent URLs offered). */
export function TargetPicker({
  targets,
  kind,
  url,
  onKind,
  onUrl,
  allowForward = true,
}: {
  targets: ReplayTargets | null;
  kind: TargetKind;
  url: string;
  onKind: (kind: TargetKind) => void;
  onUrl: (url: string) => void;
  allowForward?: boolean;
}) {
  const listId = useId();
  const forwardAvailable = allowForward && Boolean(targets?.forwardTarget);
  const options: { value: TargetKind; label: string }[] = [
    { value: 'listener', label: 'Listener' },
    ...(allowForward ? [{ value: 'forward' as const, label: 'Forward target' }] : []),
    { value: 'url', label: 'URL' },
  ];
  return (
    <div className="target-picker">
      <Segmented label="Replay target" options={options} value={kind} onChange={onKind} />
      {kind === 'listener' && (
        <span className="target-note">
          Runs through the endpoint’s current mode{targets ? <code>{targets.listenerUrl}</code> : null}
        </span>
      )}
      {kind === 'forward' &&
        (forwardAvailable ? (
          <span className="target-note">
            <code>{targets?.forwardTarget}</code>
          </span>
        ) : (
          <span className="target-note target-note-warn">
            {targets?.endpoint
              ? `The endpoint ${targets.endpoint} has no forward target.`
              : 'No endpoint covers this path.'}
          </span>
        ))}
      {kind === 'url' && (
        <>
          <input
            className="target-url mono"
            type="url"
            aria-label="Target URL"
            placeholder="http://localhost:3000/webhook"
            list={listId}
            value={url}
            onChange={(event) => onUrl(event.target.value)}
          />
          <datalist id={listId}>
            {(targets?.recentUrls ?? []).map((recent) => (
              <option key={recent} value={recent} />
            ))}
          </datalist>
        </>
      )}
    </div>
  );
}

export function targetFrom(kind: TargetKind, url: string): ReplayTarget {
  return kind === 'url' ? { kind, url: url.trim() } : { kind };
}

/** A typed URL worth sending: http(s) and parseable. */
export function targetProblem(kind: TargetKind, url: string, targets: ReplayTargets | null): string | null {
  if (kind === 'forward' && !targets?.forwardTarget) return 'No forward target for this endpoint.';
  if (kind !== 'url') return null;
  if (url.trim() === '') return 'Type a URL.';
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'Only http:// and https:// URLs.';
  } catch {
    return 'Not a URL.';
  }
  return null;
}
