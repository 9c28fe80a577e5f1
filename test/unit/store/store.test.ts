import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import { schemaVersion } from '../../../electron/core/store/migrations.js';
import type { NewCapture } from '../../../electron/core/store/records.js';
import { useTempStore } from '../../helpers/temp-store.js';
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
  const temp = useTempStore();

  it('migrates a new file to the current schema in WAL mode', () => {
    expect(temp.store.db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(temp.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('round-trips headers in order with duplicates, and exact body bytes', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 13, 10]);
    const id = temp.store.transaction(() =>
      temp.store.captures.insert(capture({ body: bytes, bodySize: bytes.length })),
    );
    const detail = temp.store.captures.get(id);
    expect(detail?.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Dup', 'a'],
      ['x-dup', 'b'],
    ]);
    expect(Buffer.from(detail?.body.base64 ?? '', 'base64')).toEqual(bytes);
    expect(detail?.messages).toHaveLength(1);
  });

  it('pages newest first with a keyset cursor', () => {
    temp.store.transaction(() => {
      for (let i = 0; i < 25; i++) temp.store.captures.insert(capture({ summary: `n${i}` }));
    });
    const first = temp.store.captures.list({ limit: 10 });
    expect(first.items.map((item) => item.summary)).toEqual(
      Array.from({ length: 10 }, (_, i) => `n${24 - i}`),
    );
    const second = temp.store.captures.list({ limit: 10, before: first.next ?? undefined });
    expect(second.items[0]?.summary).toBe('n14');
    const third = temp.store.captures.list({ limit: 10, before: second.next ?? undefined });
    expect(third.items).toHaveLength(5);
    expect(third.next).toBeNull();
  });

  it('filters by provider and conversation, and searches full text with prefixes', () => {
    temp.store.transaction(() => {
      temp.store.captures.insert(capture({ searchText: 'opening hours saturday' }));
      temp.store.captures.insert(
        capture({ provider: 'dashly', conversationKey: '42', searchText: 'invoice overdue', messages: [] }),
      );
    });
    expect(temp.store.captures.list({ limit: 10, provider: 'dashly' }).items).toHaveLength(1);
    expect(temp.store.captures.list({ limit: 10, conversation: '42' }).items[0]?.provider).toBe('dashly');
    expect(temp.store.captures.list({ limit: 10, q: 'satur' }).items).toHaveLength(1);
    expect(temp.store.captures.list({ limit: 10, q: 'invoice over' }).items[0]?.provider).toBe('dashly');
    expect(temp.store.captures.list({ limit: 10, q: 'nothing-like-this' }).items).toHaveLength(0);
    // FTS syntax in user input is inert.
    expect(temp.store.captures.list({ limit: 10, q: '" OR * NEAR(' }).items).toHaveLength(0);
  });

  it('keeps conversation summaries in step with inserts and deletes', () => {
    const ids = temp.store.transaction(() => [
      temp.store.captures.insert(capture()),
      temp.store.captures.insert(
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
    let [conversation] = temp.store.messages.listConversations(undefined, 10);
    expect(conversation).toMatchObject({
      key: 'chat-1',
      count: 2,
      lastText: 'answer',
      unanswered: false,
      title: 'User u1',
    });
    temp.store.transaction(() => temp.store.captures.delete([ids[1] ?? 0]));
    [conversation] = temp.store.messages.listConversations(undefined, 10);
    expect(conversation).toMatchObject({ count: 1, lastText: 'hello', unanswered: true });
    temp.store.transaction(() => temp.store.captures.delete([ids[0] ?? 0]));
    expect(temp.store.messages.listConversations(undefined, 10)).toEqual([]);
  });

  it('clears everything including the search index', () => {
    temp.store.transaction(() => temp.store.captures.insert(capture()));
    expect(temp.store.transaction(() => temp.store.captures.clear())).toBe(1);
    expect(temp.store.captures.list({ limit: 10 }).items).toEqual([]);
    expect(temp.store.captures.list({ limit: 10, q: 'hello' }).items).toEqual([]);
    expect(temp.store.messages.listConversations(undefined, 10)).toEqual([]);
  });

  it('persists across reopen', () => {
    const id = temp.store.transaction(() => temp.store.captures.insert(capture()));
    temp.store.close();
    temp.store = Store.open(temp.dir);
    expect(temp.store.captures.get(id)?.summary).toBe('hello');
  });
});
