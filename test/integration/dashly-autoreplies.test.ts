import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/index.js';
import { FakeDashlyApi } from '../helpers/fake-dashly-api.js';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { DASHLY_HEADERS, dashlyForm, dashlyPart } from '../fixtures/dashly.js';

const API_TOKEN = 'api-token-auto-31c9';
const HOOK_TOKEN = 'hook-token-auto-8d1f';
const ADMIN = { type: 'admin', id: 111, name: 'inkov' };
const BOT = { type: 'bot', id: 7, name: 'Routing bot' };

type Rules = MethodInput<'autoreplies.save'>['rules'];

describe('Dashly auto-responder (real core and listener, fake Dashly API that echoes every reply)', () => {
  let app: TestCore;
  let fake: FakeDashlyApi;
  let conversationSeq = 500_000;
  let initial: unknown;
  const nextConversation = () => String(++conversationSeq);

  async function webhook(
    key: string,
    part: Record<string, unknown>,
    options: { token?: string; path?: string } = {},
  ): Promise<void> {
    const json = JSON.stringify(dashlyPart(part)).replace('"conversation":64558819', `"conversation":${key}`);
    const res = await httpRequest(`${app.listenerUrl}${options.path ?? '/dashly'}`, {
      headers: DASHLY_HEADERS,
      body: dashlyForm(json, options.token ?? HOOK_TOKEN),
    });
    expect(res.status).toBe(200);
  }

  /** The auto-reply is stored before the webhook is answered, so this is final once `webhook` returned. */
  async function automatic(key: string) {
    const listed = await app.call('conversations.list', { provider: 'dashly', limit: 1000 });
    if (!listed.some((c) => c.key === key)) return [];
    const view = await app.call('conversations.get', { provider: 'dashly', key });
    return view.messages.filter((m) => m.automatic);
  }

  async function save(rules: Rules, enabled = true, cooldownSeconds = 600) {
    return app.call('autoreplies.save', { enabled, cooldownSeconds, rules });
  }

  beforeAll(async () => {
    app = await startTestCore();
    fake = await FakeDashlyApi.start({
      token: API_TOKEN,
      webhook: { url: `${app.listenerUrl}/dashly`, token: HOOK_TOKEN },
      autoEcho: true,
    });
    initial = await app.call('autoreplies.list', {});
    await app.call('settings.update', {
      'dashly.apiBaseUrl': fake.url,
      'dashly.apiToken': API_TOKEN,
      'dashly.webhookToken': HOOK_TOKEN,
    });
  });
  afterAll(async () => {
    await fake.stop();
    await app.stop();
  });
  beforeEach(async () => {
    await fake.settled();
    await save([{ phrase: 'Hello, how are you', answer: 'Hey, great!' }]);
  });

  it('starts switched off and saves, lists and validates its configuration', async () => {
    expect(initial).toEqual({ enabled: false, cooldownSeconds: 60, rules: [] });
    const saved = await app.call('autoreplies.list', {});
    expect(saved).toEqual({
      enabled: true,
      cooldownSeconds: 600,
      rules: [{ phrase: 'Hello, how are you', answer: 'Hey, great!' }],
    });
    const invalid = await app.callRaw('autoreplies.save', {
      enabled: true,
      rules: [
        { phrase: 'fine', answer: 'ok' },
        { phrase: '([unclosed', answer: 'x', regex: true },
      ],
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toMatch(/Rule 2: Invalid pattern/u);
    // Backreferences need a backtracking engine: RE2 refuses them, with a reason.
    const backreference = await app.callRaw('autoreplies.save', {
      enabled: true,
      rules: [{ phrase: '(a)\\1', answer: 'x', regex: true }],
    });
    expect(backreference.status).toBe(400);
    expect(JSON.stringify(backreference.body)).toMatch(/RE2 syntax/u);
    const badEndpoint = await app.callRaw('autoreplies.save', {
      enabled: true,
      rules: [{ phrase: 'x', answer: 'y', endpoint: 'dashly' }],
    });
    expect(badEndpoint.status).toBe(400);
    // A rejected save changes nothing.
    expect((await app.call('autoreplies.list', {})).rules).toHaveLength(1);
    // The same phrase as a literal is fine: it is never compiled.
    await save([{ phrase: '(a+)+$', answer: 'literal' }]);
  });

  it('answers a user message matching a literal phrase, case-insensitively, through the reply path', async () => {
    const key = nextConversation();
    await webhook(key, { body: 'hello, HOW ARE YOU today?' });
    const [reply] = await automatic(key);
    expect(reply).toMatchObject({ text: 'Hey, great!', kind: 'reply_admin', automatic: true });
    const call = await fake.waitForCall((c) => c.route === `/conversations/${key}/reply`);
    expect(Object.fromEntries(call.form)).toMatchObject({
      body: 'Hey, great!',
      type: 'reply_admin',
      from_admin: 'default_admin',
      random_id: reply!.meta.randomId,
      id_as_string: 'true',
    });
    // The fake echoes it back to the listener; the echo marks it delivered and is not answered.
    await fake.settled();
    const view = await app.call('conversations.get', { provider: 'dashly', key });
    expect(view.messages.map((m) => [m.kind, m.status ?? null, m.automatic ?? false])).toEqual([
      ['reply_user', null, false],
      ['reply_admin', 'delivered', true],
    ]);
    expect(fake.callsTo('reply').filter((c) => c.route.includes(key))).toHaveLength(1);
    const calls = await app.call('dashly.calls', { conversationId: key });
    expect(calls.items.map((c) => [c.action, c.messageId])).toEqual([['reply', reply!.id]]);
  });

  it('matches a regex rule only when the rule says so, and treats literal phrases literally', async () => {
    await save([
      { phrase: 'price (usd)?', answer: 'literal price' },
      { phrase: '^order\\s+#?\\d+', answer: 'Checking your order', regex: true },
    ]);
    const regexHit = nextConversation();
    await webhook(regexHit, { body: 'ORDER #12345 — where is it?' });
    expect((await automatic(regexHit)).map((m) => m.text)).toEqual(['Checking your order']);

    const regexMiss = nextConversation();
    await webhook(regexMiss, { body: 'my order 12345' });
    expect(await automatic(regexMiss)).toEqual([]);

    const notRegex = nextConversation();
    await webhook(notRegex, { body: 'what is the price usd' });
    expect(await automatic(notRegex)).toEqual([]);

    const literalHit = nextConversation();
    await webhook(literalHit, { body: 'What is the PRICE (USD)? thanks' });
    expect((await automatic(literalHit)).map((m) => m.text)).toEqual(['literal price']);

    // User text full of pattern syntax is just text.
    const hostile = nextConversation();
    await webhook(hostile, { body: `${'('.repeat(50)}a+)+$ [` });
    expect(await automatic(hostile)).toEqual([]);
  });

  it('never answers operator replies, notes, bots, system parts, or its own echo', async () => {
    const parts: Record<string, unknown>[] = [
      { type: 'reply_admin', direction: 'a2u', from: ADMIN },
      { type: 'note', direction: 'a2u', from: ADMIN },
      { type: 'auto_reply', direction: 'a2u', from: BOT },
      { type: 'chat_bot_admin', direction: 'a2u', from: BOT },
      { type: 'chat_bot_user', direction: 'a2u', from: BOT },
      { type: 'tag_added', direction: 'a2u', from: ADMIN, tag: 'Hello, how are you' },
      { type: 'service', direction: 'a2u', from: 85648207 },
    ];
    for (const part of parts) {
      const key = nextConversation();
      await webhook(key, { ...part, body: 'Hello, how are you' });
      expect(await automatic(key), String(part.type)).toEqual([]);
    }
    // Its own reply comes back as a webhook (autoEcho): still exactly one reply.
    const key = nextConversation();
    await webhook(key, { body: 'Hello, how are you' });
    await fake.settled();
    expect(await automatic(key)).toHaveLength(1);
    expect(fake.callsTo('reply').filter((c) => c.route.includes(key))).toHaveLength(1);
  });

  it('replies at most once per conversation per cooldown', async () => {
    const key = nextConversation();
    await webhook(key, { body: 'Hello, how are you' });
    await webhook(key, { body: 'hello, how are you?? anyone?' });
    await webhook(key, { body: 'HELLO, HOW ARE YOU' });
    expect(await automatic(key)).toHaveLength(1);
    // Another conversation has its own cooldown.
    const other = nextConversation();
    await webhook(other, { body: 'Hello, how are you' });
    expect(await automatic(other)).toHaveLength(1);
  });

  it('honours the global switch, per-endpoint rules and the webhook token', async () => {
    await save([{ phrase: 'Hello, how are you', answer: 'Hey, great!' }], false);
    const off = nextConversation();
    await webhook(off, { body: 'Hello, how are you' });
    expect(await automatic(off)).toEqual([]);

    await save([{ phrase: 'refund', answer: 'Shop refunds take 3 days', endpoint: '/dashly/shop' }]);
    const elsewhere = nextConversation();
    await webhook(elsewhere, { body: 'I want a refund' });
    await webhook(elsewhere, { body: 'I want a refund' }, { path: '/dashly/shopping' });
    expect(await automatic(elsewhere)).toEqual([]);
    const shop = nextConversation();
    await webhook(shop, { body: 'I want a refund' }, { path: '/dashly/shop?src=widget' });
    expect((await automatic(shop)).map((m) => m.text)).toEqual(['Shop refunds take 3 days']);

    await save([{ phrase: 'Hello, how are you', answer: 'Hey, great!' }]);
    const forged = nextConversation();
    await webhook(forged, { body: 'Hello, how are you' }, { token: 'guessed' });
    expect(await automatic(forged)).toEqual([]);
  });
});
