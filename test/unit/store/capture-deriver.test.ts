import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import {
  CaptureDeriver,
  type CaptureDeriverOptions,
  type StoredRequest,
} from '../../../electron/core/store/capture-deriver.js';
import { CaptureWriter } from '../../../electron/core/store/capture-writer.js';
import type { NewCapture } from '../../../electron/core/store/records.js';
import { Store } from '../../../electron/core/store/store.js';
import { newCapture } from '../../helpers/capture-fixture.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { waitFor } from '../../helpers/wait-for.js';

/** A parser standing in for the providers': the body is `chat|text`. */
function parse(_provider: string, request: StoredRequest) {
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
      slices: { busyCount: 10, busyMs: 1, busyPeriodMs: 10 },
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

  it('defers parsing while commits come fast, and behind a backlog so arrival order holds', () => {
    expect(deriver.shouldDefer(1)).toBe(false);
    expect(deriver.shouldDefer(10)).toBe(true);
    deriver.noteCommitted(9);
    expect(deriver.shouldDefer(1)).toBe(true);

    const quiet = newDeriver();
    expect(quiet.shouldDefer(1)).toBe(false);
    quiet.enqueue(insertRaw(1));
    expect(quiet.shouldDefer(1)).toBe(true);
    expect(quiet.catchUp()).toBe(0);
    expect(quiet.shouldDefer(1)).toBe(false);
    quiet.close();
  });

  it('takes short slices while the listener is busy and catches up once it is quiet', async () => {
    const keepBusy = setInterval(() => deriver.noteCommitted(100), 2);
    try {
      deriver.noteCommitted(100);
      deriver.enqueue(insertRaw(400));
      expect(deriver.pending).toBe(400);
      // A slice of ~1 ms every 10 ms: the first one parses a few, most still wait.
      await waitFor(() => deriver.pending < 400, 'a first busy slice');
      expect(deriver.pending).toBeGreaterThan(200);
    } finally {
      clearInterval(keepBusy);
    }
    await waitFor(() => deriver.pending === 0, 'the backlog parsed once quiet');
    expect(derived).toHaveLength(400);
    expect(store.captures.underivedCount()).toBe(0);
    expect(store.messages.conversation('kindly', 'chat-1')?.count).toBe(133);
    expect(backlog.at(-1)).toBe(0);
    // Oldest first, each with its parsed line.
    expect(derived.slice(0, 3).map((summary) => summary.summary)).toEqual(['text0', 'text1', 'text2']);
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
    deriver.noteCommitted(100);
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
