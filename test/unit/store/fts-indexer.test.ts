import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCapture } from '../../../electron/core/store/records.js';
import { FTS_WATERMARK_KEY } from '../../../electron/core/store/fts-indexer.js';
import { Store } from '../../../electron/core/store/store.js';
import { storeProblems } from '../../helpers/store-consistency.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function capture(n: number, word = `word${n}`): NewCapture {
  const body = Buffer.from(JSON.stringify({ chat_id: 'c', message: word }));
  return {
    receivedAt: 1_700_000_000_000 + n,
    method: 'POST',
    path: `/other/${n}`,
    httpVersion: '1.1',
    provider: 'other',
    conversationKey: null,
    summary: `capture ${n}`,
    remoteAddress: '127.0.0.1',
    viaTunnel: false,
    headers: [['Content-Type', 'application/json']],
    body,
    bodySize: body.length,
    bodyTruncated: false,
    parsedAs: 'json',
    parseError: null,
    messages: [],
    searchText: `${word} payload`,
    response: null,
  };
}

/** Search hits by id, straight from the index (no catch-up), to see what is written when. */
function indexed(store: Store, word: string): number[] {
  return store.db
    .prepare<[string], { rowid: number }>(
      'SELECT rowid FROM captures_fts WHERE captures_fts MATCH ? ORDER BY rowid',
    )
    .all(word)
    .map((row) => row.rowid);
}

describe('deferred full-text index', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir('convoscope-fts-');
    store = Store.open(temp.dir);
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  const insert = (captures: NewCapture[]) =>
    store.transaction(() => captures.map((item) => store.captures.insert(item)));

  it('writes entries behind the captures, and a search still finds every committed capture', () => {
    const ids = insert([capture(1, 'alpha'), capture(2, 'beta'), capture(3, 'alpha')]);
    // Not in the index yet: the listener's commit did not pay for it.
    expect(indexed(store, 'alpha')).toEqual([]);
    expect(store.captures.fts.pendingCount).toBe(3);
    // A search catches up first.
    expect(store.captures.list({ q: 'alpha', limit: 10 }).items.map((item) => item.id)).toEqual([
      ids[2],
      ids[0],
    ]);
    expect(indexed(store, 'alpha')).toEqual([ids[0], ids[2]]);
    expect(store.captures.fts.pendingCount).toBe(0);
    expect(storeProblems(store.db)).toEqual([]);
  });

  it('indexes by itself once the listener is quiet', async () => {
    const [id] = insert([capture(1, 'gamma')]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(indexed(store, 'gamma')).toEqual([id]);
  });

  it('gives no entry to a capture deleted while its entry waited', () => {
    const [first, second] = insert([capture(1, 'delta'), capture(2, 'delta')]);
    store.transaction(() => store.captures.delete([first!]));
    expect(store.captures.list({ q: 'delta', limit: 10 }).items.map((item) => item.id)).toEqual([second]);
    expect(storeProblems(store.db)).toEqual([]);
  });

  it('commits its progress, and after a crash derives lost entries again from the stored requests', () => {
    const ids = insert([capture(1, 'epsilon'), capture(2, 'zeta')]);
    store.captures.fts.catchUp();
    // Two more captures committed, their entries only in memory when the process dies.
    const lost = insert([capture(3, 'eta'), capture(4, 'theta')]);
    const watermark = store.db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(FTS_WATERMARK_KEY);
    expect(Number(watermark?.value)).toBe(ids[1]);
    // A crash: the connection goes away without the indexer's close().
    store.db.close();

    store = Store.open(temp.dir);
    expect(store.captures.fts.pendingCount).toBe(2);
    const rederived: number[] = [];
    store.captures.fts.setSource((id) => {
      rederived.push(id);
      const stored = store.captures.requestSource(id);
      return stored ? `${(JSON.parse(stored.body.toString()) as { message: string }).message} payload` : null;
    });
    expect(store.captures.list({ q: 'theta', limit: 10 }).items.map((item) => item.id)).toEqual([lost[1]]);
    expect(rederived).toEqual(lost);
    // Entries written before the crash are not written twice.
    expect(indexed(store, 'epsilon')).toEqual([ids[0]]);
    expect(storeProblems(store.db)).toEqual([]);
  });

  it('after deleting the newest captures, a new capture gets a new id and is indexed after a crash', () => {
    const ids = insert([capture(1, 'iota'), capture(2, 'kappa'), capture(3, 'lambda')]);
    store.captures.fts.catchUp();
    store.transaction(() => store.captures.delete([ids[1]!, ids[2]!]));
    // Ids are never handed out twice (migration 8).
    const [fresh] = insert([capture(4, 'mu')]);
    expect(fresh).toBeGreaterThan(ids[2]!);
    // A crash: the queued entry is lost and must be re-derived from the stored request.
    store.db.close();
    store = Store.open(temp.dir);
    store.captures.fts.setSource((id) => (id === fresh ? 'mu payload' : null));
    expect(store.captures.list({ q: 'mu', limit: 10 }).items.map((item) => item.id)).toEqual([fresh]);
    expect(store.captures.list({ q: 'kappa', limit: 10 }).items).toEqual([]);
    expect(store.captures.list({ q: 'lambda', limit: 10 }).items).toEqual([]);
    expect(store.captures.list({ q: 'iota', limit: 10 }).items.map((item) => item.id)).toEqual([ids[0]]);
  });

  it('clear empties the queue and the index', () => {
    insert([capture(1, 'nu')]);
    store.transaction(() => store.captures.clear());
    expect(store.captures.fts.pendingCount).toBe(0);
    const [id] = insert([capture(2, 'nu')]);
    expect(store.captures.list({ q: 'nu', limit: 10 }).items.map((item) => item.id)).toEqual([id]);
  });

  it('a clean close writes everything pending', () => {
    const [id] = insert([capture(1, 'xi')]);
    store.close();
    store = Store.open(temp.dir);
    expect(store.captures.fts.pendingCount).toBe(0);
    expect(indexed(store, 'xi')).toEqual([id]);
  });
});

