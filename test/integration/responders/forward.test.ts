import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, echoJson, startEchoServer, type EchoServer } from '../../helpers/echo-server.js';
import { httpRequest } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';
import { waitFor } from '../../helpers/wait-for.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

describe('forward mode (real HTTP to a local server and back)', () => {
  let app: TestCore;
  let echo: EchoServer;
  beforeAll(async () => {
    app = await startTestCore();
    echo = await startEchoServer();
  });
  afterAll(async () => {
    await app.stop();
    await echo.close();
  });

  async function latestDetail() {
    const { items } = await app.call('captures.list', { limit: 1 });
    const id = items[0]!.id;
    // The response and the forward record are written once the answer has gone out.
    return waitFor(async () => {
      const detail = await app.call('captures.get', { id });
      return detail.response && detail.forward ? detail : undefined;
    }, 'the forwarded capture to be complete');
  }

  it('sends method, path after the prefix, query, headers and exact bytes; relays the answer', async () => {
    echo.setBehaviour(echoJson);
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'forward',
      target: `${echo.url}/bot/hook?key=1`,
    });
    const body = Buffer.from(JSON.stringify(KINDLY_TEXT_REQUEST));
    const before = echo.received.length;
    const res = await httpRequest(`${app.listenerUrl}/kindly/webhook/v2?a=%20b&c=1`, {
      method: 'PUT',
      headers: [
        ['Content-Type', 'application/json'],
        ['Kindly-HMAC', 'sig=='],
        ['X-Trace', 'one'],
        ['X-Trace', 'two'],
        ['Connection', 'keep-alive, X-Hop'],
        ['X-Hop', 'must not pass'],
        ['Keep-Alive', 'timeout=5'],
        ['Proxy-Authorization', 'secret'],
        ['TE', 'trailers'],
        ['Upgrade', 'h2c'],
      ],
      body,
    });
    expect(res.status).toBe(200);
    const sent = echo.received[before]!;
    expect(sent.method).toBe('PUT');
    expect(sent.url).toBe('/bot/hook/webhook/v2?key=1&a=%20b&c=1');
    expect(sent.body.equals(body)).toBe(true);
    const names = sent.rawHeaders.map(([name]) => name.toLowerCase());
    for (const hop of ['keep-alive', 'proxy-authorization', 'te', 'upgrade', 'x-hop'])
      expect(names).not.toContain(hop);
    // Our own connection to the target has its own Connection header; the sender's is not passed on.
    expect(sent.rawHeaders.filter(([name]) => name.toLowerCase() === 'connection')).toEqual([
      ['Connection', 'close'],
    ]);
    expect(sent.rawHeaders.filter(([name]) => name === 'X-Trace')).toEqual([
      ['X-Trace', 'one'],
      ['X-Trace', 'two'],
    ]);
    expect(sent.rawHeaders).toContainEqual(['Kindly-HMAC', 'sig==']);
    expect(sent.rawHeaders).toContainEqual(['Host', `127.0.0.1:${echo.port}`]);
    expect(sent.rawHeaders).toContainEqual(['Content-Length', String(body.length)]);

    // The sender gets exactly what the target answered.
    const echoed = JSON.parse(res.text) as { url: string; bodyBase64: string };
    expect(echoed.url).toBe(sent.url);
    expect(Buffer.from(echoed.bodyBase64, 'base64').equals(body)).toBe(true);

    const detail = await latestDetail();
    expect(detail.status).toBe(200);
    expect(detail.response?.source).toBe('forward');
    expect(detail.forward).toMatchObject({
      url: `${echo.url}/bot/hook/webhook/v2?key=1&a=%20b&c=1`,
      method: 'PUT',
      status: 200,
      error: null,
    });
    expect(detail.forward!.durationMs).toBeGreaterThanOrEqual(0);
    expect(Buffer.from(detail.forward!.body!.base64, 'base64').toString()).toBe(res.text);
    expect(detail.forward!.headers).toContainEqual(['Content-Type', 'application/json']);
  });

  it('carries binary bodies byte for byte in both directions, with the target status and headers', async () => {
    const upstreamBody = Buffer.alloc(70_000);
    for (let i = 0; i < upstreamBody.length; i++) upstreamBody[i] = (i * 31 + 7) % 256;
    echo.setBehaviour((_req, res) => {
      res.writeHead(201, [
        ['Content-Type', 'application/octet-stream'],
        ['X-Upstream', 'a'],
        ['X-Upstream', 'b'],
        ['Content-Length', String(upstreamBody.length)],
      ]);
      res.end(upstreamBody);
    });
    await app.call('endpoints.save', { prefix: '/bin', mode: 'forward', target: echo.url });
    const requestBody = Buffer.alloc(50_000);
    for (let i = 0; i < requestBody.length; i++) requestBody[i] = (i * 7919) % 256;
    const before = echo.received.length;
    const res = await httpRequest(`${app.listenerUrl}/bin`, {
      body: requestBody,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(echo.received[before]!.body.equals(requestBody)).toBe(true);
    expect(echo.received[before]!.url).toBe('/');
    expect(res.status).toBe(201);
    expect(res.body.equals(upstreamBody)).toBe(true);
    expect(res.headers['x-upstream']).toBe('a, b');
    const detail = await latestDetail();
    expect(detail.status).toBe(201);
    expect(Buffer.from(detail.response!.body.base64, 'base64').equals(upstreamBody)).toBe(true);
    expect(Buffer.from(detail.forward!.body!.base64, 'base64').equals(upstreamBody)).toBe(true);
    expect(detail.forward!.body!.size).toBe(upstreamBody.length);
  });

  it('answers the default 502 fallback when the target is down, and records why', async () => {
    const port = await closedPort();
    await app.call('endpoints.save', {
      prefix: '/down',
      mode: 'forward',
      target: `http://127.0.0.1:${port}/hook`,
    });
    const res = await httpRequest(`${app.listenerUrl}/down/x`, { body: '{}' });
    expect(res.status).toBe(502);
    expect((JSON.parse(res.text) as { error: string }).error).toMatch(/Connection refused/u);
    const detail = await latestDetail();
    expect(detail.status).toBe(502);
    expect(detail.response?.source).toBe('fallback');
    expect(detail.forward).toMatchObject({
      url: `http://127.0.0.1:${port}/hook/x`,
      status: null,
      body: null,
    });
    expect(detail.forward!.error).toMatch(/Connection refused/u);
  });

  it('answers the configured fallback when the target is slower than its timeout', async () => {
    let release: () => void = () => {};
    echo.setBehaviour(
      (_req, res) =>
        new Promise<void>((resolve) => {
          release = () => {
            res.destroy();
            resolve();
          };
        }),
    );
    await app.call('endpoints.save', {
      prefix: '/slow',
      mode: 'forward',
      target: echo.url,
      timeoutMs: 300,
      fallback: { status: 200, body: { reply: 'The bot is busy, {{message | try again}}' } },
    });
    const res = await httpRequest(`${app.listenerUrl}/slow`, {
      body: JSON.stringify(KINDLY_TEXT_REQUEST),
      headers: KINDLY_HEADERS,
    });
    release();
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ reply: `The bot is busy, ${KINDLY_TEXT_REQUEST.message}` });
    const detail = await latestDetail();
    expect(detail.response?.source).toBe('fallback');
    expect(detail.forward!.error).toMatch(/did not answer within 300 ms/u);
  });

  it('treats a 5xx as a failure only when asked to', async () => {
    echo.setBehaviour((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('boom');
    });
    await app.call('endpoints.save', { prefix: '/five', mode: 'forward', target: echo.url });
    const relayed = await httpRequest(`${app.listenerUrl}/five`, { body: 'x' });
    expect(relayed.status).toBe(500);
    expect(relayed.text).toBe('boom');

    await app.call('endpoints.save', { prefix: '/five', mode: 'forward', target: echo.url, failOn5xx: true });
    const replaced = await httpRequest(`${app.listenerUrl}/five`, { body: 'x' });
    expect(replaced.status).toBe(502);
    const detail = await latestDetail();
    expect(detail.forward).toMatchObject({ status: 500, error: 'The target answered 500' });
    expect(Buffer.from(detail.forward!.body!.base64, 'base64').toString()).toBe('boom');
  });

  it('holds the request for the operator when the target fails and holdOnForwardFailure is set', async () => {
    const port = await closedPort();
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'forward',
      target: `http://127.0.0.1:${port}`,
      holdOnForwardFailure: true,
      holdTimeoutMs: 10_000,
    });
    const pending = httpRequest(`${app.listenerUrl}/kindly`, {
      body: JSON.stringify(KINDLY_TEXT_REQUEST),
      headers: KINDLY_HEADERS,
    });
    const hold = await waitFor(async () => (await app.call('holds.list', {}))[0], 'the hold');
    expect(hold).toMatchObject({ endpoint: '/kindly', origin: 'forward-failed' });
    expect(hold.forwardError).toMatch(/Connection refused/u);
    await app.call('holds.respond', { id: hold.id, body: { reply: 'A human answers instead' } });
    const res = await pending;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ reply: 'A human answers instead' });
    const detail = await latestDetail();
    expect(detail.response?.source).toBe('operator');
    expect(detail.forward!.error).toMatch(/Connection refused/u);
    expect(detail.hold).toMatchObject({ endpoint: '/kindly', outcome: 'operator', reason: 'operator' });
  });

  it('refuses a target that is its own listener, and forward without a target', async () => {
    await expect(
      app.call('endpoints.save', { prefix: '/loop', mode: 'forward', target: `${app.listenerUrl}/x` }),
    ).rejects.toThrow(/answered 400.*loop/u);
    await expect(app.call('endpoints.save', { prefix: '/loop', mode: 'forward' })).rejects.toThrow(
      /answered 400.*needs a target/u,
    );
    await expect(
      app.call('endpoints.save', { prefix: '/loop', mode: 'forward', target: 'ftp://example.test/' }),
    ).rejects.toThrow(/answered 400.*http/u);
  });
});
