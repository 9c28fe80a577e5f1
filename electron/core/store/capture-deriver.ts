import { performance } from 'node:perf_hooks';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { StoredRequestToParse } from '../providers/provider.js';
import { recordResponseMessages, type DeferredParsing } from './capture-writer.js';
import { IngestLoad } from './ingest-load.js';
import type { DerivedFields, NewCapture, ResponseMessages, StoredResponse } from './records.js';
import type { Store } from './store.js';

/**
 * Parses captures the listener stored as received into their list line, messages, conversation and
 * search entry. An ack needs nothing but the path, so the listener hands the writer the bytes and
 * answers once they are on disk; while it keeps up the writer parses them before it commits (events
 * and views are as if parsed on arrival), and during a flood (the listener saturated, ingest-load.ts)
 * they are stored underived and parsed here, after their answers went out.
 *
 * The work is done in slices on the event loop whenever the listener has time to spare: short ones
 * while webhooks keep arriving, long ones when nothing does, so the parsed views catch up when a
 * flood ends. While the listener is saturated ingest keeps the CPU (unless the backlog grows past
 * `maxBacklog`, so a flood that never ends cannot outrun parsing forever). The queue is the
 * `captures_underived` table, so nothing is lost to a crash: the next start finishes it. API calls
 * first finish a small backlog (`settle`, in slices the listener can answer between), so a script
 * reads what it sent parsed; after a flood, `health.get` says how many captures still wait.
 */
export interface CaptureDeriverOptions {
  store: Store;
  /** What the provider's parser makes of a request; must not throw. */
  parse: (
    provider: ProviderId,
    request: StoredRequestToParse,
  ) => Omit<DerivedFields, 'parseError'> & {
    error: string | null;
  };
  responseMessages: ResponseMessages;
  /** After each committed slice: the captures as they now are. */
  onDerived: (summaries: CaptureSummary[]) => void;
  onError: (error: unknown) => void;
  /** The backlog changed (captures stored and not parsed yet). */
  onBacklog?: (pending: number) => void;
  /** Tests shorten these. */
  slices?: Partial<typeof DEFAULT_SLICES>;
  /** Requests kept in memory (default 10,000); past this they are read back from the store. */
  maxHeldRequests?: number;
}

export const DEFAULT_SLICES = {
  /** Time per slice while nothing arrives: API calls and the UI wait at most this long. */
  idleMs: 20,
  /** Time per slice while webhooks arrive but the listener keeps up: their answers wait about this. */
  activeMs: 4,
  /** While the listener is saturated the deriver waits this long between looks at whether it still is. */
  busyPeriodMs: 20,
  /**
   * Windows of `windowMs` count when at least `busyCount` captures were committed in them (50 per
   * 50 ms: 1,000/s). Parsing is deferred after two windows in a row in which the listener kept the
   * event loop working `floodShare` of the time, the deriver's slices left out (ingest-load.ts): one
   * late batch after a stall is not a flood. The deriver waits while the last window was
   * `saturatedShare` busy. A `busyCount` of 0 defers every commit (tests).
   */
  busyCount: 50,
  floodShare: 0.9,
  saturatedShare: 0.75,
  windowMs: 50,
  /** Past this backlog the deriver takes half of every busy period, flood or not. */
  maxBacklog: 50_000,
  /** After a failed write (a full disk, a lock), the next attempt waits this long. */
  retryMs: 2_000,
};

const MAX_HELD_REQUESTS = 10_000;
/**
 * Captures per transaction: a few milliseconds while webhooks arrive, so their answers wait little;
 * more when nothing does (each commit writes its pages again, so bigger chunks catch up faster).
 */
const CHUNK = 16;
const IDLE_CHUNK = 64;

interface Held {
  /** Null past `maxHeldRequests`: read back from the store when its turn comes. */
  source: { provider: ProviderId; request: StoredRequestToParse; response: StoredResponse | null } | null;
  /** Set once the answer went out (the writer hands it over instead of writing it apart). */
  latencyMs: number | null;
}

export class CaptureDeriver implements DeferredParsing {
  /** Every capture enqueued in this run and not derived yet (a restart's backlog is not here). */
  private readonly held = new Map<number, Held>();
  private heldRequests = 0;
  private readonly slices: typeof DEFAULT_SLICES;
  private pendingCount: number;
  private readonly load: IngestLoad;
  private timer: { cancel(): void } | null = null;
  /** API calls, holds and forwards waiting for the captures stored before them (`settle`). */
  private readonly settling: { newest: number; maxBacklog: number; resolve: (left: number) => void }[] = [];
  private closed = false;
  private failing = false;

