import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import { CaptureDeriver, type CaptureDeriverOptions } from '../../../electron/core/store/capture-deriver.js';
import type { StoredRequestToParse } from '../../../electron/core/providers/provider.js';
import { CaptureWriter } from '../../../electron/core/store/capture-writer.js';
import type { NewCapture } from '../../../electron/core/store/records.js';
import { Store } from '../../../electron/core/store/store.js';
import { newCapture } from '../../helpers/capture-fixture.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { waitFor } from '../../helpers/wait-for.js';

/** A parser standing in for the providers': the body is `chat|text`. */
function parse(_provider: string, request: StoredRequestToParse) {
  const [chat = '', text = ''] = request.body.toString().split('|');
  return {
    conversationKey: chat,
    summary: text,
    parsedAs: 'text',
    error: null,
    searchText: text,
    messages: [
      {
        provider: 'kindly' as const,
        conversationKey: chat,
        direction: 'to_operator' as const,
        author: { kind: 'user' as const, id: 'u', name: null },
        text,
        at: request.receivedAt,
        kind: 'message',
        meta: {},
        conversationTitle: chat,
      },
    ],
  };
}

const raw = (n: number): NewCapture =>
  newCapture({
    path: '/kindly',
    response: { status: 200, headers: [], body: Buffer.from('{}'), source: 'ack', latencyMs: null },
    provider: 'kindly',
    conversationKey: null,
    summary: 'Parsing…',
    body: Buffer.from(`chat-${n % 3}|text${n}`),
    receivedAt: 1000 + n,
    underived: true,
  });

const WINDOW_MS = 50;
/**
 * Short windows, and half a window busy counts as saturated: the spinning test flood keeps the
 * event loop nearly always working, but on a loaded machine the process also waits for a core.
 */
const LOAD_SLICES = {
  busyCount: 10,
  windowMs: WINDOW_MS,
  busyPeriodMs: 10,
  floodShare: 0.5,
  saturatedShare: 0.5,
};

/** Keeps the event loop working, as a saturated listener does. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** Spins (no event loop turn) into the next counting window. */
const nextWindow = () => spin(WINDOW_MS + 1);

/** Commits 100 captures every 2 ms of a busy event loop (timers still run in between); returns a stop. */
function saturate(target: CaptureDeriver): () => void {
  let stopped = false;
  const turn = () => {
    if (stopped) return;
    spin(2);
    target.noteCommitted(100);
    setImmediate(turn);
  };
  setImmediate(turn);
  return () => {
    stopped = true;
  };
}

