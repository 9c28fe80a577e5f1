import { makeTempDir } from '../helpers/temp-dir.js';
import { startServeForBench } from './serve-runner.js';
import { median, worst } from './stats.js';
import type { Fixture } from './store-fixture.js';

export interface StartupRow {
  store: string;
  runs: number;
  medianMs: number;
  worstMs: number;
}
export interface StartupResults {
  rows: StartupRow[];
}

/** Spawn → both URL lines printed and both ports accepting, with an empty and with the 1M store. */
export async function benchStartup(
  fixture: Fixture,
  options: { quick: boolean },
  log: (line: string) => void,
): Promise<StartupResults> {
  const runs = options.quick ? 3 : 7;
  const rows: StartupRow[] = [];
  const empty: number[] = [];
  const full: number[] = [];
  // Interleaved, so both see the same machine load.
  for (let i = 0; i < runs; i++) {
    const temp = makeTempDir('convoscope-bench-start-');
    try {
      const a = await startServeForBench(temp.dir);
      empty.push(a.readyMs);
      await a.stop();
    } finally {
      temp.remove();
    }
    const b = await startServeForBench(fixture.dir);
    full.push(b.readyMs);
    await b.stop();
  }
  rows.push({ store: 'empty (new data folder)', runs, medianMs: median(empty), worstMs: worst(empty) });
  rows.push({
    store: `${fixture.captures.toLocaleString('en')} captures`,
    runs,
    medianMs: median(full),
    worstMs: worst(full),
  });
  for (const row of rows)
    log(`  ${row.store}: median ${Math.round(row.medianMs)} ms, worst ${Math.round(row.worstMs)} ms`);
  return { rows };
}
