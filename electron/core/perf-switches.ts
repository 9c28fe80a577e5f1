/**
 * Switches that turn individual performance optimisations off, for the benchmark's A/B runs
 * (`npm run bench`; see BENCHMARKS.md). Set `CONVOSCOPE_PERF_OFF` to a comma-separated list of
 * names, or `all`. Nothing else should set it: every switch only trades speed, never behaviour.
 */
export const PERF_SWITCHES = {
  /** WAL checkpoints run in a worker thread instead of inside the listener's commits. */
  checkpointWorker: 'checkpoint-worker',
  /** Full-text entries are written in large background batches (search catches up first). */
  deferredFts: 'deferred-fts',
  /** Dashly admins already recorded are not written again on every webhook. */
  adminCache: 'admin-cache',
  /** JSON bodies without a 16-digit run are parsed by V8's JSON.parse, not the lossless parser. */
  fastJson: 'fast-json',
  /** The store's page cache is 64 MB instead of 16 MB. */
  pageCache: 'page-cache',
  /** Parsed settings values are kept instead of validated again on every read. */
  settingsCache: 'settings-cache',
  /**
   * A webhook answered from its path alone (ack) is stored as received and parsed into summary,
   * messages and conversation after it was answered, in slices that yield to a busy listener.
   */
  deriveLater: 'derive-later',
} as const;

export type PerfSwitch = (typeof PERF_SWITCHES)[keyof typeof PERF_SWITCHES];

let off: Set<string> | null = null;

export function perfEnabled(name: PerfSwitch): boolean {
  off ??= new Set(
    (process.env.CONVOSCOPE_PERF_OFF ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );
  return !off.has('all') && !off.has(name);
}
