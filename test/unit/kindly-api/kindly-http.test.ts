import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/core/api/api-error.js';
import { isUnderBase, transcriptUrl } from '../../../electron/core/kindly-api/api-base-url.js';
import { kindlyHttp, type KindlyHttpRequest } from '../../../electron/core/kindly-api/kindly-http.js';
import { startFakeKindlyApi, type FakeKindlyApi } from '../../helpers/fake-kindly-api.js';

const request = (url: string): KindlyHttpRequest => ({
  method: 'GET',
  url,
  key: 'secret-key',
  keyName: 'Bot API key',
  forbiddenHint: 'Scope?',
  notFoundWhat: 'chat x',
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('Expected an ApiError');
}

describe('kindlyHttp', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  async function server(handler: http.RequestListener): Promise<string> {
    const srv = http.createServer(handler);
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          srv.close(() => resolve());
          srv.closeAllConnections();
        }),
    );
    return `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  }

  it('times out on a Kindly that never answers', async () => {
    const fake: FakeKindlyApi = await startFakeKindlyApi({ botKey: 'k', appKey: 'a' });
    stops.push(() => fake.stop());
    fake.hang = true;
    const error = await failure(kindlyHttp(request(`${fake.url}/api/v1/chats/x`), { timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 0\.3 s/u);
    expect(fake.requests).toHaveLength(1);
  });

  it('does not follow a redirect, so the key cannot travel on', async () => {
    let elsewhere = 0;
    const target = await server((_req, res) => {
      elsewhere += 1;
      res.end('{}');
    });
    const redirecting = await server((_req, res) => {
      res.writeHead(302, { Location: `${target}/steal` });
      res.end();
    });
    const error = await failure(kindlyHttp(request(`${redirecting}/api/v1/chats/x`), { timeoutMs: 5000 }));
    expect(error.code).toBe('upstream_error');
    expect(error.message).toMatch(/redirect \(302\)/u);
    expect(elsewhere).toBe(0);
  });

  it('refuses an answer larger than the limit', async () => {
    const big = await server((_req, res) => res.end('x'.repeat(4096)));
    const error = await failure(kindlyHttp(request(big), { timeoutMs: 5000, maxResponseBytes: 1024 }));
    expect(error.message).toMatch(/larger than 1024 bytes/u);
  });

  it('quotes a non-JSON error body and maps 429 to unavailable', async () => {
    const busy = await server((_req, res) => {
      res.writeHead(429, { 'Retry-After': '30' });
      res.end('Slow down');
    });
    const limited = await failure(kindlyHttp(request(busy), { timeoutMs: 5000 }));
    expect(limited.code).toBe('unavailable');
    expect(limited.message).toMatch(/retry after 30 s/u);
    const broken = await server((_req, res) => {
      res.writeHead(500);
      res.end('<html>Internal Server Error</html>');
    });
    const error = await failure(kindlyHttp(request(broken), { timeoutMs: 5000 }));
    expect(error.message).toBe('Kindly answered 500: <html>Internal Server Error</html>.');
  });
});

describe('transcript URLs', () => {
  it('accepts only URLs under the base origin and path', () => {
    expect(isUnderBase(new URL('https://bot.kindly.ai/api/v1/chats/1'), 'https://bot.kindly.ai')).toBe(true);
    expect(isUnderBase(new URL('https://bot.kindly.ai.evil.example/api'), 'https://bot.kindly.ai')).toBe(
      false,
    );
    expect(isUnderBase(new URL('https://user:pw@bot.kindly.ai/api'), 'https://bot.kindly.ai')).toBe(false);
    expect(isUnderBase(new URL('http://bot.kindly.ai/api'), 'https://bot.kindly.ai')).toBe(false);
    expect(
      isUnderBase(new URL('https://gw.example/kindly/api/v1/chats/1'), 'https://gw.example/kindly'),
    ).toBe(true);
    expect(isUnderBase(new URL('https://gw.example/kindly-other/x'), 'https://gw.example/kindly')).toBe(
      false,
    );
  });

  it('builds the documented path when the chat has no link, and encodes the id', () => {
    expect(transcriptUrl('5d2f', 'https://bot.kindly.ai', null)).toBe(
      'https://bot.kindly.ai/api/v1/chats/5d2f',
    );
    expect(transcriptUrl('a b', 'https://bot.kindly.ai/', null)).toBe(
      'https://bot.kindly.ai/api/v1/chats/a%20b',
    );
    expect(() => transcriptUrl('1', 'https://bot.kindly.ai', 'https://evil.example/api/v1/chats/1')).toThrow(
      /will not send the Bot API key/u,
    );
  });
});
