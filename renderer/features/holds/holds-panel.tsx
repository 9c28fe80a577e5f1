import { ChevronDown, ChevronUp, Hand } from 'lucide-react';
import { useEffect, useState } from 'react';
import { resolveAllHolds, setHoldsPanelCollapsed } from '../../state/holds-actions.js';
import { useAppStore } from '../../state/store.js';
import { EndedHoldNote } from './ended-hold-note.js';
import { HoldCard } from './hold-card.js';
import { HoldCountdown } from './hold-countdown.js';

const BASE_TITLE = typeof document === 'undefined' ? 'Convoscope' : document.title || 'Convoscope';

/** How many requests wait for the operator (the Endpoints tab's badge). */
export function useOpenHoldCount(): number {
  return useAppStore((state) => state.holds.length);
}

/** The window title carries the count, so a held request shows in the task bar and tab strip. */
function useHoldsTitle(count: number): void {
  useEffect(() => {
    document.title = count > 0 ? `(${count} held) ${BASE_TITLE}` : BASE_TITLE;
  }, [count]);
}

/**
 * The holds queue, over every view: present while requests are held (or just ended), absent
 * otherwise. It never takes focus: new holds appear, and the operator moves to them when ready.
 */
export function HoldsPanel() {
  const holds = useAppStore((state) => state.holds);
  const ended = useAppStore((state) => state.endedHolds);
  const collapsed = useAppStore((state) => state.holdsPanelCollapsed);
  const [confirmAbortAll, setConfirmAbortAll] = useState(false);
  const [busy, setBusy] = useState(false);
  useHoldsTitle(holds.length);

  // Notes are hidden while folded, so a folded panel with nothing held has nothing to show.
  if (holds.length === 0 && (ended.length === 0 || collapsed)) return null;
  const soonest = holds.reduce<(typeof holds)[number] | null>(
    (best, entry) => (best === null || entry.localDeadline < best.localDeadline ? entry : best),
    null,
  );
  const all = async (action: 'fallback' | 'abort') => {
    setBusy(true);
    try {
      await resolveAllHolds({ action });
    } finally {
      setBusy(false);
      setConfirmAbortAll(false);
    }
  };

  return (
    <aside className={`holds-panel ${collapsed ? 'holds-panel-collapsed' : ''}`} aria-label="Held requests">
      <header className="holds-panel-header">
        <Hand size={15} aria-hidden="true" />
        <h2>
          {holds.length > 0
            ? `${holds.length} held request${holds.length === 1 ? '' : 's'}`
            : 'No held requests'}
        </h2>
        {collapsed && soonest && (
          <div className="holds-panel-soonest">
            <HoldCountdown entry={soonest} compact />
          </div>
        )}
        <span className="capture-spacer" />
        {!collapsed && holds.length > 1 && (
          <>
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void all('fallback')}
            >
              Fallback all
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              disabled={busy}
              aria-expanded={confirmAbortAll}
              onClick={() => setConfirmAbortAll(true)}
            >
              Abort all…
            </button>
          </>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={collapsed ? 'Expand the held requests' : 'Collapse the held requests'}
          aria-expanded={!collapsed}
          onClick={() => setHoldsPanelCollapsed(!collapsed)}
        >
          {collapsed ? <ChevronUp size={15} /> : <ChevronDown size={15} />}
        </button>
      </header>
      {confirmAbortAll && holds.length > 1 && !collapsed && (
        <div
          className="confirm-box holds-panel-confirm"
          role="alertdialog"
          aria-label="Abort every held request?"
        >
          <p>Close all {holds.length} connections without any answer? Each sender sees a network error.</p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button button-small button-danger-solid"
              disabled={busy}
              onClick={() => void all('abort')}
            >
              Close all connections
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirmAbortAll(false)}>
              Keep waiting
            </button>
          </div>
        </div>
      )}
      <div className="holds-panel-body" hidden={collapsed}>
        <div className="ended-notes" role="status" aria-live="polite">
          {ended.map((note) => (
            <EndedHoldNote key={note.resolved.id} note={note} />
          ))}
        </div>
        {holds.map((entry, index) => (
          <HoldCard key={entry.hold.id} entry={entry} openCount={holds.length} firstInQueue={index === 0} />
        ))}
      </div>
    </aside>
  );
}
