import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseForm } from '../../../shared/replay/form-codec.js';
import { PYTHON_STYLE, restyleJson } from '../../../shared/replay/json-style.js';
import { callFailing } from '../../helpers/api-call.js';
import { closedPort, echoJson, startEchoServer, type EchoServer } from '../../helpers/echo-server.js';
import { httpRequest } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';
import { waitFor } from '../../helpers/wait-for.js';
import { DASHLY_HEADERS, dashlyForm, dashlyPart } from '../../fixtures/dashly.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

const SECRET = 'replay-secret-5e1a';
const sign = (body: Buffer | string, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('base64');
const BIG_ID = '18446744073709551615';

/** The echo server's view of what arrived, as pairs, without the connection-level headers Node adds. */
function receivedHeaders(echo: EchoServer, index = -1): [string, string][] {
  const entry = echo.received.at(index);
  if (!entry) throw new Error('nothing received');
  return entry.rawHeaders;
}

describe('replays (real core, real listener, a local echo server as the user’s bot)', () => {
  let app: TestCore;
  let echo: EchoServer;

  async function capture(path: string, headers: [string, string][], body: Buffer | string): Promise<number> {
    const res = await httpRequest(`${app.listenerUrl}${path}`, { method: 'POST', headers, body });
    expect(res.status).toBeLessThan(500);
    const page = await app.call('captures.list', { limit: 1 });
    return page.items[0]!.id;
  }

  async function kindlyCapture(
    payload: Record<string, unknown> = KINDLY_TEXT_REQUEST,
  ): Promise<{ id: number; body: string }> {
    const body = JSON.stringify(payload);
    const id = await capture(
      '/kindly',
      [
        ['Content-Type', 'application/json'],
        ['Kindly-HMAC-algorithm', 'HMAC-SHA-256 (base64 encoded)'],
        ['Kindly-HMAC', sign(body)],
        ['X-Trace', 'one'],
        ['X-Trace', 'two'],
        ['Connection', 'keep-alive, X-Hop'],
        ['X-Hop', 'must not travel'],
      ],
      body,
    );
    return { id, body };
  }

  beforeAll(async () => {
    app = await startTestCore();
    echo = await startEchoServer();
    await app.call('settings.update', { 'kindly.hmacSecret': SECRET });
  });
  afterEach(() => echo.setBehaviour(echoJson));
  afterAll(async () => {
    await echo.close();
    await app.stop();
  });

  it('replays as-is: exact body bytes, original headers in order minus hop-by-hop ones and Host, original signature', async () => {
    const { id, body } = await kindlyCapture();
    const replay = await app.call('captures.replay', {
      id,
      target: { kind: 'url', url: `${echo.url}/bot?v=1` },
    });
    expect(replay).toMatchObject({
      captureId: id,
      state: 'ok',
      status: 200,
      targetKind: 'url',
      url: `${echo.url}/bot?v=1`,
      edited: false,
      signature: { mode: 'original', header: sign(body) },
    });
    const got = echo.received.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/bot?v=1');
    expect(got.body.equals(Buffer.from(body))).toBe(true);
    expect(receivedHeaders(echo)).toEqual([
      ['Host', `127.0.0.1:${echo.port}`],
      ['Content-Type', 'application/json'],
      ['Kindly-HMAC-algorithm', 'HMAC-SHA-256 (base64 encoded)'],
      ['Kindly-HMAC', sign(body)],
      ['X-Trace', 'one'],
      ['X-Trace', 'two'],
      ['Content-Length', String(Buffer.byteLength(body))],
      // Node's own: Convoscope opens a fresh connection per replay.
      ['Connection', 'close'],
    ]);
    // The answer is stored with the replay: status, headers, body and timing.
    expect(replay.responseBody).not.toBeNull();
    const echoed = JSON.parse(Buffer.from(replay.responseBody!.base64, 'base64').toString()) as {
      bodyBase64: string;
    };
    expect(Buffer.from(echoed.bodyBase64, 'base64').toString()).toBe(body);
    expect(replay.durationMs).toBeGreaterThan(0);
    const listed = await app.call('replays.list', { captureId: id });
    expect(listed.items.map((item) => item.id)).toEqual([replay.id]);
    // The request body is stored once (it is the capture's) but reads back whole.
    expect(Buffer.from(replay.requestBody.base64, 'base64').toString()).toBe(body);
  });

  it('re-signs an edited Kindly body with the stored secret (documented algorithm), or says why not', async () => {
    const { id, body } = await kindlyCapture();
    const edited = JSON.stringify({ ...KINDLY_TEXT_REQUEST, message: 'And on Sunday?' });
    const replay = await app.call('captures.replay', {
      id,
      target: { kind: 'url', url: echo.url },
      edits: { body: { text: edited } },
    });
    const got = echo.received.at(-1)!;
    expect(got.body.toString()).toBe(edited);
    const sent = got.rawHeaders.find(([name]) => name === 'Kindly-HMAC')?.[1];
    expect(sent).toBe(sign(got.body));
    expect(sent).not.toBe(sign(body));
    expect(replay).toMatchObject({ edited: true, signature: { mode: 'signed', header: sent } });
    // The edited body is what the replay record keeps.
    const stored = await app.call('replays.get', { id: replay.id });
    expect(Buffer.from(stored.requestBody.base64, 'base64').toString()).toBe(edited);

    const off = await app.call('captures.replay', {
      id,
      target: { kind: 'url', url: echo.url },
      edits: { body: { text: edited } },
      resign: false,
    });
    expect(off.signature).toMatchObject({ mode: 'stale', header: sign(body) });
    expect(echo.received.at(-1)!.rawHeaders.find(([name]) => name === 'Kindly-HMAC')?.[1]).toBe(sign(body));

    const preview = await app.call('replays.preview', {
      id,
      target: { kind: 'listener' },
      edits: { body: { text: edited } },
    });
    expect(preview.signature?.mode).toBe('signed');
    expect(preview.url).toBe(`${app.listenerUrl}/kindly`);

    await app.call('settings.update', { 'kindly.hmacSecret': null });
    try {
      const noSecret = await app.call('replays.preview', {
        id,
        target: { kind: 'url', url: echo.url },
        edits: { body: { text: edited } },
      });
      expect(noSecret.signature?.mode).toBe('stale');
      expect(noSecret.signature?.note).toMatch(/No Kindly HMAC secret/u);
    } finally {
      await app.call('settings.update', { 'kindly.hmacSecret': SECRET });
    }
  });

  it('edits method, path, query and headers; re-encodes a Dashly form with the conversation JSON, 64-bit ids exact', async () => {
    const part = JSON.stringify(dashlyPart({ body: 'Where is my order?' })).replace(
      '"conversation":64558819',
      `"conversation":${BIG_ID}`,
    );
    const original = dashlyForm(part, 'hook-token');
    const id = await capture('/dashly', Object.entries(DASHLY_HEADERS), original);

    const fields = parseForm(original);
    const conversation = fields.find((field) => field.name === 'conversation')!.value;
    // What the editor does: the JSON edited as text, written back in the field's own style.
    const editedJson = restyleJson(
      conversation.replace('Where is my order?', 'Where is my order? (edited) ÆØÅ'),
      conversation,
      PYTHON_STYLE,
    );
    const replay = await app.call('captures.replay', {
      id,
      target: { kind: 'url', url: echo.url },
      edits: {
        method: 'PUT',
        query: [['attempt', '2']],
        headers: [
          ['User-Agent', 'Dashly Webhook 1.0'],
          ['Content-Type', 'application/x-www-form-urlencoded'],
          ['X-Added', 'yes'],
        ],
        body: {
          form: fields.map((field) => [field.name, field.name === 'conversation' ? editedJson : field.value]),
        },
      },
    });
    expect(replay.state).toBe('ok');
    const got = echo.received.at(-1)!;
    expect(got.method).toBe('PUT');
    expect(got.url).toBe('/');
    const sentFields = parseForm(got.body.toString());
    expect(sentFields.map((field) => field.name)).toEqual(['conversation', 'type', 'token']);
    // Unchanged fields keep their exact bytes.
    expect(sentFields[1]!.raw).toBe(fields[1]!.raw);
    expect(sentFields[2]!.raw).toBe(fields[2]!.raw);
    const sentJson = sentFields[0]!.value;
    expect(sentJson).toContain(`"conversation":${BIG_ID}`);
    // Written in the field's own style: compact, and (Python's default) non-ASCII escaped.
    expect(sentJson).toContain('"body":"Where is my order? (edited) \\u00c6\\u00d8\\u00c5"');
    expect((JSON.parse(sentJson) as { body: string }).body).toBe('Where is my order? (edited) ÆØÅ');
    expect(got.rawHeaders.map(([name]) => name)).toEqual([
      'Host',
      'User-Agent',
      'Content-Type',
      'X-Added',
      'Content-Length',
      'Connection',
    ]);

    // The same capture to the listener with a changed path and query: the path edit applies there.
    const toListener = await app.call('replays.preview', {
      id,
      target: { kind: 'listener' },
      edits: { path: '/dashly/staging', query: [['a', 'b c']] },
    });
    expect(toListener.url).toBe(`${app.listenerUrl}/dashly/staging?a=b+c`);
    expect(toListener.edited).toBe(true);
  });

  it('reports a target that is down, one that is too slow, and a cancel, each stored with the replay', async () => {
    const { id } = await kindlyCapture();
    const port = await closedPort();
    const down = await app.call('captures.replay', {
      id,
      target: { kind: 'url', url: `http://127.0.0.1:${port}/x` },
    });
    expect(down).toMatchObject({ state: 'failed', status: null, responseBody: null });
    expect(down.error).toMatch(/Connection refused/u);

    echo.setBehaviour(() => {
      // Never answers.
    });
    const slow = await app.call('captures.replay', {
      id,
      target: { kind: 'url', url: echo.url },
      timeoutMs: 300,
    });
    expect(slow.state).toBe('failed');
    expect(slow.error).toMatch(/did not answer within 300 ms/u);

    const running = await app.call('captures.replay', {
      id,
      target: { kind: 'url', url: echo.url },
      timeoutMs: 60_000,
      wait: false,
    });
    expect(running.state).toBe('running');
    await waitFor(() => echo.received.length >= 3 && echo.received.at(-1), 'the request to arrive');
    expect(await app.call('replays.cancel', { id: running.id })).toEqual({ cancelled: true });
    const cancelled = await waitFor(async () => {
      const replay = await app.call('replays.get', { id: running.id });
      return replay.state !== 'running' && replay;
    }, 'the cancel to be stored');
    expect(cancelled.state).toBe('cancelled');
    expect(await app.call('replays.cancel', { id: running.id })).toEqual({ cancelled: false });
  });

  it('refuses targets that are not http(s) and unknown captures, with clear messages', async () => {
    const { id } = await kindlyCapture();
    const file = await callFailing(app, 'captures.replay', {
      id,
      target: { kind: 'url', url: 'file:///etc/passwd' },
    });
    expect(file.status).toBe(400);
    expect(file.error.message).toMatch(/Only http:\/\/ and https:\/\//u);
    const creds = await callFailing(app, 'captures.replay', {
      id,
      target: { kind: 'url', url: 'http://user:pw@127.0.0.1:1/' },
    });
    expect(creds.error.message).toMatch(/Authorization header/u);
    const missing = await callFailing(app, 'captures.replay', { id: 999_999, target: { kind: 'listener' } });
    expect(missing.status).toBe(404);
    const noForward = await callFailing(app, 'captures.replay', { id, target: { kind: 'forward' } });
    expect(noForward.error.message).toMatch(/no forward target/u);
  });

  it('replays to the listener through the endpoint’s current mode, linked to what the listener recorded', async () => {
    const { id } = await kindlyCapture();
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'mock',
      rules: [{ match: { text: 'Saturday' }, response: { body: { reply: 'Mocked: open 10–18' } } }],
    });
    try {
      const replay = await app.call('captures.replay', { id, target: { kind: 'listener' } });
      expect(replay.state).toBe('ok');
      expect(JSON.parse(Buffer.from(replay.responseBody!.base64, 'base64').toString())).toEqual({
        reply: 'Mocked: open 10–18',
      });
      expect(replay.listenerCaptureId).not.toBeNull();
      const recorded = await app.call('captures.get', { id: replay.listenerCaptureId! });
      expect(recorded.origin).toBe('replay');
      expect(recorded.response?.source).toBe('mock');
      expect(recorded.headers.find(([name]) => name === 'X-Convoscope-Replay')?.[1]).toMatch(
        new RegExp(`^${replay.id}\\.[0-9a-f]+$`, 'u'),
      );
    } finally {
      await app.call('endpoints.save', { prefix: '/kindly', mode: 'ack' });
    }
  });

  it('replays to the endpoint’s forward target and remembers the last target per endpoint', async () => {
    const { id } = await kindlyCapture();
    await app.call('endpoints.save', { prefix: '/kindly', mode: 'ack', target: `${echo.url}/hooks` });
    try {
      const before = await app.call('replays.targets', { captureId: id });
      expect(before).toMatchObject({ endpoint: '/kindly', forwardTarget: `${echo.url}/hooks` });
      const replay = await app.call('captures.replay', { id, target: { kind: 'forward' } });
      expect(replay.url).toBe(`${echo.url}/hooks`);
      expect(echo.received.at(-1)!.url).toBe('/hooks');

      await app.call('captures.replay', { id, target: { kind: 'url', url: `${echo.url}/typed` } });
      const after = await app.call('replays.targets', { captureId: id });
      expect(after.last).toEqual({ kind: 'url', url: `${echo.url}/typed` });
      expect(after.recentUrls[0]).toBe(`${echo.url}/typed`);
    } finally {
      await app.call('endpoints.save', { prefix: '/kindly', mode: 'ack' });
    }
  });
});
