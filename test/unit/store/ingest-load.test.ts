import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { IngestLoad } from '../../../electron/core/store/ingest-load.js';

/** Long windows, so a loaded machine that pauses this process does not skip one. */
const WINDOW_MS = 200;

/** Keeps the event loop working without a turn. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

const newLoad = () =>
  new IngestLoad({ windowMs: WINDOW_MS, minCommits: 10, saturatedShare: 0.75, floodShare: 0.9 });

describe('ingest load', () => {
  it("counts the listener's work, not the deriver's own slices", () => {
    const load = newLoad();
    load.noteCommitted(10);
    const started = performance.now();
    spin(WINDOW_MS + 5);
    load.noteOwnWork(performance.now() - started);
    expect(load.saturated()).toBe(false);

    load.noteCommitted(10);
    spin(WINDOW_MS + 5);
    expect(load.saturated()).toBe(true);
    // One saturated window is not a flood yet; a second one in a row is.
    expect(load.sustained()).toBe(false);
    load.noteCommitted(10);
    spin(WINDOW_MS + 5);
    expect(load.sustained()).toBe(true);
  });

  it('a busy event loop without commits is not a flood (a long search, a busy UI)', () => {
    const load = newLoad();
    load.noteCommitted(9);
    spin(WINDOW_MS + 5);
    expect(load.saturated()).toBe(false);
    expect(load.active()).toBe(true);
  });
});
