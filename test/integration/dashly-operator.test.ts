import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/model/message.js';
import { FakeDashlyApi } from '../helpers/fake-dashly-api.js';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { DASHLY_HEADERS, dashlyForm, dashlyPart } from '../fixtures/dashly.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';

const API_TOKEN = 'api-token-secret-5f1c';
const READ_ONLY_TOKEN = 'read-only-token-77aa';
const HOOK_TOKEN = 'hook-secret-9b2e';
/** 2^64 − 1: the largest Dashly id, far above what a JSON number keeps. */
const BIG_CONVERSATION = '18446744073709551615';

interface ErrorAnswer {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** A user part as Dashly's webhook sends it, with ids written as raw JSON numbers. */
function userPartJson(conversation: string, body: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(dashlyPart({ body, ...extra })).replace(
    '"conversation":64558819',
    `"conversation":${conversation}`,
  );
}

describe('Dashly operator console (real core, real listener, fake Dashly API over HTTP)', () => {
  let app: TestCore;
  let fake: FakeDashlyApi;
  let conversationSeq = 7000;

  const nextConversation = () => String(++conversationSeq);

  async function postWebhook(conversationJson: string, token: string | null = HOOK_TOKEN, path = '/dashly') {
    const body =
      token === null
        ? new URLSearchParams({ conversation: conversationJson, type: 'conversation' }).toString()
        : dashlyForm(conversationJson, token);
    const res = await httpRequest(`${app.listenerUrl}${path}`, { headers: DASHLY_HEADERS, body });
    expect(res.status).toBe(200);
  }

  async function thread(key: string) {
    return app.call('conversations.get', { provider: 'dashly', key });
  }

  async function expectError(
    method: string,
    input: unknown,
  ): Promise<ErrorAnswer['error'] & { status: number }> {
    const { status, body } = await app.callRaw(method, input);
    expect(status).not.toBe(200);
    return { status, ...(body as ErrorAnswer).error };
  }

  beforeAll(async () => {
    app = await startTestCore({ dashly: { timeoutMs: 1500 } });
    fake = await FakeDashlyApi.start({
      token: API_TOKEN,
      readOnlyToken: READ_ONLY_TOKEN,
      webhook: { url: `${app.listenerUrl}/dashly`, token: HOOK_TOKEN },
      maxReplyLength: 1000,
    });
  });
  afterAll(async () => {
    await fake.stop();
    await app.stop();
  });
  beforeEach(async () => {
    await app.call('settings.update', {
      'dashly.apiBaseUrl': fake.url,
      'dashly.authStyle': 'header',
      'dashly.apiToken': API_TOKEN,
      'dashly.webhookToken': HOOK_TOKEN,
      'dashly.defaultFromAdmin': '111',
    });
  });

  it('replies as an admin with exactly the documented form fields, 64-bit ids end to end, delivered by the echo', async () => {
    await postWebhook(userPartJson(BIG_CONVERSATION, 'Where is my order?'));
    const before = await thread(BIG_CONVERSATION);
    expect(before.unanswered).toBe(true);
    expect(before.messages).toHaveLength(1);

    const reply = await app.call('dashly.reply', {
      conversationId: BIG_CONVERSATION,
      body: 'Hi! Your order has shipped.',
      fromAdmin: '111',
    });
    expect(reply).toMatchObject({
      status: 'sent',
      kind: 'reply_admin',
      direction: 'to_user',
      captureId: null,
      conversationKey: BIG_CONVERSATION,
      author: { kind: 'admin', id: '111' },
    });
    // The part id Dashly returned (above 2^53) arrives intact.
    expect(reply.meta.partId).toBe('9007199254740993');

    const [call] = fake.callsTo('reply');
    expect(call).toBeDefined();
    expect(call!.method).toBe('POST');
    expect(call!.route).toBe(`/conversations/${BIG_CONVERSATION}/reply`);
    expect(call!.contentType).toMatch(/^application\/x-www-form-urlencoded/u);
    expect(call!.headers.authorization).toBe(`Token ${API_TOKEN}`);
    expect(call!.auth).toBe('header');
    expect(call!.status).toBe(200);
    const randomId = String(reply.meta.randomId);
    expect(call!.form).toEqual([
      ['body', 'Hi! Your order has shipped.'],
      ['type', 'reply_admin'],
      ['from_admin', '111'],
      ['random_id', randomId],
      ['id_as_string', 'true'],
    ]);
    expect(Number(randomId)).toBeGreaterThan(0);
    expect(Number(randomId)).toBeLessThan(2 ** 31);

    const sent = await thread(BIG_CONVERSATION);
    expect(sent.messages.map((m) => [m.text, m.status])).toEqual([
      ['Where is my order?', undefined],
      ['Hi! Your order has shipped.', 'sent'],
    ]);
    expect(sent.unanswered).toBe(false);

    const echo = await fake.echo(randomId);
    expect(echo.status).toBe(200);
    const delivered = await thread(BIG_CONVERSATION);
    // The echo is merged into the reply, not shown a second time.
    expect(delivered.messages).toHaveLength(2);
    expect(delivered.count).toBe(2);
    const deliveredReply = delivered.messages[1]!;
    expect(deliveredReply).toMatchObject({ id: reply.id, status: 'delivered', author: { name: 'inkov' } });
    const echoCaptureId = deliveredReply.meta.echoCaptureId as number;
    const echoCapture = await app.call('captures.get', { id: echoCaptureId });
    expect(echoCapture.conversationKey).toBe(BIG_CONVERSATION);
    expect(echoCapture.messages[0]).toMatchObject({ echoOf: reply.id, kind: 'reply_admin' });
    expect(echoCapture.messages[0]!.meta.randomId).toBe(randomId);
    expect(echoCapture.webhookToken).toBe('ok');
  });

  it('sends a note as type=note; a note does not answer the user', async () => {
    const key = nextConversation();
    await postWebhook(userPartJson(key, 'Can I return it?'));
    const note = await app.call('dashly.reply', { conversationId: key, body: 'VIP, be nice', type: 'note' });
    expect(note).toMatchObject({ kind: 'note', status: 'sent', author: { id: '111' } });
    const call = fake.callsTo('reply').at(-1)!;
    expect(Object.fromEntries(call.form)).toMatchObject({
      type: 'note',
      body: 'VIP, be nice',
      from_admin: '111',
    });
    const summary = await thread(key);
    expect(summary.unanswered).toBe(true);
  });

  it('uses the default sender setting, and default_admin', async () => {
    const key = nextConversation();
    await app.call('settings.update', { 'dashly.defaultFromAdmin': 'default_admin' });
    const reply = await app.call('dashly.reply', { conversationId: key, body: 'Hello' });
    expect(reply.author).toMatchObject({ kind: 'admin', id: null, name: 'default_admin' });
    expect(Object.fromEntries(fake.callsTo('reply').at(-1)!.form).from_admin).toBe('default_admin');
  });

  it('legacy /v1 API: the token travels as auth_token, and the call log never holds it', async () => {
    const key = nextConversation();
    // Header style is asked for, but /v1 requires auth_token: the client sends it there.
    await app.call('settings.update', { 'dashly.apiBaseUrl': fake.legacyUrl, 'dashly.authStyle': 'header' });
    const reply = await app.call('dashly.reply', { conversationId: key, body: 'Legacy hello' });
    expect(reply.status).toBe('sent');
    const call = fake.callsTo('reply').at(-1)!;
    expect(call.legacy).toBe(true);
    expect(call.auth).toBe('query');
    expect(call.headers.authorization).toBeUndefined();
    expect(call.query).toEqual([['auth_token', API_TOKEN]]);

    // Legacy tags: POST with action=add / action=delete, 200 with empty data.
    const added = await app.call('dashly.tag', { conversationId: key, tag: 'vip' });
    expect(added.changed).toBe(false);
    const removed = await app.call('dashly.tag', { conversationId: key, tag: 'vip', remove: true });
    expect(removed.changed).toBe(false);
    const tagCalls = fake.callsTo('tag').slice(-2);
    expect(tagCalls.map((c) => [c.method, Object.fromEntries(c.form).action, c.status])).toEqual([
      ['POST', 'add', 200],
      ['POST', 'delete', 200],
    ]);
    expect(fake.tags.get(key)?.size).toBe(0);
    const comma = await expectError('dashly.tag', { conversationId: key, tag: 'a,b' });
    expect(comma).toMatchObject({ status: 400, code: 'bad_request' });

    // The query style on the current API sends auth_token too.
    await app.call('settings.update', { 'dashly.apiBaseUrl': fake.url, 'dashly.authStyle': 'query' });
    await app.call('dashly.reply', { conversationId: key, body: 'Query style' });
    const queryCall = fake.callsTo('reply').at(-1)!;
    expect(queryCall.legacy).toBe(false);
    expect(queryCall.auth).toBe('query');
    expect(queryCall.headers.authorization).toBeUndefined();

    const calls = await app.call('dashly.calls', { conversationId: key });
    expect(calls.items.map((c) => c.action)).toEqual(['reply', 'tag.remove', 'tag.add', 'reply']);
    expect(calls.items.map((c) => c.auth)).toEqual(['query', 'query', 'query', 'query']);
    expect(calls.items[3]).toMatchObject({
      method: 'POST',
      url: `${fake.legacyUrl}/conversations/${key}/reply`,
      status: 200,
      error: null,
      messageId: reply.id,
      conversationKey: key,
    });
    expect(calls.items[3]!.params).toContainEqual(['body', 'Legacy hello']);
    expect(calls.items[3]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(calls.items[3]!.response!)).toMatchObject({ meta: { status: 200 } });
    const everything = JSON.stringify(await app.call('dashly.calls', { limit: 1000 }));
    expect(everything).not.toContain(API_TOKEN);
    expect(everything).not.toContain('auth_token');
  });

  it('a failed reply names the API error, shows as failed, is never retried automatically, and can be retried by hand', async () => {
    const key = nextConversation();
    await postWebhook(userPartJson(key, 'Tell me everything'));
    const repliesBefore = fake.callsTo('reply').length;

    const tooBig = await expectError('dashly.reply', { conversationId: key, body: 'x'.repeat(1001) });
    expect(tooBig.status).toBe(502);
    expect(tooBig.code).toBe('upstream_error');
    expect(tooBig.message).toMatch(/ReplyTooBig/u);
    expect(tooBig.details).toMatchObject({ apiError: 'ReplyTooBig', httpStatus: 400 });
    const failedId = tooBig.details!.messageId as number;
    expect(fake.callsTo('reply').length).toBe(repliesBefore + 1);

    let view = await thread(key);
    const failed = view.messages.find((m) => m.id === failedId)!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/ReplyTooBig: Reply is too big/u);
    // A failed reply answers nobody.
    expect(view.unanswered).toBe(true);

    // Now one that fails once, then is retried by hand.
    fake.failNext({ status: 400, error: 'BadRequest', message: 'Try again' });
    const once = await expectError('dashly.reply', { conversationId: key, body: 'Short answer' });
    expect(once.message).toMatch(/BadRequest/u);
    const messageId = once.details!.messageId as number;
    const firstRandom = (await thread(key)).messages.find((m) => m.id === messageId)!.meta.randomId;
    expect(fake.callsTo('reply').length).toBe(repliesBefore + 2);

    const retried = await app.call('dashly.retry', { messageId });
    expect(retried.status).toBe('sent');
    expect(retried.meta.randomId).not.toBe(firstRandom);
    expect(retried.meta.previousRandomIds).toEqual([firstRandom]);
    expect(retried.meta.attempts).toBe(2);
    expect(fake.callsTo('reply').length).toBe(repliesBefore + 3);
    expect(Object.fromEntries(fake.callsTo('reply').at(-1)!.form).random_id).toBe(retried.meta.randomId);

    await fake.echo(String(retried.meta.randomId));
    view = await thread(key);
    expect(view.messages.find((m) => m.id === messageId)).toMatchObject({ status: 'delivered' });
    expect(view.unanswered).toBe(false);

    const again = await expectError('dashly.retry', { messageId });
    expect(again).toMatchObject({ status: 409, code: 'conflict' });
    const notSent = await expectError('dashly.retry', { messageId: view.messages[0]!.id });
    expect(notSent).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('names AuthenticationFailed and PermissionDenied', async () => {
    const key = nextConversation();
    await app.call('settings.update', { 'dashly.apiToken': 'wrong-token' });
    const wrong = await expectError('dashly.reply', { conversationId: key, body: 'hi' });
    expect(wrong.message).toMatch(/AuthenticationFailed/u);
    expect(wrong.message).not.toContain('wrong-token');

    await app.call('settings.update', { 'dashly.apiToken': READ_ONLY_TOKEN });
    const denied = await expectError('dashly.close', { conversationId: key });
    expect(denied.message).toMatch(/PermissionDenied/u);
    expect(denied.details).toMatchObject({ apiError: 'PermissionDenied', httpStatus: 403 });

    await app.call('settings.update', { 'dashly.apiToken': null });
    const missing = await expectError('dashly.reply', { conversationId: key, body: 'hi' });
    expect(missing).toMatchObject({ status: 400, code: 'bad_request' });
    expect(missing.message).toMatch(/dashly\.apiToken/u);
    // The attempt with the wrong token is in the thread as failed; the one without a token never started.
    const view = await thread(key);
    expect(view.messages.map((m) => [m.text, m.status])).toEqual([['hi', 'failed']]);
    expect(view.messages[0]!.error).toMatch(/AuthenticationFailed/u);
  });

  it('a timed-out reply is failed, not retried, and its late echo still marks it delivered', async () => {
    const key = nextConversation();
    const repliesBefore = fake.callsTo('reply').length;
    fake.hangNext();
    const timedOut = await expectError('dashly.reply', { conversationId: key, body: 'Are you there?' });
    expect(timedOut).toMatchObject({ status: 504, code: 'timeout' });
    expect(timedOut.message).toMatch(/may still have taken effect/u);
    expect(fake.callsTo('reply').length).toBe(repliesBefore + 1);
    const messageId = timedOut.details!.messageId as number;
    const message = (await thread(key)).messages.find((m) => m.id === messageId)!;
    expect(message.status).toBe('failed');

    // Dashly did process it after all: the echo arrives.
    const echoJson = JSON.stringify(
      dashlyPart({
        type: 'reply_admin',
        direction: 'a2u',
        body: 'Are you there?',
        from: { type: 'admin', id: 111, name: 'inkov' },
        random_id: Number(message.meta.randomId),
      }),
    ).replace('"conversation":64558819', `"conversation":${key}`);
    await postWebhook(echoJson);
    const view = await thread(key);
    expect(view.messages).toHaveLength(1);
    expect(view.messages[0]).toMatchObject({ id: messageId, status: 'delivered' });
    expect(view.messages[0]!.error).toBeUndefined();
    const [timeoutCall] = (await app.call('dashly.calls', { conversationId: key })).items;
    expect(timeoutCall).toMatchObject({ status: null, response: null });
    expect(timeoutCall!.error).toMatch(/did not answer/u);
  });

  it('assigns, closes, adds and removes tags, and reports Dashly tag errors', async () => {
    const key = nextConversation();
    await postWebhook(userPartJson(key, 'Please help'));

    const assigned = await app.call('dashly.assign', { conversationId: key, admin: '912' });
    expect(assigned.changed).toBe(true);
    expect(assigned.message).toMatchObject({ kind: 'assigned', status: 'sent', text: 'assigned to 912' });
    const assignCall = fake.callsTo('assign').at(-1)!;
    expect(assignCall.form.map(([name]) => name)).toEqual([
      'admin',
      'from_admin',
      'random_id',
      'id_as_string',
    ]);
    expect(Object.fromEntries(assignCall.form)).toMatchObject({ admin: '912', from_admin: '111' });
    expect((await thread(key)).assignee).toEqual({ id: '912', name: null });

    const unchanged = await app.call('dashly.assign', { conversationId: key, admin: '912' });
    expect(unchanged).toEqual({ changed: false, message: null });

    const tagged = await app.call('dashly.tag', { conversationId: key, tag: 'vip' });
    expect(tagged.message).toMatchObject({ kind: 'tag_added', text: 'tag added: vip' });
    expect((await thread(key)).tags).toEqual(['vip']);
    const duplicate = await expectError('dashly.tag', { conversationId: key, tag: 'vip' });
    expect(duplicate.message).toMatch(/ConversationTagAlreadyAssigned/u);

    const untagged = await app.call('dashly.tag', { conversationId: key, tag: 'vip', remove: true });
    expect(untagged.message).toMatchObject({ kind: 'tag_deleted' });
    const deleteCall = fake.callsTo('tag').at(-1)!;
    expect(deleteCall.method).toBe('DELETE');
    expect(deleteCall.contentType).toMatch(/^application\/x-www-form-urlencoded/u);
    expect(Object.fromEntries(deleteCall.form)).toMatchObject({ tag: 'vip', from_admin: '111' });
    expect((await thread(key)).tags).toEqual([]);
    const notAssigned = await expectError('dashly.tag', { conversationId: key, tag: 'vip', remove: true });
    expect(notAssigned.message).toMatch(/ConversationTagIsNotAssigned/u);

    const closed = await app.call('dashly.close', { conversationId: key });
    expect(closed.message).toMatchObject({ kind: 'closed', text: 'conversation closed' });
    const view = await thread(key);
    expect(view.closed).toBe(true);
    expect(view.messages.map((m) => m.kind)).toEqual([
      'reply_user',
      'assigned',
      'tag_added',
      'tag_deleted',
      'closed',
    ]);

    // A webhook for the close part carries its random_id: it confirms the entry instead of repeating it.
    await fake.echo(String(closed.message!.meta.randomId));
    const after = await thread(key);
    expect(after.messages).toHaveLength(5);
    expect(after.messages.at(-1)).toMatchObject({ kind: 'closed', status: 'delivered' });
  });

  it('throttles the typing indicator to one settyping call per conversation per interval', async () => {
    const key = nextConversation();
    const other = nextConversation();
    const before = fake.callsTo('settyping').length;
    expect(await app.call('dashly.typing', { conversationId: key, body: 'Let me ch' })).toEqual({
      sent: true,
    });
    expect(await app.call('dashly.typing', { conversationId: key, body: 'Let me che' })).toEqual({
      sent: false,
    });
    expect(await app.call('dashly.typing', { conversationId: key, body: 'Let me chec' })).toEqual({
      sent: false,
    });
    expect(await app.call('dashly.typing', { conversationId: other, body: 'Hi' })).toEqual({ sent: true });
    const calls = fake.callsTo('settyping').slice(before);
    expect(
      calls.map((c) => [c.route, Object.fromEntries(c.form).body, Object.fromEntries(c.form).from_admin]),
    ).toEqual([
      [`/conversations/${key}/settyping`, 'Let me ch', '111'],
      [`/conversations/${other}/settyping`, 'Hi', '111'],
    ]);
    const logged = await app.call('dashly.calls', { conversationId: key });
    expect(logged.items.map((c) => c.action)).toEqual(['typing']);
  });

  it('reports the webhook token of each Dashly capture through the real listener', async () => {
    const key = nextConversation();
    await postWebhook(userPartJson(key, 'good'), HOOK_TOKEN);
    await postWebhook(userPartJson(key, 'forged'), 'not-the-token');
    await postWebhook(userPartJson(key, 'no token'), null);
    await httpRequest(`${app.listenerUrl}/kindly`, {
      headers: KINDLY_HEADERS,
      body: JSON.stringify(KINDLY_TEXT_REQUEST),
    });
    const { items } = await app.call('captures.list', { limit: 4 });
    const [kindly, missing, mismatch, ok] = items;
    const check = async (id: number) => (await app.call('captures.get', { id })).webhookToken;
    expect(await check(ok!.id)).toBe('ok');
    expect(await check(mismatch!.id)).toBe('mismatch');
    expect(await check(missing!.id)).toBe('missing');
    expect(await check(kindly!.id)).toBeUndefined();
    await app.call('settings.update', { 'dashly.webhookToken': null });
    expect(await check(ok!.id)).toBe('not-configured');
    const settings = await app.call('settings.get', {});
    expect(settings.secrets['dashly.webhookToken']).toBe('unset');
    expect(settings.secrets['dashly.apiToken']).toBe('set');
    expect(JSON.stringify(settings)).not.toContain(API_TOKEN);
  });

  it('keeps closed state, tags, assignee and unanswered from the latest part; collects admins', async () => {
    const key = nextConversation();
    const part = (extra: Record<string, unknown>) =>
      JSON.stringify(dashlyPart(extra)).replace('"conversation":64558819', `"conversation":${key}`);
    const admin = { type: 'admin', id: 24601, name: 'Maks' };
    await postWebhook(part({ body: 'Hello?', assignee: null }));
    let view = await thread(key);
    expect(view).toMatchObject({ unanswered: true, closed: false, tags: [], assignee: null });

    await postWebhook(
      part({ type: 'note', direction: 'a2u', body: 'internal', from: admin, assignee: null }),
    );
    expect((await thread(key)).unanswered).toBe(true);

    await postWebhook(
      part({
        type: 'reply_admin',
        direction: 'a2u',
        body: 'Hi!',
        from: admin,
        assignee: admin,
        conversation_tags: ['vip', 'billing'],
      }),
    );
    view = await thread(key);
    expect(view).toMatchObject({
      unanswered: false,
      tags: ['vip', 'billing'],
      assignee: { id: '24601', name: 'Maks' },
    });

    await postWebhook(
      part({
        type: 'closed',
        direction: 'a2u',
        body: '',
        from: admin,
        conversation_closed: true,
        conversation_tags: ['vip', 'billing'],
        assignee: admin,
      }),
    );
    view = await thread(key);
    expect(view.closed).toBe(true);
    expect(view.messages.at(-1)).toMatchObject({ kind: 'closed', text: 'conversation closed' });
    expect(view.unanswered).toBe(false);

    const list = await app.call('conversations.list', { provider: 'dashly' });
    expect(list.find((c) => c.key === key)).toMatchObject({ closed: true, tags: ['vip', 'billing'] });

    const admins = await app.call('dashly.admins', {});
    expect(admins.find((a) => a.id === '24601')).toMatchObject({ name: 'Maks', type: 'admin' });
    expect(admins.find((a) => a.id === '111')).toMatchObject({ name: 'inkov' });

    // A reply from a known admin carries the name picked up from payloads.
    const reply = await app.call('dashly.reply', { conversationId: key, body: 'More?', fromAdmin: '111' });
    expect(reply.author).toEqual({ kind: 'admin', id: '111', name: 'inkov' });
  });

  it('validates settings and lists the API presets', async () => {
    const presets = await app.call('dashly.presets', {});
    expect(presets.map((p) => [p.apiBaseUrl, p.authStyle])).toEqual([
      ['https://api.dashly.app', 'header'],
      ['https://api.dashly.app/v1', 'query'],
      ['https://api.carrotquest.io', 'header'],
      ['https://api.carrotquest.io/v1', 'query'],
    ]);
    const badUrl = await expectError('settings.update', { 'dashly.apiBaseUrl': 'ftp://example' });
    expect(badUrl.code).toBe('bad_request');
    const badAdmin = await expectError('settings.update', { 'dashly.defaultFromAdmin': 'bob' });
    expect(badAdmin.code).toBe('bad_request');
    const badStyle = await expectError('settings.update', { 'dashly.authStyle': 'cookie' });
    expect(badStyle.code).toBe('bad_request');
    const updated = await app.call('settings.update', { 'dashly.apiBaseUrl': `${fake.url}/` });
    expect(updated.values['dashly.apiBaseUrl']).toBe(fake.url);
    await app.call('settings.update', { 'dashly.apiBaseUrl': null });
    expect((await app.call('settings.get', {})).values['dashly.apiBaseUrl']).toBe('https://api.dashly.app');

    const badId = await expectError('dashly.reply', { conversationId: '12ab', body: 'x' });
    expect(badId.code).toBe('bad_request');
    const unsafeNumber = await expectError('dashly.reply', { conversationId: 2 ** 60, body: 'x' });
    expect(unsafeNumber.message).toMatch(/strings/u);
  });

  it('announces sent messages, delivery and conversation changes as events', async () => {
    const key = nextConversation();
    const frames: { event: string; payload: unknown }[] = [];
    const unsubscribe = app.core.events.subscribe((frame) => frames.push(frame));
    try {
      const reply = await app.call('dashly.reply', { conversationId: key, body: 'Evented' });
      await fake.echo(String(reply.meta.randomId));
      const mine = (name: string) =>
        frames.filter((f) => f.event === name && (f.payload as Message).id === reply.id);
      expect(mine('message.added').map((f) => (f.payload as Message).status)).toEqual(['sent']);
      expect(mine('message.updated').map((f) => (f.payload as Message).status)).toEqual([
        'sent',
        'delivered',
      ]);
      expect(frames.some((f) => f.event === 'conversation.updated')).toBe(true);
      expect(frames.some((f) => f.event === 'dashly.call.added')).toBe(true);
    } finally {
      unsubscribe();
    }
  });
});
