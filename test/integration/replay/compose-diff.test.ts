import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFailing } from '../../helpers/api-call.js';
import { startEchoServer, type EchoServer } from '../../helpers/echo-server.js';
import { httpRequest } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';
import { DASHLY_DOC_LEAD_BODY, DASHLY_HEADERS } from '../../fixtures/dashly.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

const SECRET = 'compose-secret-2b7c';

describe('compose and diff (real core and listener)', () => {
  let app: TestCore;
  let bot: EchoServer;

  beforeAll(async () => {
    app = await startTestCore();
    bot = await startEchoServer();
    bot.setBehaviour((req, res) => {
      const payload = JSON.parse(req.body.toString()) as { message?: string };
      const body = JSON.stringify({ reply: `You said: ${payload.message ?? ''}`, buttons: [] });
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Bot': 'stub' });
      res.end(body);
    });
  });
  afterAll(async () => {
    await bot.close();
    await app.stop();
  });

  it('composes a Kindly user message, signed with the stored secret, that the listener verifies', async () => {
    const unsigned = await app.call('captures.compose', {
      template: 'kindly.message',
      fields: { message: 'Hi there', context: '{"store":"oslo","id":18446744073709551615}' },
    });
    expect(unsigned.replay).toBeNull();
    expect(unsigned.request.signature).toMatchObject({ mode: 'unsigned' });
    expect(unsigned.request.url).toBe(`${app.listenerUrl}/kindly`);
    const body = Buffer.from(unsigned.request.body.base64, 'base64').toString();
    expect(body).toContain('"context":{"store":"oslo","id":18446744073709551615}');

    await app.call('settings.update', { 'kindly.hmacSecret': SECRET });
    const sent = await app.call('captures.compose', {
      template: 'kindly.message',
      fields: { message: 'When are you open?', chatId: KINDLY_TEXT_REQUEST.chat_id },
      target: { kind: 'listener' },
    });
    expect(sent.replay).toMatchObject({ kind: 'compose', captureId: null, state: 'ok', status: 200 });
    const sentBody = Buffer.from(sent.request.body.base64, 'base64');
    expect(sent.request.signature).toMatchObject({
      mode: 'signed',
      header: createHmac('sha256', SECRET).update(sentBody).digest('base64'),
    });
    const recorded = await app.call('captures.get', { id: sent.replay!.listenerCaptureId! });
    expect(recorded).toMatchObject({ provider: 'kindly', signature: 'verified', origin: 'replay' });
    expect(recorded.messages[0]?.text).toBe('When are you open?');

    // To the user's bot: its reply is stored with the replay.
    const toBot = await app.call('captures.compose', {
      template: 'kindly.message',
      fields: { message: 'ping' },
      target: { kind: 'url', url: `${bot.url}/webhook` },
    });
    expect(toBot.replay?.status).toBe(200);
    expect(JSON.parse(Buffer.from(toBot.replay!.responseBody!.base64, 'base64').toString())).toEqual({
      reply: 'You said: ping',
      buttons: [],
    });
    const listed = await app.call('replays.list', {});
    expect(listed.items.slice(0, 2).map((item) => item.kind)).toEqual(['compose', 'compose']);
  });

  it('composes Dashly lead and operator messages that the listener parses like the real ones', async () => {
    const lead = await app.call('captures.compose', {
      template: 'dashly.lead',
      fields: { body: 'Where is my order?', conversationId: '18446744073709551615' },
      target: { kind: 'listener' },
    });
    const leadCapture = await app.call('captures.get', { id: lead.replay!.listenerCaptureId! });
    expect(leadCapture).toMatchObject({
      provider: 'dashly',
      conversationKey: '18446744073709551615',
      parsedAs: 'form',
    });
    expect(leadCapture.messages[0]).toMatchObject({ direction: 'to_operator', text: 'Where is my order?' });
    const operator = await app.call('captures.compose', {
      template: 'dashly.operator',
      fields: { body: 'On its way!', conversationId: '18446744073709551615', token: 'tok' },
      target: { kind: 'listener' },
    });
    const operatorCapture = await app.call('captures.get', { id: operator.replay!.listenerCaptureId! });
    expect(operatorCapture.messages[0]).toMatchObject({ direction: 'to_user', text: 'On its way!' });
    expect(Buffer.from(operatorCapture.body.base64, 'base64').toString()).toMatch(
      /&type=conversation&token=tok$/u,
    );
  });

  it('sends a custom request (as pasted from cURL) to a URL', async () => {
    const parsed = await app.call('curl.parse', {
      command: `curl ${bot.url}/hook -H 'Content-Type: application/json' -d '{"message":"from curl"}'`,
    });
    const sent = await app.call('captures.compose', {
      template: 'custom',
      fields: { method: parsed.method, headers: parsed.headers, body: { base64: parsed.body.base64 } },
      target: { kind: 'url', url: parsed.url },
    });
    expect(sent.replay?.status).toBe(200);
    expect(bot.received.at(-1)!.body.toString()).toBe('{"message":"from curl"}');
    expect(bot.received.at(-1)!.url).toBe('/hook');
  });

  it('diffs two captures and a capture against its replay’s response', async () => {
    const post = async (body: string) => {
      await httpRequest(`${app.listenerUrl}/kindly`, {
        headers: { 'content-type': 'application/json' },
        body,
      });
      return (await app.call('captures.list', { limit: 1 })).items[0]!.id;
    };
    const a = await post(JSON.stringify(KINDLY_TEXT_REQUEST));
    // The same payload with its keys in another order and one value changed.
    const { message, ...rest } = KINDLY_TEXT_REQUEST;
    const reordered = { message, ...rest, context: { store: 'bergen' } };
    const b = await post(JSON.stringify(reordered));
    const result = await app.call('captures.diff', { a: { capture: a }, b: { capture: b } });
    expect(result.a).toMatchObject({ label: `Capture #${a} request`, part: 'request', captureId: a });
    expect(result.diff.body.kind).toBe('json');
    expect(result.diff.body.changes).toEqual([
      { path: 'context.store', status: 'changed', left: '"oslo-sentrum"', right: '"bergen"' },
    ]);
    expect(result.diff.startLine.equal).toBe(true);

    const replay = await app.call('captures.replay', { id: a, target: { kind: 'url', url: bot.url } });
    const vsReplay = await app.call('captures.diff', {
      a: { capture: a, part: 'response' },
      b: { replay: replay.id },
      ignoreHeaders: ['date'],
    });
    expect(vsReplay.b).toMatchObject({ part: 'response', replayId: replay.id, captureId: a });
    expect(vsReplay.diff.startLine).toEqual({ left: '200', right: '200', equal: true });
    expect(vsReplay.diff.body.changes.map((change) => [change.path, change.status])).toEqual([
      ['reply', 'added'],
      ['buttons', 'added'],
    ]);
    expect(vsReplay.diff.headers.rows.find((row) => row.name === 'X-Bot')).toMatchObject({ status: 'added' });

    const form = await httpRequest(`${app.listenerUrl}/dashly`, {
      headers: DASHLY_HEADERS,
      body: DASHLY_DOC_LEAD_BODY,
    });
    expect(form.status).toBe(200);
    const dashly = (await app.call('captures.list', { limit: 1 })).items[0]!.id;
    const noResponse = await callFailing(app, 'captures.diff', {
      a: { capture: dashly },
      b: { replay: 999_999 },
    });
    expect(noResponse.status).toBe(404);
  });
});
