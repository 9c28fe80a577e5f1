import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { EventBus } from '../events/event-bus.js';
import type { Log } from '../log.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { Store } from './store.js';

export interface RetentionLimits {
  /** Unstarred captures kept (starred ones come on top); 0 = no limit. */
  maxCaptures: number;
  /** 0 = no limit. */
  maxAgeMs: number;
  /** 0 = no limit. */
  maxBytes: number;
}

export interface RetentionPass {
  at: number;
  deleted: number;
  byAge: number;
  byCount: number;
  bySize: number;
}

export interface RetentionOptions {
  store: Store;
  settings: SettingsService;
  events: EventBus;
  log: Log;
  /** Captures deleted per transaction (default 100): short enough that ingest never waits long. */
  batchSize?: number;
  /** A pass also runs this often (default 60 s) … */
  intervalMs?: number;
  /** … and after this many new captures (default 500). */
  everyInserts?: number;
  now?: () => number;
  /**
   * Captures a pass must not delete even when they are the oldest: the ones being held, whose
   * answer is still to be recorded on them. They are deleted by a later pass once they end.
   */
  keep?: () => ReadonlySet<number>;
}

export function retentionLimits(settings: SettingsService): RetentionLimits {
  return {
    maxCaptures: settings.get('retention.maxCaptures'),
    maxAgeMs: settings.get('retention.maxAgeDays') * 24 * 60 * 60 * 1000,
    maxBytes: Math.round(settings.get('retention.maxStoreMB') * 1024 * 1024),
  };
}

/**
 * Deletes the oldest unstarred captures in the background when the store holds more than the user
 * allows (count, age, size). Each batch is one short transaction and the pass yields to the event
 * loop between batches, so the listener's group commits interleave and ingest never waits for a
 * whole pass. Deletes go through the repository, which keeps bodies, messages, full-text entries
 * and conversation summaries consistent.
 */
export class RetentionPruner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RetentionPass> | null = null;
  private again = false;
  private insertedSinceCheck = 0;
  private closed = false;
  private last: RetentionPass | null = null;
  private readonly batchSize: number;
  private readonly now: () => number;

  constructor(private readonly options: RetentionOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.timer = setInterval(() => void this.run(), this.options.intervalMs ?? 60_000);
    this.timer.unref();
    void this.run();
  }

  /** Called after captures were committed; a pass runs once enough arrived. */
  noteInserted(count: number): void {
    this.insertedSinceCheck += count;
    if (this.insertedSinceCheck >= (this.options.everyInserts ?? 500)) void this.run();
  }

  lastPass(): RetentionPass | null {
    return this.last;
  }

  /** Runs a pass now (or once more after the current one); resolves when the pass is done. */
  run(): Promise<RetentionPass> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.insertedSinceCheck = 0;
    this.running = this.pass()
      .catch((error: unknown) => {
        // A failing store is reported by the health monitor; a pass simply tries again later.
        this.options.log(`Retention pass failed: ${error instanceof Error ? error.message : String(error)}`);
        return { at: this.now(), deleted: 0, byAge: 0, byCount: 0, bySize: 0 };
      })
      .finally(() => {
        this.running = null;
        if (this.again && !this.closed) {
          this.again = false;
          void this.run();
        }
      });
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async pass(): Promise<RetentionPass> {
    const { store } = this.options;
    const limits = retentionLimits(this.options.settings);
    const result: RetentionPass = { at: this.now(), deleted: 0, byAge: 0, byCount: 0, bySize: 0 };
    if (limits.maxAgeMs > 0) {
      const cutoff = this.now() - limits.maxAgeMs;
      result.byAge = await this.deleteWhile((limit) => store.captures.unstarredBefore(cutoff, limit));
    }
    if (limits.maxCaptures > 0) {
      // Starred captures are kept on top of the limit. Counted once: a full count is a scan, and
      // this pass is the only one deleting.
      const excess = store.captures.count() - store.captures.count({ starred: true }) - limits.maxCaptures;
      result.byCount = await this.deleteWhile((limit) => store.captures.oldestUnstarred(limit), excess);
    }
    if (limits.maxBytes > 0) {
      result.bySize = await this.deleteWhile((limit) =>
        store.usedBytes() > limits.maxBytes ? store.captures.oldestUnstarred(limit) : [],
      );
    }
    result.deleted = result.byAge + result.byCount + result.bySize;
    if (result.deleted > 0) {
      this.options.log(
        `Retention deleted ${result.deleted} capture(s) (age ${result.byAge}, count ${result.byCount}, size ${result.bySize}).`,
      );
    }
    this.last = result;
    return result;
  }

  /**
   * Deletes batch after batch until `next` finds nothing it may delete or `most` ids were deleted,
   * yielding between batches. `next(limit)` lists the oldest candidates; kept ones (held captures)
   * are skipped by asking for that many more and leaving them out.
   */
  private async deleteWhile(next: (limit: number) => number[], most = Infinity): Promise<number> {
    const { store, events } = this.options;
    let total = 0;
    let taken = 0;
    while (!this.closed && taken < most) {
      const keep = this.options.keep?.() ?? new Set<number>();
      const ids = next(this.batchSize + keep.size)
        .filter((id) => !keep.has(id))
        .slice(0, Math.min(this.batchSize, most - taken));
      if (ids.length === 0) break;
      const deleted = store.transaction(() => store.captures.delete(ids));
      total += deleted;
      taken += ids.length;
      events.emit('captures.deleted', { ids });
      await yieldToEventLoop();
    }
    return total;
  }
}
