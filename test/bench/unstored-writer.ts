import type { CaptureSummary } from '../../shared/model/capture.js';
import { summaryOf } from '../../electron/core/store/capture-writer.js';
import type { NewCapture } from '../../electron/core/store/records.js';

export { recordResponseMessages, type DeferredParsing } from '../../electron/core/store/capture-writer.js';

/**
 * Bench-only (never in the app): stands in for the group-commit writer in a diagnostic build of the
 * serve process (`test/bench/run.mjs` swaps it in for app.ts's import) and stores nothing. Inserts
 * are settled once per turn of the event loop, as the real writer's commits are, and announced the
 * same way, so that the run measures everything the listener does except the SQLite work: how much
 * of the gap to the bare server is the cost of storing each capture before its answer.
 */
export class CaptureWriter {
  private pending: { capture: NewCapture; resolve: (summary: CaptureSummary) => void }[] = [];
  private scheduled = false;
  private nextId = 1;

  constructor(
    _store: unknown,
    private readonly onCommitted: (added: CaptureSummary[], updated: CaptureSummary[]) => void,
  ) {}

  insert(capture: NewCapture): Promise<CaptureSummary> {
    return new Promise((resolve) => {
      this.pending.push({ capture, resolve });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Nothing is ever queued for parsing here. */
  parsingDeferred(): boolean {
    return false;
  }

  settleParsing(): Promise<void> {
    return Promise.resolve();
  }

  setResponse(): void {}
  setAnnotations(): void {}
  setLatency(): void {}
  setSummary(): void {}

  flush(): void {
    this.scheduled = false;
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return;
    const added = pending.map(({ capture }) => summaryOf(this.nextId++, capture));
    pending.forEach(({ resolve }, index) => resolve(added[index]!));
    this.onCommitted(added, []);
  }

  close(): void {
    this.flush();
  }
}