  constructor(private readonly options: CaptureDeriverOptions) {
    this.slices = { ...DEFAULT_SLICES, ...options.slices };
    this.load = new IngestLoad({
      windowMs: this.slices.windowMs,
      minCommits: this.slices.busyCount,
      floodShare: this.slices.floodShare,
      saturatedShare: this.slices.saturatedShare,
    });
    // Left by a previous run (stopped or crashed before it finished): derived from the store.
    this.pendingCount = options.store.captures.underivedCount();
    if (this.pendingCount > 0) {
      options.onBacklog?.(this.pendingCount);
      this.schedule();
    }
  }

  /** Captures the writer just committed underived. */
  enqueue(captures: readonly { id: number; capture: NewCapture }[]): void {
    for (const { id, capture } of captures) {
      this.pendingCount++;
      const keep = this.heldRequests < (this.options.maxHeldRequests ?? MAX_HELD_REQUESTS);
      if (keep) this.heldRequests++;
      // A NewCapture is a StoredRequestToParse: held as it is, no copy.
      const source = keep
        ? { provider: capture.provider, request: capture, response: capture.response }
        : null;
      this.held.set(id, { source, latencyMs: null });
    }
    this.options.onBacklog?.(this.pendingCount);
    this.schedule();
  }

  takeLatency(id: number, latencyMs: number): boolean {
    const held = this.held.get(id);
    if (!held) return false;
    held.latencyMs = latencyMs;
    return true;
  }

  /** While the listener is quiet the writer parses before it commits; busy, it leaves it to us. */
  shouldDefer(): boolean {
    // Behind a backlog too: a conversation's state follows its messages in the order they arrived.
    if (this.pendingCount > 0) return true;
    return this.load.sustained();
  }

  derive(capture: NewCapture): DerivedFields {
    const { error, ...parsed } = this.options.parse(capture.provider, capture);
    return { ...parsed, parseError: error };
  }

  /** Every writer commit, underived or not: how busy the listener is decides the slice length. */
  noteCommitted(batchSize: number): void {
    this.load.noteCommitted(batchSize);
  }

  /** Captures stored and not derived yet. */
  get pending(): number {
    return this.pendingCount;
  }

  /** Derives everything now when at most `maxBacklog` captures wait; answers what is left. */
  catchUp(maxBacklog = 1_000): number {
    if (this.pendingCount > 0 && this.pendingCount <= maxBacklog && !this.closed) this.run(Infinity);
    return this.pendingCount;
  }

  /**
   * Like `catchUp`, without holding the event loop: the deriver's own slices take `idleMs` each
   * (saturated listener or not) until the captures waiting at the call are derived, and the listener
   * answers between them. Resolves with how many still wait (captures that arrived after the call
   * may); early when the backlog was or grew past `maxBacklog`, the store failed, or the deriver closed.
   */
  settle(maxBacklog = 1_000): Promise<number> {
    const newest =
      this.pendingCount > 0 && this.pendingCount <= maxBacklog && !this.closed && !this.failing
        ? this.options.store.captures.newestUnderivedId()
        : null;
    if (newest === null) return Promise.resolve(this.pendingCount);
    return new Promise((resolve) => {
      this.settling.push({ newest, maxBacklog, resolve });
      // Not after a saturated listener's busy period: the next turn.
      this.timer?.cancel();
      this.timer = null;
      this.schedule();
    });
  }

  /** Stops; a small backlog is finished first, a large one is left for the next start. */
  close(): void {
    this.catchUp();
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
    this.forgetHeld();
    this.releaseSettled();
  }

