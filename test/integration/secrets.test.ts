import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { EVENTS_PROTOCOL, methods, TOKEN_PROTOCOL_PREFIX } from '../../shared/contract/index.js';
import { kindlySignature } from '../../electron/core/providers/kindly/signature.js';
import { FakeDashlyApi } from '../helpers/fake-dashly-api.js';
import { startFakeKindlyApi, type FakeKindlyApi } from '../helpers/fake-kindly-api.js';
import { httpRequest } from '../helpers/http.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';
import { DASHLY_HEADERS, dashlyPart } from '../fixtures/dashly.js';
import { KINDLY_TEXT_REQUEST, KINDLY_TRANSCRIPT } from '../fixtures/kindly.js';

const SECRETS = {
  'dashly.apiToken': 'SECRETdashlyApiTokenQ7w2',
  'dashly.webhookToken': 'SECRETdashlyHookTokenZ4k9',
  'kindly.hmacSecret': 'SECREThmacSecretP3x8',
  'kindly.botApiKey': 'SECRETkindlyBotKeyM1v6',
  'kindly.appApiKey': 'SECRETkindlyAppKeyR5n0',
};
const VALUES = Object.values(SECRETS);

/** Every way a secret could show up in text: as is, URL-encoded, base64 (any alignment). */
function leaks(text: string): string[] {
  const found: string[] = [];
  const candidates = [text];
  // Bodies travel as base64: decode every base64-looking run too.
  for (const match of text.matchAll(/[A-Za-z0-9+/=_-]{16,}/gu)) {
    candidates.push(Buffer.from(match[0], 'base64').toString('latin1'));
  }
  for (const candidate of candidates) {
    let decoded = candidate;
    try {
      decoded = decodeURIComponent(candidate);
    } catch {
      // Not URL-encoded as a whole.
    }
    for (const secret of VALUES)
      if (candidate.includes(secret) || decoded.includes(secret)) found.push(secret);
  }
  return found;
}

/** Sample inputs that make each method do real work; every method is also called with `{}`. */
function sampleInputs(ctx: { dashlyConversation: string; kindlyChat: string; captureId: number }) {
  return {
    'captures.get': { id: ctx.captureId },
    'captures.star': { ids: [ctx.captureId] },
    'conversations.get': { provider: 'kindly', key: ctx.kindlyChat },
    'dashly.reply': { conversationId: ctx.dashlyConversation, body: 'Hello from the test' },
    'dashly.assign': { conversationId: ctx.dashlyConversation, admin: '111' },
    'dashly.close': { conversationId: ctx.dashlyConversation },
    'dashly.tag': { conversationId: ctx.dashlyConversation, tag: 'vip' },
    'dashly.typing': { conversationId: ctx.dashlyConversation, body: 'typing…' },
    'dashly.calls': {},
    'kindly.transcript': { chatId: ctx.kindlyChat },
    'kindly.send': { userId: 'u-1', message: 'hello', languageCode: 'en' },
    'kindly.validate': { response: { reply: 'hi' } },
    'tunnel.start': { host: 'http://127.0.0.1:9' },
  } as Record<string, unknown>;
}

