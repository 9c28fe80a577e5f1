import { Hourglass } from 'lucide-react';

const count = new Intl.NumberFormat();

/**
 * Above the capture list while captures received during a burst wait to be parsed: they are already stored
 * and listed, and their summaries, conversations and search entries fill in as this counts down.
 */
export function ParsingBacklogChip({ pending }: { pending: number }) {
  const captures = `${count.format(pending)} ${pending === 1 ? 'capture' : 'captures'}`;
  return (
    <span
      className="health-chip parsing-chip"
      role="status"
      aria-label={`Parsing ${captures} received during a burst`}
      title={`Parsing ${captures} received during a burst. They are stored and listed; their summaries, conversations and search entries fill in as this counts down. Nothing is lost if the app stops.`}
    >
      <Hourglass size={14} aria-hidden="true" /> Parsing {captures}…
    </span>
  );
}
