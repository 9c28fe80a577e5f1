import { afterEach, describe, expect, it } from 'vitest';
import type { EventFrame } from '../../shared/contract/index.js';
import { UNPARSED_SUMMARY } from '../../shared/model/capture.js';
import { Store } from '../../electron/core/store/store.js';
import type { NewCapture } from '../../electron/core/store/records.js';
import { DASHLY_HEADERS, dashlyForm, dashlyPart } from '../fixtures/dashly.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { newCapture } from '../helpers/capture-fixture.js';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * Webhooks answered while the listener is busy are stored as received and parsed after their
 * answer (capture-deriver.ts). `captureParsing: { busyCount: 0 }` makes every commit count as
 * busy, so these tests take that path every time instead of only under a real flood.
 */
const kindly = (chat: number, n: number) =>
  JSON.stringify({ ...KINDLY_TEXT_REQUEST, chat_id: `chat-${chat}`, message: `burst message m${n}x` });

async function sendBurst(app: TestCore, total: number, chats: number, inFlight = 32): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const n = next++;
      const res = await httpRequest(`${app.listenerUrl}/kindly`, {
        headers: KINDLY_HEADERS,
        body: kindly(n % chats, n),
      });
      statuses.push(res.status);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return statuses;
}

/** A capture as a flood leaves it in the store: committed as received and acknowledged, not parsed. */
function stored(
  path: string,
  provider: NewCapture['provider'],
  headers: Record<string, string>,
  body: string,
  receivedAt: number,
): NewCapture {
  return newCapture({
    receivedAt,
    path,
    provider,
    summary: UNPARSED_SUMMARY,
    headers: Object.entries(headers),
    body: Buffer.from(body),
    response: {
      status: 200,
      headers: [['Content-Type', 'application/json; charset=utf-8']],
      body: Buffer.from('{}'),
      source: 'ack',
      latencyMs: null,
    },
    underived: true,
  });
}

/**
 * Leaves `backlog` Kindly captures waiting to be parsed in the store at `dir`, the last of them a
 * Dashly webhook that closed `conversation`; returns a builder for that conversation's next parts.
 */
function storeBacklogThatCloses(
  dir: string,
  conversation: number,
  backlog: number,
): (fields: Record<string, unknown>) => string {
  const part = (fields: Record<string, unknown>) =>
    dashlyForm(JSON.stringify(dashlyPart({ conversation, ...fields })));
  const store = Store.open(dir);
  const started = Date.now() - 60_000;
  try {
    store.transaction(() => {
      for (let n = 0; n < backlog; n++)
        store.captures.insert(stored('/kindly', 'kindly', KINDLY_HEADERS, kindly(n % 20, n), started + n));
      const close = part({ id: 1, conversation_closed: true });
      store.captures.insert(stored('/dashly', 'dashly', DASHLY_HEADERS, close, started + backlog));
    });
  } finally {
    store.close();
  }
  return part;
}