// The real serve process, fake Dashly and Kindly APIs: the secrets are used for real calls, and
// then looked for everywhere the core writes — API answers, the event stream, the log, stdout.
describe('secrets stay in the core', () => {
  let app: ServeProcess | undefined;
  let dashly: FakeDashlyApi | undefined;
  let kindly: FakeKindlyApi | undefined;
  afterEach(async () => {
    await app?.stop();
    await dashly?.stop();
    await kindly?.stop();
  });

  it('no API answer, event, log line or output contains a secret; secrets.json is 0600', async () => {
    const temp = makeTempDir('convoscope-secrets-');
    const dataDir = path.join(temp.dir, 'data');
    try {
      app = await startServe({ dataDir });
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      const frames: string[] = [];
      const ws = new WebSocket(`${app.apiUrl.replace('http', 'ws')}/api/events`, [
        EVENTS_PROTOCOL,
        `${TOKEN_PROTOCOL_PREFIX}${app.token}`,
      ]);
      ws.on('message', (data: Buffer) => frames.push(data.toString()));
      await new Promise((resolve) => ws.once('message', resolve));

      dashly = await FakeDashlyApi.start({
        token: SECRETS['dashly.apiToken'],
        // Echoes carry a token of their own: what Dashly sends is payload, not our setting.
        webhook: { url: `${app.listenerUrl}/dashly`, token: 'echo-token-not-a-secret' },
        autoEcho: true,
      });
      kindly = await startFakeKindlyApi({
        botKey: SECRETS['kindly.botApiKey'],
        appKey: SECRETS['kindly.appApiKey'],
        chats: { [KINDLY_TEXT_REQUEST.chat_id]: KINDLY_TRANSCRIPT },
      });
      const answers: string[] = [];
      const call = async (method: string, input: unknown) => {
        const res = await httpRequest(`${app!.apiUrl}/api/${method}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${app!.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
          timeoutMs: 20_000,
        });
        answers.push(`${method} ${res.status} ${res.text}`);
        return res;
      };

      const update = await call('settings.update', {
        ...SECRETS,
        'dashly.apiBaseUrl': dashly.url,
        'kindly.apiBaseUrl': kindly.url,
      });
      expect(update.status).toBe(200);
      expect(JSON.parse(update.text)).toMatchObject({
        secrets: Object.fromEntries(Object.keys(SECRETS).map((k) => [k, 'set'])),
      });
      expect(fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);

      // Webhooks that use the secrets: a signed Kindly one, a Dashly one.
      const kindlyBody = JSON.stringify({
        ...KINDLY_TEXT_REQUEST,
        _links: { chat: `${kindly.url}/api/v1/chats/${KINDLY_TEXT_REQUEST.chat_id}` },
      });
      await httpRequest(`${app.listenerUrl}/kindly`, {
        headers: {
          'content-type': 'application/json',
          'kindly-hmac': kindlySignature(kindlyBody, SECRETS['kindly.hmacSecret']),
          'kindly-hmac-algorithm': 'HMAC-SHA-256 (base64 encoded)',
        },
        body: kindlyBody,
      });
      const dashlyConversation = '64558819';
      await httpRequest(`${app.listenerUrl}/dashly`, {
        headers: DASHLY_HEADERS,
        body: new URLSearchParams({
          conversation: JSON.stringify(dashlyPart()),
          type: 'conversation',
          token: 'not-the-secret',
        }).toString(),
      });
      const list = JSON.parse((await call('captures.list', {})).text) as {
        items: { id: number; provider: string }[];
      };
      const kindlyCapture = list.items.find((item) => item.provider === 'kindly')!;
      const checked = JSON.parse((await call('captures.get', { id: kindlyCapture.id })).text) as {
        signature: string;
      };
      expect(checked.signature).toBe('verified');

      // Every method of the contract: with the sample input that makes it work, and with `{}`.
      const samples = sampleInputs({
        dashlyConversation,
        kindlyChat: KINDLY_TEXT_REQUEST.chat_id,
        captureId: kindlyCapture.id,
      });
      const names = Object.keys(methods).filter((name) => name !== 'captures.clear');
      for (const name of names) {
        if (name in samples) await call(name, samples[name]);
        if (name !== 'tunnel.start') await call(name, {});
      }
      await call('tunnel.stop', {});
      // The calls really used the secrets.
      expect(
        dashly.received.some((received) => received.route.endsWith('/reply') && received.status === 200),
      ).toBe(true);
      expect(kindly.requests.some((request) => request.path.includes('/chats/'))).toBe(true);
      expect(kindly.requests.some((request) => request.path.endsWith('/send'))).toBe(true);
      await dashly.settled();
      await waitFor(() => frames.some((frame) => frame.includes('"delivered"')), 'the echo delivered');
      await call('captures.clear', {});
      ws.close();

      expect(answers.filter((answer) => leaks(answer).length > 0)).toEqual([]);
      expect(frames.filter((frame) => leaks(frame).length > 0)).toEqual([]);
      const log = fs.readFileSync(path.join(dataDir, 'convoscope.log'), 'utf8');
      expect(log.length).toBeGreaterThan(0);
      expect(leaks(log)).toEqual([]);
      expect(leaks(app.output())).toEqual([]);
      // Nothing in the database either: outgoing calls are recorded without their credentials.
      const db = Buffer.concat(
        ['convoscope.db', 'convoscope.db-wal']
          .map((name) => path.join(dataDir, name))
          .filter((file) => fs.existsSync(file))
          .map((file) => fs.readFileSync(file)),
      ).toString('latin1');
      expect(leaks(db)).toEqual([]);
      // The answers were real: a sample of the calls succeeded.
      expect(answers.filter((answer) => / 200 /u.test(answer)).length).toBeGreaterThan(30);

      // The detector finds a secret inside a base64 body: a webhook that carries Dashly's token in
      // its payload shows it (that is what the sender sent, recorded exactly, and named in SECURITY.md).
      await httpRequest(`${app.listenerUrl}/dashly`, {
        headers: DASHLY_HEADERS,
        body: new URLSearchParams({
          conversation: JSON.stringify(dashlyPart()),
          token: SECRETS['dashly.webhookToken'],
        }).toString(),
      });
      const carried = JSON.parse((await call('captures.list', {})).text) as { items: { id: number }[] };
      const detail = await call('captures.get', { id: carried.items[0]!.id });
      expect(leaks(detail.text)).toContain(SECRETS['dashly.webhookToken']);
      expect(JSON.parse(detail.text)).toMatchObject({ webhookToken: 'ok' });
    } finally {
      // The process writes into the folder (log, WAL) until it exits: stop it before removing.
      await app?.stop();
      app = undefined;
      temp.remove();
    }
  }, 60_000);
});
