import { Hourglass } from 'lucide-react';
import { useAppStore } from '../../state/store.js';

const count = new Intl.NumberFormat();

/**
 * In the top bar while captures received during a burst wait to be parsed: they are already stored
 * and listed, and their summaries, conversations and search entries fill in as this counts down.
 */
export function ParsingBacklogChip() {
  const pending = useAppStore((state) => state.health?.parsing.pending ?? 0);
  if (pending === 0) return null;
  return (
    <span
      className="health-chip parsing-chip"
      role="status"
      title="Received during a burst and stored as received. Their list lines, conversations and search entries are filled in now; nothing is lost if the app stops."
    >
      <Hourglass size={14} aria-hidden="true" /> Parsing {count.format(pending)}{' '}
      {pending === 1 ? 'capture' : 'captures'}…
    </span>
  );
}