  /**
   * Not saturated: the next turn of the event loop, for up to `idleMs` (or `activeMs` while
   * webhooks arrive). Saturated: nothing, unless the backlog is past `maxBacklog`; every
   * `busyPeriodMs` the deriver looks again.
   */
  private schedule(): void {
    if (this.timer || this.closed) return;
    const slice = () => {
      this.timer = null;
      // An API call waiting (settle) gets whole idle slices even while webhooks arrive.
      if (this.settling.length > 0) this.run(this.slices.idleMs);
      else if (!this.load.saturated()) {
        this.run(this.load.active() ? this.slices.activeMs : this.slices.idleMs);
      } else if (this.pendingCount > this.slices.maxBacklog) this.run(this.slices.busyPeriodMs / 2);
      this.releaseSettled();
      if (this.pendingCount > 0) this.schedule();
    };
    if (this.failing) {
      const timeout = setTimeout(slice, this.slices.retryMs);
      this.timer = { cancel: () => clearTimeout(timeout) };
    } else if (this.load.saturated() && this.settling.length === 0) {
      const timeout = setTimeout(slice, this.slices.busyPeriodMs);
      this.timer = { cancel: () => clearTimeout(timeout) };
    } else {
      const immediate = setImmediate(slice);
      this.timer = { cancel: () => clearImmediate(immediate) };
    }
  }

  /** Derives chunks until the backlog is empty or `budgetMs` is spent (at least one chunk). */
  private run(budgetMs: number): void {
    const started = performance.now();
    try {
      this.runFor(budgetMs, started);
    } finally {
      this.load.noteOwnWork(performance.now() - started);
    }
  }

  private runFor(budgetMs: number, started: number): void {
    let after = 0;
    do {
      const ids = this.options.store.captures.underivedIds(
        after,
        budgetMs >= this.slices.idleMs ? IDLE_CHUNK : CHUNK,
      );
      if (ids.length === 0) {
        // The count drifted (e.g. captures deleted while waiting): the table is the truth.
        this.pendingCount = 0;
        this.forgetHeld();
        this.options.onBacklog?.(0);
        return;
      }
      after = ids.at(-1) ?? after;
      if (!this.deriveChunk(ids)) return;
    } while (this.pendingCount > 0 && performance.now() - started < budgetMs);
  }

  private deriveChunk(ids: number[]): boolean {
    const { store } = this.options;
    const derivedIds: number[] = [];
    try {
      store.transaction(() => {
        for (const id of ids) if (this.deriveOne(id)) derivedIds.push(id);
        // The chunk is the oldest ids waiting, so one range delete takes exactly them off the queue.
        store.captures.dequeueUnderived(ids.at(-1) ?? 0);
      });
    } catch (error) {
      // The store is failing (its health reports it); the next slice waits `retryMs`.
      this.failing = true;
      this.options.onError(error);
      return false;
    }
    this.failing = false;
    for (const id of ids) {
      if (this.held.get(id)?.source) this.heldRequests--;
      this.held.delete(id);
    }
    this.pendingCount = Math.max(0, this.pendingCount - ids.length);
    this.options.onBacklog?.(this.pendingCount);
    const summaries: CaptureSummary[] = [];
    for (const id of derivedIds) {
      const summary = store.captures.summary(id);
      if (summary) summaries.push(summary);
    }
    if (summaries.length > 0) this.options.onDerived(summaries);
    return true;
  }

  /** Answers the `settle` calls whose captures are derived, or that cannot be waited for any longer. */
  private releaseSettled(): void {
    if (this.settling.length === 0) return;
    const [oldest] = this.closed ? [] : this.options.store.captures.underivedIds(0, 1);
    const waiting = this.settling.splice(0);
    for (const call of waiting) {
      const done =
        oldest === undefined ||
        oldest > call.newest ||
        this.closed ||
        this.failing ||
        this.pendingCount > call.maxBacklog;
      if (done) call.resolve(this.pendingCount);
      else this.settling.push(call);
    }
  }

  private forgetHeld(): void {
    this.held.clear();
    this.heldRequests = 0;
  }

  /** Inside the chunk's transaction. False when the capture was deleted meanwhile. */
  private deriveOne(id: number): boolean {
    const { store } = this.options;
    const held = this.held.get(id);
    let source = held?.source;
    if (!source) {
      const stored = store.captures.requestSource(id);
      if (!stored) return false;
      source = { provider: stored.provider, request: stored, response: store.captures.storedResponse(id) };
    }
    const { error, ...parsed } = this.options.parse(source.provider, source.request);
    const latencyMs = held?.latencyMs ?? null;
    if (!store.captures.setDerived(id, { ...parsed, parseError: error }, latencyMs)) return false;
    if (source.response) {
      recordResponseMessages(
        store,
        id,
        {
          provider: source.provider,
          conversationKey: parsed.conversationKey,
          receivedAt: source.request.receivedAt,
          requestMessages: parsed.messages,
        },
        source.response,
        this.options.responseMessages,
        this.options.onError,
      );
    }
    return true;
  }
}