describe('parsing after the answer (real core, real listener, real SQLite)', () => {
  const apps: TestCore[] = [];
  const temps: ReturnType<typeof makeTempDir>[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    for (const temp of temps.splice(0)) temp.remove();
  });

  it('answers a burst as soon as it is stored, then parses every capture: list lines, conversations, search, events', async () => {
    const app = await startTestCore({ captureParsing: { busyCount: 0 } });
    apps.push(app);
    const frames: EventFrame[] = [];
    app.core.events.subscribe((frame) => frames.push(frame));

    const statuses = await sendBurst(app, 300, 12);
    expect(statuses.filter((status) => status === 200)).toHaveLength(300);

    // They were stored underived: announced with the placeholder, then again parsed.
    const added = frames.filter((frame) => frame.event === 'capture.added');
    expect(added).toHaveLength(300);
    expect(added.every((frame) => (frame.payload as { summary: string }).summary === UNPARSED_SUMMARY)).toBe(
      true,
    );
    const updated = await waitFor(() => {
      const parsed = frames.filter(
        (frame) =>
          frame.event === 'capture.updated' &&
          (frame.payload as { summary: string }).summary !== UNPARSED_SUMMARY,
      );
      return parsed.length === 300 && parsed;
    }, 'every capture announced parsed');
    expect((updated[0]?.payload as { summary: string }).summary).toMatch(/burst message m\d+x/u);

    // Any API call sees them parsed.
    const conversations = await app.call('conversations.list', { provider: 'kindly' });
    expect(conversations).toHaveLength(12);
    expect(conversations.reduce((sum, conversation) => sum + conversation.count, 0)).toBe(300);
    const found = await app.call('captures.list', { q: 'm217x' });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]?.summary).toContain('burst message m217x');
    const { items } = await app.call('captures.list', { limit: 500 });
    expect(items.filter((item) => item.summary === UNPARSED_SUMMARY)).toEqual([]);
    expect(items.every((item) => item.conversationKey?.startsWith('chat-'))).toBe(true);
    expect((await app.call('app.health')).parsing.pending).toBe(0);
    const row = app.core.store.db.prepare('SELECT count(*) AS n FROM captures_underived').get() as {
      n: number;
    };
    expect(row.n).toBe(0);
  });

  it('parses on arrival while the listener is quiet (the default threshold)', async () => {
    const app = await startTestCore();
    apps.push(app);
    const frames: EventFrame[] = [];
    app.core.events.subscribe((frame) => frames.push(frame));
    const res = await httpRequest(`${app.listenerUrl}/kindly`, {
      headers: KINDLY_HEADERS,
      body: kindly(1, 1),
    });
    expect(res.status).toBe(200);
    const added = frames.find((frame) => frame.event === 'capture.added');
    expect((added?.payload as { summary: string }).summary).toBe('burst message m1x');
  });

  it('finishes at the next start what a stop or crash left unparsed, and skips captures deleted meanwhile', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const store = Store.open(temp.dir);
    const raw = (n: number): NewCapture =>
      stored('/kindly', 'kindly', KINDLY_HEADERS, kindly(7, n), 1_700_000_000_000 + n);
    const [kept, deleted, alsoKept] = store.transaction(() =>
      [1, 2, 3].map((n) => store.captures.insert(raw(n))),
    );
    store.db.prepare('DELETE FROM captures WHERE id = ?').run(deleted);
    store.close();

    const app = await startTestCore({ dataDir: temp.dir });
    apps.push(app);
    // Parsed by the start-up slices, without any API call asking for it.
    await waitFor(() => app.core.health.current().parsing.pending === 0, 'the backlog parsed');
    const conversation = await app.call('conversations.get', { provider: 'kindly', key: 'chat-7' });
    expect(conversation.messages.map((message) => message.text)).toEqual([
      'burst message m1x',
      'burst message m3x',
    ]);
    expect(conversation.messages.map((message) => message.captureId)).toEqual([kept, alsoKept]);
    expect((await app.call('captures.get', { id: kept! })).summary).toBe('burst message m1x');
    expect((await app.call('captures.list', { q: 'm3x' })).items.map((item) => item.id)).toEqual([alsoKept]);
  });

  it('an API call made while a backlog is parsed answers with all of it parsed', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const store = Store.open(temp.dir);
    store.transaction(() => {
      for (let n = 0; n < 600; n++) {
        store.captures.insert(
          stored('/kindly', 'kindly', KINDLY_HEADERS, kindly(n % 6, n), 1_700_000_000_000 + n),
        );
      }
    });
    store.close();

    const app = await startTestCore({ dataDir: temp.dir });
    apps.push(app);
    // No wait: the call itself waits for the captures stored before it (in slices, capture-deriver.ts).
    const { items } = await app.call('captures.list', { limit: 600 });
    expect(items).toHaveLength(600);
    expect(items.filter((item) => item.summary === UNPARSED_SUMMARY)).toEqual([]);
    const conversations = await app.call('conversations.list', { provider: 'kindly' });
    expect(conversations.reduce((sum, conversation) => sum + conversation.count, 0)).toBe(600);
    expect(app.core.health.current().parsing.pending).toBe(0);
  });

  it('stores a held webhook after the older unparsed ones are parsed: its conversation ends as it said', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    // The endpoint holds Dashly webhooks (saved in a first run: an API call would parse the backlog).
    const first = await startTestCore({ dataDir: temp.dir });
    await first.call('endpoints.save', { prefix: '/dashly', mode: 'hold', holdTimeoutMs: 20_000 });
    await first.stop();
    const conversation = 640_002;
    const backlog = 990;
    const part = storeBacklogThatCloses(temp.dir, conversation, backlog);

    const app = await startTestCore({ dataDir: temp.dir });
    apps.push(app);
    // Most of it still waits when the webhook comes.
    expect(app.core.health.current().parsing.pending).toBeGreaterThan(backlog / 2);
    const answer = httpRequest(`${app.listenerUrl}/dashly`, {
      headers: DASHLY_HEADERS,
      body: part({ id: 2, conversation_closed: false, body: 'please reopen' }),
      timeoutMs: 30_000,
    });
    const [hold] = await waitFor(async () => {
      const holds = await app.call('holds.list', {});
      return holds.length > 0 && holds;
    }, 'the webhook held');
    await app.call('holds.resolveAll', { action: 'fallback' });
    expect((await answer).status).toBe(200);
    await waitFor(() => app.core.health.current().parsing.pending === 0, 'the backlog parsed', 30_000);
    const thread = await app.call('conversations.get', { provider: 'dashly', key: String(conversation) });
    expect(thread.closed).toBe(false);
    expect(thread.messages.map((message) => message.text)).toContain('please reopen');
    expect((await app.call('captures.get', { id: hold!.captureId })).summary).toContain('please reopen');
  }, 60_000);

  it('queues a webhook a mock rule answered behind older unparsed ones: its conversation ends as it said', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const conversation = 640_001;
    const part = storeBacklogThatCloses(temp.dir, conversation, 8_000);

    const app = await startTestCore({ dataDir: temp.dir });
    apps.push(app);
    await app.call('endpoints.save', {
      prefix: '/dashly',
      mode: 'mock',
      rules: [{ match: { text: 'reopen' }, response: { body: { mocked: true } } }],
    });
    // The newest reopens it; the rule read it to answer, yet it is parsed after the older ones.
    const res = await httpRequest(`${app.listenerUrl}/dashly`, {
      headers: DASHLY_HEADERS,
      body: part({ id: 2, conversation_closed: false, body: 'please reopen' }),
    });
    expect(JSON.parse(res.text)).toEqual({ mocked: true });
    const newest = (await app.call('captures.list', { limit: 1 })).items[0]!;
    expect(app.core.health.current().parsing.pending).toBeGreaterThan(1_000);
    expect(newest.summary).toBe(UNPARSED_SUMMARY);

    await waitFor(() => app.core.health.current().parsing.pending === 0, 'the backlog parsed', 60_000);
    const thread = await app.call('conversations.get', { provider: 'dashly', key: String(conversation) });
    expect(thread.closed).toBe(false);
    expect(thread.messages.map((message) => message.text)).toContain('please reopen');
    expect((await app.call('captures.get', { id: newest.id })).response?.source).toBe('mock');
  }, 90_000);
});
