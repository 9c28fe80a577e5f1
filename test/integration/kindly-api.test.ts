import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callFailing } from '../helpers/api-call.js';
import { startFakeKindlyApi, type FakeKindlyApi } from '../helpers/fake-kindly-api.js';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST, KINDLY_TRANSCRIPT } from '../fixtures/kindly.js';

const BOT_KEY = 'bot-key-read-chats-0001';
const APP_KEY = 'app-key-application-0002';
const CHAT = KINDLY_TEXT_REQUEST.chat_id;

describe('Kindly APIs against a fake Kindly (real HTTP both ways)', () => {
  let app: TestCore;
  let kindly: FakeKindlyApi;
  let foreign: FakeKindlyApi;

  beforeAll(async () => {
    app = await startTestCore();
    kindly = await startFakeKindlyApi({
      botKey: BOT_KEY,
      appKey: APP_KEY,
      chats: { [CHAT]: KINDLY_TRANSCRIPT },
    });
    // Another host that a hostile payload could name; it accepts the same keys, so any leak would show.
    foreign = await startFakeKindlyApi({
      botKey: BOT_KEY,
      appKey: APP_KEY,
      chats: { [CHAT]: KINDLY_TRANSCRIPT },
    });
  });
  afterAll(async () => {
    await app.stop();
    await kindly.stop();
    await foreign.stop();
  });
  beforeEach(async () => {
    kindly.requests.length = 0;
    foreign.requests.length = 0;
    kindly.sendIdField = 'chatmessage_id';
    await app.call('settings.update', {
      'kindly.apiBaseUrl': kindly.url,
      'kindly.botApiKey': BOT_KEY,
      'kindly.appApiKey': APP_KEY,
    });
  });

  async function webhook(chatId: string, chatLink: string): Promise<void> {
    const res = await httpRequest(`${app.listenerUrl}/kindly`, {
      body: JSON.stringify({ ...KINDLY_TEXT_REQUEST, chat_id: chatId, _links: { chat: chatLink } }),
      headers: KINDLY_HEADERS,
    });
    expect(res.status).toBe(200);
  }

  describe('settings', () => {
    it('keeps the keys secret and validates the base URL', async () => {
      await app.call('settings.update', { 'kindly.apiBaseUrl': `${kindly.url}/` });
      const settings = await app.call('settings.get', {});
      expect(settings.values['kindly.apiBaseUrl']).toBe(kindly.url);
      expect(settings.secrets).toMatchObject({ 'kindly.botApiKey': 'set', 'kindly.appApiKey': 'set' });
      expect(JSON.stringify(settings)).not.toContain(BOT_KEY);

      const bad = await callFailing(app, 'settings.update', { 'kindly.apiBaseUrl': 'ftp://bot.example' });
      expect(bad.status).toBe(400);
      expect(bad.error.message).toMatch(/kindly\.apiBaseUrl/u);
      await app.call('settings.update', { 'kindly.apiBaseUrl': null });
      expect((await app.call('settings.get', {})).values['kindly.apiBaseUrl']).toBe('https://bot.kindly.ai');
    });
  });

  describe('kindly.transcript', () => {
    it("fetches the chat's _links.chat with the Bot API key, normalizes and caches it", async () => {
      await webhook(CHAT, `${kindly.url}/api/v1/chats/${CHAT}`);
      const first = await app.call('kindly.transcript', { chatId: CHAT });
      expect(first).toMatchObject({ chatId: CHAT, url: `${kindly.url}/api/v1/chats/${CHAT}`, cached: false });
      expect(first.raw).toEqual(KINDLY_TRANSCRIPT);
      expect(first.messages).toEqual([
        {
          message: 'When are you open on Saturday?',
          sender: 'USER',
          created: '2024-05-04T09:14:07.512000Z',
          at: Date.parse('2024-05-04T09:14:07.512Z'),
          exchangeId: null,
          name: 'You',
        },
        {
          message: 'On Saturdays we are open 10:00–18:00.',
          sender: 'BOT',
          created: '2024-05-04T09:14:08.020000Z',
          at: Date.parse('2024-05-04T09:14:08.020Z'),
          exchangeId: '9c0dd930-ca7c-4830-a901-7da5ebd3b6a6',
          name: 'Shop bot',
        },
      ]);
      expect(kindly.requests).toHaveLength(1);
      expect(kindly.requests[0]).toMatchObject({ method: 'GET', path: `/api/v1/chats/${CHAT}` });
      expect(kindly.requests[0]?.headers.authorization).toBe(`Bearer ${BOT_KEY}`);

      const again = await app.call('kindly.transcript', { chatId: CHAT });
      expect(again).toMatchObject({ cached: true, fetchedAt: first.fetchedAt, messages: first.messages });
      expect(kindly.requests).toHaveLength(1);

      kindly.chats.set(CHAT, { ...KINDLY_TRANSCRIPT, messages: KINDLY_TRANSCRIPT.messages.slice(0, 1) });
      const refreshed = await app.call('kindly.transcript', { chatId: CHAT, refresh: true });
      expect(refreshed.cached).toBe(false);
      expect(refreshed.messages).toHaveLength(1);
      expect(refreshed.fetchedAt).toBeGreaterThanOrEqual(first.fetchedAt);
      expect(kindly.requests).toHaveLength(2);
      expect((await app.call('kindly.transcript', { chatId: CHAT })).messages).toHaveLength(1);
      kindly.chats.set(CHAT, KINDLY_TRANSCRIPT);
    });

    it('builds {base}/api/v1/chats/{id} for a chat it has no webhook from', async () => {
      const chatId = 'aaaaaaaa-1111-4222-8333-444444444444';
      kindly.chats.set(chatId, { id: chatId, messages: [] });
      const transcript = await app.call('kindly.transcript', { chatId });
      expect(transcript.url).toBe(`${kindly.url}/api/v1/chats/${chatId}`);
      expect(transcript.messages).toEqual([]);
    });

    it('refuses a _links.chat on another origin and sends the key nowhere', async () => {
      const chatId = 'bbbbbbbb-1111-4222-8333-444444444444';
      await webhook(chatId, `${foreign.url}/api/v1/chats/${chatId}`);
      const refused = await callFailing(app, 'kindly.transcript', { chatId });
      expect(refused.status).toBe(403);
      expect(refused.error.code).toBe('forbidden');
      expect(refused.error.message).toContain(foreign.url);
      expect(refused.error.message).toMatch(/will not send the Bot API key/u);
      expect(foreign.requests).toHaveLength(0);
      expect(kindly.requests).toHaveLength(0);
    });

    it('refuses a _links.chat on the same host but another port or scheme', async () => {
      const chatId = 'cccccccc-1111-4222-8333-444444444444';
      const port = Number(new URL(kindly.url).port);
      await webhook(chatId, `http://127.0.0.1:${port + 1}/api/v1/chats/${chatId}`);
      expect((await callFailing(app, 'kindly.transcript', { chatId })).error.code).toBe('forbidden');
      await webhook(chatId, `https://127.0.0.1:${port}/api/v1/chats/${chatId}`);
      expect((await callFailing(app, 'kindly.transcript', { chatId })).error.code).toBe('forbidden');
    });

    it('explains a missing key, a rejected key, a key without the scope and an unknown chat', async () => {
      await app.call('settings.update', { 'kindly.botApiKey': null });
      const missing = await callFailing(app, 'kindly.transcript', { chatId: CHAT, refresh: true });
      expect(missing).toMatchObject({ status: 400, error: { code: 'bad_request' } });
      expect(missing.error.message).toMatch(/kindly\.botApiKey/u);
      expect(kindly.requests).toHaveLength(0);

      await app.call('settings.update', { 'kindly.botApiKey': 'revoked-key' });
      const rejected = await callFailing(app, 'kindly.transcript', { chatId: CHAT, refresh: true });
      expect(rejected).toMatchObject({ status: 502, error: { code: 'upstream_error' } });
      expect(rejected.error.message).toMatch(/401 Unauthorized\): Invalid token/u);
      expect(rejected.error.message).not.toContain('revoked-key');

      await app.call('settings.update', { 'kindly.botApiKey': APP_KEY });
      const scope = await callFailing(app, 'kindly.transcript', { chatId: CHAT, refresh: true });
      expect(scope.error.message).toMatch(/403 Forbidden.*"Read chats" scope/u);

      await app.call('settings.update', { 'kindly.botApiKey': BOT_KEY });
      const unknown = await callFailing(app, 'kindly.transcript', {
        chatId: 'dddddddd-0000-4000-8000-000000000000',
      });
      expect(unknown).toMatchObject({ status: 404, error: { code: 'not_found' } });
    });

    it('reports an unreachable Kindly and an invalid chat id clearly', async () => {
      const closed = await startFakeKindlyApi({ botKey: BOT_KEY, appKey: APP_KEY });
      const url = closed.url;
      await closed.stop();
      await app.call('settings.update', { 'kindly.apiBaseUrl': url });
      const down = await callFailing(app, 'kindly.transcript', {
        chatId: 'eeeeeeee-0000-4000-8000-000000000000',
      });
      expect(down).toMatchObject({ status: 502, error: { code: 'upstream_error' } });
      expect(down.error.message).toMatch(
        /Could not reach Kindly at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/u,
      );

      const invalid = await callFailing(app, 'kindly.transcript', { chatId: '../../api/v1/send' });
      expect(invalid).toMatchObject({ status: 400, error: { code: 'bad_request' } });
    });
  });

  describe('kindly.send', () => {
    it('posts JSON with the application key and answers the message id', async () => {
      const result = await app.call('kindly.send', {
        userId: 'u-7c41e0d2',
        message: 'Hello!',
        languageCode: 'en',
      });
      expect(result).toEqual({
        messageId: '5f3c9a000000000000000001',
        idField: 'chatmessage_id',
        raw: { chatmessage_id: '5f3c9a000000000000000001' },
      });
      const [request] = kindly.requests;
      expect(request).toMatchObject({ method: 'POST', path: '/api/v1/send' });
      expect(request?.headers.authorization).toBe(`Bearer ${APP_KEY}`);
      expect(request?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request?.body ?? '')).toEqual({
        user_id: 'u-7c41e0d2',
        message: 'Hello!',
        language_code: 'en',
      });
    });

    it('passes exchange_id and reads reply_to_id', async () => {
      kindly.sendIdField = 'reply_to_id';
      const result = await app.call('kindly.send', {
        userId: 'u-1',
        message: 'Yes',
        languageCode: 'nb',
        exchangeId: '9c0dd930-ca7c-4830-a901-7da5ebd3b6a6',
      });
      expect(result).toMatchObject({ idField: 'reply_to_id', messageId: '5f3c9a000000000000000002' });
      expect(JSON.parse(kindly.requests[0]?.body ?? '')).toMatchObject({
        exchange_id: '9c0dd930-ca7c-4830-a901-7da5ebd3b6a6',
      });
    });

    it('explains a missing key and a Bot API key used for sending', async () => {
      await app.call('settings.update', { 'kindly.appApiKey': null });
      const missing = await callFailing(app, 'kindly.send', {
        userId: 'u',
        message: 'Hi',
        languageCode: 'en',
      });
      expect(missing).toMatchObject({ status: 400 });
      expect(missing.error.message).toMatch(/kindly\.appApiKey/u);

      await app.call('settings.update', { 'kindly.appApiKey': BOT_KEY });
      const wrong = await callFailing(app, 'kindly.send', { userId: 'u', message: 'Hi', languageCode: 'en' });
      expect(wrong.status).toBe(502);
      expect(wrong.error.message).toMatch(/403 Forbidden/u);
    });

    it('validates input at the API edge', async () => {
      const bad = await callFailing(app, 'kindly.send', { userId: '', message: 'Hi', languageCode: 'en' });
      expect(bad.status).toBe(400);
      expect(kindly.requests).toHaveLength(0);
    });
  });
});