describe('captures.list keyset in both directions', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir('convoscope-keyset-');
    store = Store.open(temp.dir);
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('pages newer rows with `after`, newest first, and says when the newest is reached', () => {
    const ids = store.transaction(() =>
      Array.from({ length: 10 }, (_, n) => store.captures.insert(capture(n))),
    );
    const up = store.captures.list({ limit: 3, after: ids[2] });
    expect(up.items.map((item) => item.id)).toEqual([ids[5], ids[4], ids[3]]);
    expect(up.prev).toBe(ids[5]);
    const top = store.captures.list({ limit: 5, after: ids[5] });
    expect(top.items.map((item) => item.id)).toEqual([ids[9], ids[8], ids[7], ids[6]]);
    expect(top.prev).toBeNull();
    // The same with a search.
    const searched = store.captures.list({ limit: 2, after: ids[6], q: 'payload' });
    expect(searched.items.map((item) => item.id)).toEqual([ids[8], ids[7]]);
    expect(searched.prev).toBe(ids[8]);
  });

  it('pages upward through a search that matches notes as well as capture text', () => {
    const ids = store.transaction(() =>
      Array.from({ length: 10 }, (_, n) =>
        store.captures.insert(capture(n, n % 3 === 0 ? 'parcel' : `w${n}`)),
      ),
    );
    // Text hits: 0, 3, 6, 9; note hits: 4 and 7.
    store.captures.setNote(ids[4]!, 'lost parcel');
    store.captures.setNote(ids[7]!, 'parcel again');
    const page = (after: number) => store.captures.list({ limit: 2, after, q: 'parcel' });
    const first = page(ids[0]!);
    expect(first.items.map((item) => item.id)).toEqual([ids[4], ids[3]]);
    expect(first.prev).toBe(ids[4]);
    const second = page(first.prev!);
    expect(second.items.map((item) => item.id)).toEqual([ids[7], ids[6]]);
    const last = page(second.prev!);
    expect(last.items.map((item) => item.id)).toEqual([ids[9]]);
    expect(last.prev).toBeNull();
    // Downward from the top gives the same rows in the same order.
    const down = store.captures.list({ limit: 10, q: 'parcel' });
    expect(down.items.map((item) => item.id)).toEqual([ids[9], ids[7], ids[6], ids[4], ids[3], ids[0]]);
  });
});
