import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import { schemaVersion } from '../../../electron/core/store/migrations.js';
import type { NewCapture } from '../../../electron/core/store/records.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { newCapture } from '../../helpers/capture-fixture.js';

function capture(overrides: Partial<NewCapture> = {}): NewCapture {
  return newCapture({
    path: '/kindly',
    provider: 'kindly',
    conversationKey: 'chat-1',
    summary: 'hello',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Dup', 'a'],
      ['x-dup', 'b'],
    ],
    body: Buffer.from('{"message":"hello"}'),
    parsedAs: 'json',
    messages: [
      {
        provider: 'kindly',
        conversationKey: 'chat-1',
        direction: 'to_operator',
        author: { kind: 'user', id: 'u1', name: null },
        text: 'hello',
        at: 1000,
        kind: 'message',
        meta: {},
        conversationTitle: 'User u1',
      },
    ],
    searchText: 'hello world payload',
    ...overrides,
  });
}

describe('Store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir();
    store = Store.open(temp.dir);
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('migrates a new file to the current schema in WAL mode', () => {
    expect(store.db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('round-trips headers in order with duplicates, and exact body bytes', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 13, 10]);
    const id = store.transaction(() =>
      store.captures.insert(capture({ body: bytes, bodySize: bytes.length })),
    );
    const detail = store.captures.get(id);
    expect(detail?.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Dup', 'a'],
      ['x-dup', 'b'],
    ]);
    expect(Buffer.from(detail?.body.base64 ?? '', 'base64')).toEqual(bytes);
    expect(detail?.messages).toHaveLength(1);
  });

  it('pages newest first with a keyset cursor', () => {
    store.transaction(() => {
      for (let i = 0; i < 25; i++) store.captures.insert(capture({ summary: `n${i}` }));
    });
    const first = store.captures.list({ limit: 10 });
    expect(first.items.map((item) => item.summary)).toEqual(
      Array.from({ length: 10 }, (_, i) => `n${24 - i}`),
    );
    const second = store.captures.list({ limit: 10, before: first.next ?? undefined });
    expect(second.items[0]?.summary).toBe('n14');
    const third = store.captures.list({ limit: 10, before: second.next ?? undefined });
    expect(third.items).toHaveLength(5);
    expect(third.next).toBeNull();
  });

  it('filters by provider and conversation, and searches full text with prefixes', () => {
    store.transaction(() => {
      store.captures.insert(capture({ searchText: 'opening hours saturday' }));
      store.captures.insert(
        capture({ provider: 'dashly', conversationKey: '42', searchText: 'invoice overdue', messages: [] }),
      );
    });
    expect(store.captures.list({ limit: 10, provider: 'dashly' }).items).toHaveLength(1);
    expect(store.captures.list({ limit: 10, conversation: '42' }).items[0]?.provider).toBe('dashly');
    expect(store.captures.list({ limit: 10, q: 'satur' }).items).toHaveLength(1);
    expect(store.captures.list({ limit: 10, q: 'invoice over' }).items[0]?.provider).toBe('dashly');
    expect(store.captures.list({ limit: 10, q: 'nothing-like-this' }).items).toHaveLength(0);
    // FTS syntax in user input is inert.
    expect(store.captures.list({ limit: 10, q: '" OR * NEAR(' }).items).toHaveLength(0);
  });

  it('keeps conversation summaries in step with inserts and deletes', () => {
    const ids = store.transaction(() => [
      store.captures.insert(capture()),
      store.captures.insert(
        capture({
          messages: [
            {
              provider: 'kindly',
              conversationKey: 'chat-1',
              direction: 'to_user',
              author: { kind: 'bot', id: null, name: null },
              text: 'answer',
              at: 2000,
              kind: 'reply',
              meta: {},
              conversationTitle: '',
            },
          ],
        }),
      ),
    ]);
    let [conversation] = store.messages.listConversations(undefined, 10);
    expect(conversation).toMatchObject({
      key: 'chat-1',
      count: 2,
      lastText: 'answer',
      unanswered: false,
      title: 'User u1',
    });
    store.transaction(() => store.captures.delete([ids[1] ?? 0]));
    [conversation] = store.messages.listConversations(undefined, 10);
    expect(conversation).toMatchObject({ count: 1, lastText: 'hello', unanswered: true });
    store.transaction(() => store.captures.delete([ids[0] ?? 0]));
    expect(store.messages.listConversations(undefined, 10)).toEqual([]);
  });

  it('clears everything including the search index', () => {
    store.transaction(() => store.captures.insert(capture()));
    expect(store.transaction(() => store.captures.clear())).toBe(1);
    expect(store.captures.list({ limit: 10 }).items).toEqual([]);
    expect(store.captures.list({ limit: 10, q: 'hello' }).items).toEqual([]);
    expect(store.messages.listConversations(undefined, 10)).toEqual([]);
  });

  it('persists across reopen', () => {
    const id = store.transaction(() => store.captures.insert(capture()));
    store.close();
    store = Store.open(temp.dir);
    expect(store.captures.get(id)?.summary).toBe('hello');
  });
});
