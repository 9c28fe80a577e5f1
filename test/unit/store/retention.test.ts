import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventFrame } from '../../../shared/contract/index.js';
import { EventBus } from '../../../electron/core/events/event-bus.js';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store.js';
import { SettingsService } from '../../../electron/core/settings/settings-service.js';
import { CaptureWriter } from '../../../electron/core/store/capture-writer.js';
import type { NewCapture } from '../../../electron/core/store/records.js';
import { RetentionPruner } from '../../../electron/core/store/retention.js';
import { Store } from '../../../electron/core/store/store.js';
import { storeProblems } from '../../helpers/store-consistency.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { newCapture } from '../../helpers/capture-fixture.js';

const DAY = 24 * 60 * 60 * 1000;

function capture(n: number, overrides: Partial<NewCapture> = {}): NewCapture {
  const chat = `chat-${n % 4}`;
  const body = Buffer.from(JSON.stringify({ chat_id: chat, message: `word${n} payload` }));
  return newCapture({
    path: '/kindly',
    provider: 'kindly',
    conversationKey: chat,
    summary: `message ${n}`,
    headers: [['Content-Type', 'application/json']],
    body,
    parsedAs: 'json',
    messages: [
      {
        provider: 'kindly',
        conversationKey: chat,
        direction: 'to_operator',
        author: { kind: 'user', id: 'u', name: null },
        text: `word${n}`,
        at: 1000 + n,
        kind: 'message',
        meta: {},
        conversationTitle: `Chat ${chat}`,
      },
    ],
    searchText: `word${n} payload`,
    response: {
      status: 200,
      headers: [],
      body: Buffer.from('{}'),
      source: 'ack',
      latencyMs: null,
    },
    ...overrides,
  });
}

