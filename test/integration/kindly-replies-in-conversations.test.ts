import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredResponse } from '../../electron/core/store/records.js';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { KINDLY_DOC_REPLIES } from '../fixtures/kindly-replies.js';

const CHAT = 'f00dfeed-0000-4000-8000-000000000001';

function jsonAnswer(body: unknown, status = 200): StoredResponse {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    status,
    headers: [['Content-Type', 'application/json; charset=utf-8']],
    body: bytes,
    source: 'hold',
    latencyMs: 12,
  };
}

describe('Kindly bot replies in the conversation (real listener, store and API)', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore();
  });
  afterAll(async () => {
    await app.stop();
  });

  async function userSays(message: string, context: Record<string, unknown> = {}): Promise<number> {
    const res = await httpRequest(`${app.listenerUrl}/kindly`, {
      body: JSON.stringify({ ...KINDLY_TEXT_REQUEST, chat_id: CHAT, message, context }),
      headers: KINDLY_HEADERS,
    });
    expect(res.status).toBe(200);
    const { items } = await app.call('captures.list', { limit: 1 });
    return items[0]!.id;
  }

  /** Stores a response later, as a hold or a forward does, and commits it. */
  function answer(id: number, response: StoredResponse): void {
    app.core.writer.setResponse(id, response);
    app.core.writer.flush();
  }

  const thread = async () =>
    (await app.call('conversations.get', { provider: 'kindly', key: CHAT })).messages;

  it('adds nothing for the default {} acknowledgement', async () => {
    const id = await userSays('When are you open on Saturday?', { store: 'oslo-sentrum' });
    const detail = await app.call('captures.get', { id });
    expect(Buffer.from(detail.response!.body.base64, 'base64').toString()).toBe('{}');
    expect((await thread()).map((m) => m.direction)).toEqual(['to_operator']);
    const [conversation] = await app.call('conversations.list', { provider: 'kindly' });
    expect(conversation).toMatchObject({ key: CHAT, unanswered: true });
  });

  it('shows a reply right after the user message, with the reply JSON and its validation', async () => {
    const { items } = await app.call('captures.list', { conversation: CHAT });
    const id = items[0]!.id;
    const reply = KINDLY_DOC_REPLIES['docs §5.1 text + buttons'];
    answer(id, jsonAnswer(reply));

    const messages = await thread();
    expect(messages.map((m) => [m.direction, m.kind, m.author.kind])).toEqual([
      ['to_operator', 'message', 'user'],
      ['to_user', 'reply', 'bot'],
    ]);
    const bot = messages[1]!;
    expect(bot.text).toBe('On Saturdays we are open 10:00–18:00.\n\nAnything else I can help with?');
    expect(bot.captureId).toBe(id);
    expect(bot.at).toBe(messages[0]!.at);
    expect(bot.meta.reply).toEqual(reply);
    expect(bot.meta.validation).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(bot.meta.response).toEqual({ status: 200, source: 'hold' });

    const [conversation] = await app.call('conversations.list', { provider: 'kindly' });
    expect(conversation).toMatchObject({ count: 2, unanswered: false, lastText: bot.text });
    // The capture shows the bot's message too.
    expect((await app.call('captures.get', { id })).messages.map((m) => m.kind)).toEqual([
      'message',
      'reply',
    ]);
  });

  it('keeps each reply after its own question and records context changes', async () => {
    const second = await userSays('Where is my order A-1001?', { customer_id: 'C-5521', order_id: 'A-0999' });
    const third = await userSays('Thanks!');
    answer(third, jsonAnswer({ reply: 'You are welcome.' }));
    answer(second, jsonAnswer(KINDLY_DOC_REPLIES['docs §5.4 trigger a dialogue by slug with new context']));

    const messages = await thread();
    expect(messages.map((m) => m.text)).toEqual([
      'When are you open on Saturday?',
      'On Saturdays we are open 10:00–18:00.\n\nAnything else I can help with?',
      'Where is my order A-1001?',
      'Triggers dialogue order-status-result',
      'Thanks!',
      'You are welcome.',
    ]);
    const trigger = messages[3]!;
    expect(trigger.meta.trigger).toEqual({ by: 'exchange_slug', target: 'order-status-result' });
    expect(trigger.meta.labels).toEqual(['orders']);
    expect(trigger.meta.newContext).toEqual({
      order_id: 'A-1001',
      order_status: 'shipped',
      order_eta: '2024-05-06',
    });
    expect(trigger.meta.contextChanges).toEqual([
      { key: 'order_id', from: 'A-0999', to: 'A-1001', added: false },
      { key: 'order_status', from: null, to: 'shipped', added: true },
      { key: 'order_eta', from: null, to: '2024-05-06', added: true },
    ]);
    const [conversation] = await app.call('conversations.list', { provider: 'kindly' });
    expect(conversation).toMatchObject({ count: 6, lastText: 'You are welcome.', unanswered: false });
  });

  it('replaces a capture’s reply when a new response is stored for it', async () => {
    const { items } = await app.call('captures.list', { conversation: CHAT });
    const last = items[0]!.id;
    answer(last, jsonAnswer({ reply: 'Any time!' }));
    const messages = await thread();
    expect(messages.filter((m) => m.captureId === last).map((m) => m.text)).toEqual(['Thanks!', 'Any time!']);
    expect(messages).toHaveLength(6);
    const [conversation] = await app.call('conversations.list', { provider: 'kindly' });
    expect(conversation).toMatchObject({ count: 6, lastText: 'Any time!' });
  });

  it('shows replies Kindly could not use, with the findings', async () => {
    const invalid = await userSays('Book a table');
    answer(invalid, jsonAnswer({ form: { fields: [] }, labels: [7] }));
    const notJson = await userSays('Hello?');
    answer(notJson, jsonAnswer('<html>oops</html>'));
    const failed = await userSays('Anyone?');
    answer(failed, jsonAnswer({ reply: 'never seen' }, 502));

    const messages = (await thread()).slice(6);
    expect(messages.map((m) => [m.direction, m.text])).toEqual([
      ['to_operator', 'Book a table'],
      ['to_user', 'Form (0 fields)'],
      ['to_operator', 'Hello?'],
      ['to_user', expect.stringMatching(/^\(a reply Kindly cannot read: The body is not valid JSON/u)],
      ['to_operator', 'Anyone?'],
    ]);
    const validation = messages[1]!.meta.validation as { valid: boolean; errors: { path: string }[] };
    expect(validation.valid).toBe(false);
    expect(validation.errors.map((e) => e.path)).toEqual(['form.fields', 'labels[0]']);
    const [conversation] = await app.call('conversations.list', { provider: 'kindly' });
    expect(conversation?.unanswered).toBe(true);
  });
});