describe('capture deriver', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let derived: CaptureSummary[];
  let backlog: number[];
  let deriver: CaptureDeriver;

  beforeEach(() => {
    temp = makeTempDir();
    store = Store.open(temp.dir);
    derived = [];
    backlog = [];
    deriver = newDeriver({
      onBacklog: (pending) => backlog.push(pending),
      slices: LOAD_SLICES,
    });
  });
  afterEach(() => {
    deriver.close();
    store.close();
    temp.remove();
  });

  /** A deriver over the test's store with the stand-in parser; what it parses lands in `derived`. */
  const newDeriver = (extra: Partial<CaptureDeriverOptions> = {}): CaptureDeriver =>
    new CaptureDeriver({
      store,
      parse,
      responseMessages: () => [],
      onDerived: (summaries) => derived.push(...summaries),
      onError: (error) => {
        throw error;
      },
      ...extra,
    });

  const insertRaw = (count: number): { id: number; capture: NewCapture }[] =>
    store.transaction(() =>
      Array.from({ length: count }, (_, n) => {
        const capture = raw(n);
        return { id: store.captures.insert(capture), capture };
      }),
    );

  /** Commits as a flood does: `windows` whole windows of 100 each, then the current one starts. */
  const flood = (target: CaptureDeriver, windows: number) => {
    for (let window = 0; window < windows; window++) {
      target.noteCommitted(100);
      nextWindow();
    }
  };

  it('defers parsing after two saturated windows in a row, and behind a backlog so arrival order holds', () => {
    expect(deriver.shouldDefer()).toBe(false);
    // One late batch (the process stalled and the requests arrived together) is not a flood.
    flood(deriver, 1);
    expect(deriver.shouldDefer()).toBe(false);
    flood(deriver, 1);
    expect(deriver.shouldDefer()).toBe(true);
    // A quiet window ends it.
    nextWindow();
    expect(deriver.shouldDefer()).toBe(false);

    const quiet = newDeriver();
    expect(quiet.shouldDefer()).toBe(false);
    quiet.enqueue(insertRaw(1));
    expect(quiet.shouldDefer()).toBe(true);
    expect(quiet.catchUp()).toBe(0);
    expect(quiet.shouldDefer()).toBe(false);
    quiet.close();
  });

  it('does not defer for many commits alone: the event loop must have had no time to spare', async () => {
    for (let window = 0; window < 3; window++) {
      deriver.noteCommitted(100);
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 2));
    }
    expect(deriver.shouldDefer()).toBe(false);
  });

  it('leaves the CPU to a saturated listener and catches up once it has time to spare', async () => {
    const stopFlood = saturate(deriver);
    try {
      await waitFor(() => deriver.shouldDefer(), 'the listener saturated');
      deriver.enqueue(insertRaw(400));
      expect(deriver.pending).toBe(400);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(deriver.pending).toBe(400);
    } finally {
      stopFlood();
    }
    await waitFor(() => deriver.pending === 0, 'the backlog parsed once quiet');
    expect(derived).toHaveLength(400);
    expect(store.captures.underivedCount()).toBe(0);
    expect(store.messages.conversation('kindly', 'chat-1')?.count).toBe(133);
    expect(backlog.at(-1)).toBe(0);
    // Oldest first, each with its parsed line.
    expect(derived.slice(0, 3).map((summary) => summary.summary)).toEqual(['text0', 'text1', 'text2']);
  });

  it('parses during a flood that never ends once the backlog passes maxBacklog', async () => {
    const capped = newDeriver({
      slices: { ...LOAD_SLICES, maxBacklog: 100 },
    });
    const stopFlood = saturate(capped);
    try {
      await waitFor(() => capped.shouldDefer(), 'the listener saturated');
      capped.enqueue(insertRaw(400));
      await waitFor(() => capped.pending <= 100, 'the backlog cut down to maxBacklog while busy');
      // Not further: below the cap the flood keeps the CPU again.
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(capped.pending).toBeGreaterThan(0);
    } finally {
      stopFlood();
      capped.close();
    }
  });

  it('catchUp parses a small backlog at once and leaves a large one to the slices', () => {
    const keepBusy = () => deriver.noteCommitted(100);
    keepBusy();
    deriver.enqueue(insertRaw(50));
    keepBusy();
    expect(deriver.catchUp(10)).toBe(50);
    expect(deriver.catchUp(50)).toBe(0);
    expect(store.captures.list({ limit: 100 }).items.every((item) => item.summary.startsWith('text'))).toBe(
      true,
    );
  });

  it('settle parses what waits at the call in slices, and the event loop turns between them', async () => {
    // Parsing takes a while per capture, so 600 of them take several 20 ms slices.
    const slow = newDeriver({
      parse: (provider, request) => {
        spin(0.2);
        return parse(provider, request);
      },
    });
    const keepBusy = () => slow.noteCommitted(100);
    keepBusy();
    slow.enqueue(insertRaw(600));
    keepBusy();
    // What the listener would do meanwhile: a turn of the event loop every time it gets one.
    const pendingAtTurns: number[] = [];
    let turning = true;
    const turn = () => {
      if (!turning) return;
      pendingAtTurns.push(slow.pending);
      setImmediate(turn);
    };
    setImmediate(turn);
    const settled = slow.settle();
    // Arrives after the call: not waited for.
    const later = insertRaw(1);
    slow.enqueue(later);
    expect(await settled).toBeLessThanOrEqual(1);
    turning = false;
    // catchUp would have parsed them all before the first turn.
    expect(pendingAtTurns.filter((pending) => pending > 1).length).toBeGreaterThan(1);
    const firstIds = store.captures.underivedIds(0, 10);
    expect(firstIds.every((id) => id >= later[0]!.id)).toBe(true);
    // A backlog past the limit is left to the slices, as with catchUp.
    slow.enqueue(insertRaw(20));
    expect(await slow.settle(10)).toBeGreaterThan(10);
    slow.close();
  });

  it('reads requests back from the store when they are not in memory, and drops deleted captures', () => {
    const items = insertRaw(5);
    store.db.prepare('DELETE FROM captures WHERE id = ?').run(items[1]!.id);
    // A new deriver over the same store, as after a restart: nothing held in memory.
    const restarted = newDeriver();
    expect(restarted.pending).toBe(5);
    expect(restarted.catchUp()).toBe(0);
    restarted.close();
    expect(derived.map((summary) => summary.summary)).toEqual(['text0', 'text2', 'text3', 'text4']);
    expect(store.captures.underivedCount()).toBe(0);
  });

  it('past the requests it holds in memory, reads them back and still writes the latency with the parse', () => {
    const lean = newDeriver({ maxHeldRequests: 2 });
    const items = insertRaw(5);
    lean.enqueue(items);
    for (const [index, { id }] of items.entries()) expect(lean.takeLatency(id, 10 + index)).toBe(true);
    expect(lean.catchUp()).toBe(0);
    lean.close();
    expect(derived.map((summary) => summary.summary)).toEqual(['text0', 'text1', 'text2', 'text3', 'text4']);
    expect(items.map(({ id }) => store.captures.get(id)?.response?.latencyMs)).toEqual([10, 11, 12, 13, 14]);
  });

  it('retries after a failed write instead of giving up on the backlog', async () => {
    const errors: unknown[] = [];
    const retrying = newDeriver({ onError: (error) => errors.push(error), slices: { retryMs: 30 } });
    const original = store.captures.setDerived.bind(store.captures);
    let failures = 1;
    store.captures.setDerived = (...args) => {
      if (failures-- > 0) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      return original(...args);
    };
    retrying.enqueue(insertRaw(3));
    await waitFor(() => retrying.pending === 0, 'the backlog parsed after the retry');
    expect(errors).toHaveLength(1);
    expect(store.captures.underivedCount()).toBe(0);
    retrying.close();
  });

  it('settle answers at once when the store fails or the deriver closes, instead of waiting', async () => {
    const failing = newDeriver({ onError: () => {}, slices: { retryMs: 60_000 } });
    store.captures.setDerived = () => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    };
    failing.enqueue(insertRaw(3));
    expect(await failing.settle()).toBe(3);
    // Failing already: not a wait for the next retry a minute away.
    expect(await failing.settle()).toBe(3);
    failing.close();

    const closing = newDeriver({ onError: () => {} });
    const waiting = closing.settle();
    closing.close();
    expect(await waiting).toBe(3);
  });

  it('the writer parses before it commits while quiet, and stores underived while busy', async () => {
    const writer = new CaptureWriter(
      store,
      () => {},
      undefined,
      () => [],
      deriver,
    );
    const quiet = await writer.insert(raw(1));
    expect(quiet.summary).toBe('text1');
    expect(store.captures.underivedCount()).toBe(0);
    flood(deriver, 2);
    const busy = await writer.insert(raw(2));
    expect(busy.summary).toBe('Parsing…');
    expect(store.captures.underivedCount()).toBe(1);
    // The answer's latency rides along with the parse instead of a write of its own.
    writer.setLatency(busy.id, 12.5);
    expect(deriver.catchUp()).toBe(0);
    expect(store.captures.summary(busy.id)?.summary).toBe('text2');
    expect(store.captures.get(busy.id)?.response?.latencyMs).toBe(12.5);
    // Once parsed, a latency is written apart again.
    writer.setLatency(busy.id, 20);
    writer.flush();
    expect(store.captures.get(busy.id)?.response?.latencyMs).toBe(20);
    writer.close();
  });
});