describe('retention', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let settings: SettingsService;
  let events: EventBus;
  let frames: EventFrame[];
  let pruner: RetentionPruner;

  beforeEach(() => {
    temp = makeTempDir();
    store = Store.open(temp.dir);
    settings = new SettingsService(store.settings, new MemorySecretStore());
    events = new EventBus();
    frames = [];
    events.subscribe((frame) => frames.push(frame));
    pruner = new RetentionPruner({ store, settings, events, log: () => {}, batchSize: 7 });
  });
  afterEach(async () => {
    await pruner.close();
    store.close();
    temp.remove();
  });

  const insert = (captures: NewCapture[]): number[] =>
    store.transaction(() => captures.map((c) => store.captures.insert(c)));
  const ids = () =>
    store.captures
      .list({ limit: 1000 })
      .items.map((item) => item.id)
      .sort((a, b) => a - b);
  const hits = (word: string) => store.captures.list({ q: word, limit: 1000 }).items.length;

  it('keeps the newest maxCaptures unstarred captures, deleting the oldest first; starred ones on top', async () => {
    const all = insert(Array.from({ length: 40 }, (_, n) => capture(n, { receivedAt: 1_000_000 + n })));
    const starred = [all[0]!, all[1]!, all[5]!];
    store.transaction(() => store.captures.star(starred, true));
    settings.update({ 'retention.maxCaptures': 10, 'retention.maxStoreMB': 0 });

    const pass = await pruner.run();

    expect(pass).toMatchObject({ deleted: 27, byCount: 27, byAge: 0, bySize: 0 });
    // The 3 starred + the 10 newest unstarred.
    expect(ids()).toEqual([...starred, ...all.slice(30)]);
    expect(hits('word2')).toBe(0);
    expect(hits('word39')).toBe(1);
    expect(hits('word5')).toBe(1);
    expect(storeProblems(store.db)).toEqual([]);
    const deleted = frames
      .filter((frame) => frame.event === 'captures.deleted')
      .flatMap((frame) => (frame as EventFrame<'captures.deleted'>).payload.ids);
    expect(deleted.sort((a, b) => a - b)).toEqual(all.filter((id) => !ids().includes(id)));
    // Small batches: several transactions, each announced.
    expect(frames.filter((frame) => frame.event === 'captures.deleted').length).toBe(Math.ceil(27 / 7));
  });

  it('deletes unstarred captures older than maxAgeDays', async () => {
    const now = Date.now();
    const old = insert(Array.from({ length: 12 }, (_, n) => capture(n, { receivedAt: now - 3 * DAY + n })));
    const fresh = insert(
      Array.from({ length: 5 }, (_, n) => capture(100 + n, { receivedAt: now - DAY / 2 })),
    );
    store.transaction(() => store.captures.star([old[3]!], true));
    settings.update({ 'retention.maxAgeDays': 1, 'retention.maxStoreMB': 0 });

    const pass = await pruner.run();

    expect(pass).toMatchObject({ deleted: 11, byAge: 11 });
    expect(ids()).toEqual([old[3]!, ...fresh]);
    expect(storeProblems(store.db)).toEqual([]);
  });

  it('keeps the stored data under maxStoreMB', async () => {
    const big = Buffer.alloc(40 * 1024, 0x61);
    insert(Array.from({ length: 60 }, (_, n) => capture(n, { body: big, bodySize: big.length })));
    const before = store.usedBytes();
    expect(before).toBeGreaterThan(2 * 1024 * 1024);
    const keep = store.captures.oldestUnstarred(1);
    store.transaction(() => store.captures.star(keep, true));
    settings.update({ 'retention.maxStoreMB': 1 });

    const pass = await pruner.run();

    expect(pass.bySize).toBeGreaterThan(0);
    expect(store.usedBytes()).toBeLessThanOrEqual(1024 * 1024);
    expect(ids()).toContain(keep[0]);
    expect(ids().length).toBe(60 - pass.bySize);
    expect(storeProblems(store.db)).toEqual([]);
  });

  it('leaves captures that are being held, whatever the limit, and deletes them once released', async () => {
    const all = insert(
      Array.from({ length: 30 }, (_, n) => capture(n, { receivedAt: Date.now() - 3 * DAY + n })),
    );
    // The oldest two and one in the middle are held; the batch (7) is smaller than what must go.
    const held = new Set([all[0]!, all[1]!, all[9]!]);
    await pruner.close();
    pruner = new RetentionPruner({ store, settings, events, log: () => {}, batchSize: 7, keep: () => held });
    settings.update({ 'retention.maxCaptures': 5, 'retention.maxStoreMB': 0 });

    const byCount = await pruner.run();

    // Held ones count towards the limit: the three and the two newest stay.
    expect(byCount).toMatchObject({ deleted: 25, byCount: 25 });
    expect(ids()).toEqual([...held, ...all.slice(28)]);
    expect(storeProblems(store.db)).toEqual([]);

    // Every one is too old too: the age limit also leaves the held ones.
    settings.update({ 'retention.maxCaptures': 0, 'retention.maxAgeDays': 1 });
    expect(await pruner.run()).toMatchObject({ deleted: 2, byAge: 2 });
    expect(ids()).toEqual([...held]);

    held.clear();
    expect(await pruner.run()).toMatchObject({ deleted: 3, byAge: 3 });
    expect(ids()).toEqual([]);
  });

  it('with no limits deletes nothing', async () => {
    insert(Array.from({ length: 5 }, (_, n) => capture(n, { receivedAt: 1 })));
    settings.update({ 'retention.maxStoreMB': 0 });
    expect(await pruner.run()).toMatchObject({ deleted: 0 });
    expect(ids()).toHaveLength(5);
  });

  it('never holds ingest for a whole pass: captures are committed between its batches', async () => {
    insert(Array.from({ length: 300 }, (_, n) => capture(n, { receivedAt: 1 + n })));
    settings.update({ 'retention.maxCaptures': 1, 'retention.maxStoreMB': 0 });
    const writer = new CaptureWriter(store, () => {});
    let passDone = false;
    const pass = pruner.run().then((result) => {
      passDone = true;
      return result;
    });
    // Queued after the pass started; it commits while the pass is still deleting.
    const summary = await writer.insert(capture(1000));
    expect(passDone).toBe(false);
    expect(store.captures.get(summary.id)).not.toBeNull();
    await pass;
    expect(passDone).toBe(true);
    expect(store.captures.get(summary.id)).not.toBeNull();
    expect(storeProblems(store.db)).toEqual([]);
  });

  it('captures.delete and clear keep bodies, messages, search and conversations consistent', () => {
    const all = insert(Array.from({ length: 20 }, (_, n) => capture(n)));
    store.transaction(() => store.captures.delete(all.filter((_, i) => i % 3 === 0)));
    expect(storeProblems(store.db)).toEqual([]);
    expect(hits('word3')).toBe(0);
    expect(hits('word4')).toBe(1);
    store.transaction(() => store.captures.clear());
    expect(storeProblems(store.db)).toEqual([]);
    expect(hits('word4')).toBe(0);
    expect(store.messages.listConversations(undefined, 10)).toEqual([]);
  });

  it('the consistency check itself finds a delete that bypasses the repository', () => {
    const [first] = insert([capture(1), capture(2)]);
    // Full-text entries are written behind the captures; write them now.
    store.captures.fts.catchUp();
    store.db.prepare('DELETE FROM captures WHERE id = ?').run(first);
    const problems = storeProblems(store.db);
    expect(problems).toContain('1 full-text entries of deleted captures');
    expect(problems.some((problem) => problem.includes('conversation rows whose count differs'))).toBe(true);
  });
});
