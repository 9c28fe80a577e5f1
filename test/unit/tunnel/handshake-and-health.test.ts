import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTunnel } from '../../../electron/core/tunnel/handshake.js';
import { checkTunnelHealth } from '../../../electron/core/tunnel/health-check.js';
import { TunnelOpenError } from '../../../electron/core/tunnel/tunnel-errors.js';

type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

/**
 * A loopback HTTP server answering each path with a scripted reply: stands in for tunnel servers
 * that misbehave in ways the real one (used in test/integration) cannot be made to.
 */
describe('handshake and health check against scripted HTTP servers', () => {
  const replies = new Map<string, Reply>();
  const seen: string[] = [];
  let server: http.Server;
  let host: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      const reply = replies.get(req.url ?? '') ?? { status: 404, body: 'Not Found' };
      if (reply === 'hang') return;
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const handshake = (name: string, timeoutMs = 2000) =>
    requestTunnel(host, name, AbortSignal.timeout(timeoutMs)).catch((error: unknown) => error);

  it('returns the granted id, URL, port and socket count', async () => {
    replies.set('/granted', {
      status: 200,
      body: JSON.stringify({
        id: 'granted',
        port: 40000,
        max_conn_count: 10,
        url: 'https://granted.example.test',
      }),
    });
    expect(await handshake('granted')).toMatchObject({
      id: 'granted',
      url: 'https://granted.example.test',
      port: 40000,
      maxConnections: 10,
    });
  });

  it('assumes one socket when the server names no count (as the client does)', async () => {
    replies.set('/nocount', {
      status: 200,
      body: JSON.stringify({ id: 'x', port: 1, url: 'http://x.test' }),
    });
    expect(await handshake('nocount')).toMatchObject({ maxConnections: 1 });
  });

  it('follows a redirect like the client library does', async () => {
    replies.set('/moved', { status: 302, headers: { location: '/moved-here' } });
    replies.set('/moved-here', {
      status: 200,
      body: JSON.stringify({ id: 'moved', port: 2, url: 'http://moved.test' }),
    });
    expect(await handshake('moved')).toMatchObject({ id: 'moved' });
  });

  it('turns a 403 into a fatal error quoting the server', async () => {
    replies.set('/refused', {
      status: 403,
      body: JSON.stringify({ message: 'Invalid subdomain. Try again.' }),
    });
    const error = await handshake('refused');
    expect(error).toBeInstanceOf(TunnelOpenError);
    expect(error).toMatchObject({
      fatal: true,
      message:
        'The tunnel server refused the subdomain "refused": Invalid subdomain. Try again. Choose another subdomain.',
    });
  });

  it('a 404 (not a tunnel server, or a wrong path) is fatal; 5xx, 429 and garbage are worth retrying', async () => {
    expect(await handshake('unknown-path')).toMatchObject({
      fatal: true,
      message: expect.stringMatching(/answered 404/u) as string,
    });
    replies.set('/busy', { status: 503, body: 'overloaded' });
    expect(await handshake('busy')).toMatchObject({
      fatal: false,
      message: expect.stringMatching(/answered 503/u) as string,
    });
    replies.set('/limited', { status: 429 });
    expect(await handshake('limited')).toMatchObject({ fatal: false });
    replies.set('/portal', { status: 200, body: '<html>Log in to the hotel wifi</html>' });
    expect(await handshake('portal')).toMatchObject({
      fatal: false,
      message: expect.stringMatching(/not a localtunnel handshake/u) as string,
    });
    replies.set('/badport', {
      status: 200,
      body: JSON.stringify({ id: 'x', port: 'nope', url: 'http://x.test' }),
    });
    expect(await handshake('badport')).toMatchObject({ fatal: false });
  });

  it('gives up on a server that never answers when the signal fires', async () => {
    replies.set('/silent', 'hang');
    const error = await handshake('silent', 300);
    expect(error).toMatchObject({
      fatal: false,
      message: expect.stringMatching(/no answer in time/u) as string,
    });
  });

  it('says "connection refused" for a server that is down', async () => {
    const down = http.createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const port = (down.address() as AddressInfo).port;
    await new Promise((resolve) => down.close(resolve));
    const error = await requestTunnel(`http://127.0.0.1:${port}`, 'abcd', AbortSignal.timeout(2000)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      fatal: false,
      message: expect.stringMatching(/connection refused/u) as string,
    });
    expect(
      await checkTunnelHealth(`http://127.0.0.1:${port}`, 'abcd', AbortSignal.timeout(2000)),
    ).toMatchObject({
      kind: 'unreachable',
      reason: expect.stringMatching(/connection refused/u) as string,
    });
  });

  it('health: reads connected_sockets; a 404 means "unknown tunnel" only where /api/status exists', async () => {
    const check = (id: string) => checkTunnelHealth(host, id, AbortSignal.timeout(2000));
    replies.set('/api/tunnels/alive/status', { status: 200, body: '{"connected_sockets":7}' });
    expect(await check('alive')).toEqual({ kind: 'ok', connectedSockets: 7 });

    replies.delete('/api/status');
    expect(await check('gone')).toEqual({ kind: 'no-status-api' });
    replies.set('/api/status', { status: 200, body: '{"tunnels":3,"mem":{}}' });
    expect(await check('gone')).toEqual({ kind: 'unknown-tunnel' });

    replies.set('/api/tunnels/sick/status', { status: 502, body: 'bad gateway' });
    expect(await check('sick')).toEqual({ kind: 'unreachable', reason: 'the tunnel server answered 502' });

    replies.set('/api/tunnels/slow/status', 'hang');
    expect(await checkTunnelHealth(host, 'slow', AbortSignal.timeout(300))).toEqual({
      kind: 'unreachable',
      reason: 'no answer in time',
    });
  });
});
