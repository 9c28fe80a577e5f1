import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestTunnel } from '../../electron/core/tunnel/handshake.js';
import { openLocaltunnel, type OpenTunnel } from '../../electron/core/tunnel/localtunnel-connector.js';
import { TunnelOpenError } from '../../electron/core/tunnel/tunnel-errors.js';
import { TunnelSupervisor } from '../../electron/core/tunnel/tunnel-supervisor.js';
import type { TunnelState } from '../../shared/model/tunnel.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';
import { httpRequest } from '../helpers/http.js';
import { startLocaltunnelServer, type LocaltunnelServer } from '../helpers/localtunnel-server.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import {
  FAST_TUNNEL_TIMING,
  sendThroughTunnelUntilCaptured,
  sha256,
  sleep,
  uniqueSubdomain,
  waitForState,
  waitForTunnel,
} from '../helpers/tunnel.js';

// Every test talks to a real localtunnel server process on 127.0.0.1 (see test/helpers/localtunnel-server.ts).
describe('tunnel through a real localtunnel server on loopback', () => {
  let lt: LocaltunnelServer;
  let app: TestCore;

  beforeAll(async () => {
    lt = await startLocaltunnelServer();
  });
  afterAll(async () => {
    await lt.stop();
  });
  beforeEach(async () => {
    app = await startTestCore({ tunnel: { timing: FAST_TUNNEL_TIMING } });
  });
  afterEach(async () => {
    await app.stop();
  });

  async function startOnline(subdomain: string) {
    const started = await app.call('tunnel.start', { host: lt.host, subdomain });
    expect(['connecting', 'online']).toContain(started.state);
    return waitForState(app, 'online');
  }

  it('delivers a JSON webhook and a binary body byte-exact, marked as tunnelled, and shows the granted URL', async () => {
    const name = uniqueSubdomain('roundtrip');
    // A trailing slash on the host is accepted and dropped (with it the stock client loops on 404).
    await app.call('tunnel.start', { host: `${lt.host}/`, subdomain: name });
    const online = await waitForState(app, 'online');
    expect(online).toMatchObject({
      url: `http://${name}.localhost`,
      host: lt.host,
      requestedSubdomain: name,
      grantedSubdomain: name,
      attempt: 0,
      error: null,
      warnings: [],
    });
    expect(online.endpoints).toEqual(
      expect.arrayContaining([
        { provider: 'dashly', prefix: '/dashly', url: `http://${name}.localhost/dashly` },
        { provider: 'kindly', prefix: '/kindly', url: `http://${name}.localhost/kindly` },
      ]),
    );
    const info = await app.call('app.info');
    expect(info.endpoints.find((endpoint) => endpoint.provider === 'kindly')?.publicUrl).toBe(
      `http://${name}.localhost/kindly`,
    );
    // Remembered for the next start.
    const { values } = await app.call('settings.get');
    expect(values).toMatchObject({ 'tunnel.host': lt.host, 'tunnel.subdomain': name });

    const json = Buffer.from(JSON.stringify(KINDLY_TEXT_REQUEST));
    const jsonRes = await lt.send(name, '/kindly?via=tunnel', {
      method: 'POST',
      headers: KINDLY_HEADERS,
      body: json,
    });
    expect(jsonRes.status).toBe(200);

    // Bytes that are not UTF-8 anywhere: the client's Host rewriting (local_host) would mangle them.
    const binary = randomBytes(256 * 1024);
    const binRes = await lt.send(name, '/upload/blob.bin', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: binary,
    });
    expect(binRes.status).toBe(200);

    const direct = await httpRequest(`${app.listenerUrl}/kindly?via=direct`, {
      headers: KINDLY_HEADERS,
      body: json,
    });
    expect(direct.status).toBe(200);

    const { items } = await app.call('captures.list', { limit: 10 });
    const byPath = (path: string) => {
      const item = items.find((capture) => capture.path === path);
      if (!item) throw new Error(`no capture for ${path}: ${JSON.stringify(items)}`);
      return app.call('captures.get', { id: item.id });
    };
    const jsonCapture = await byPath('/kindly?via=tunnel');
    expect(jsonCapture.viaTunnel).toBe(true);
    expect(jsonCapture.provider).toBe('kindly');
    expect(sha256(Buffer.from(jsonCapture.body.base64, 'base64'))).toBe(sha256(json));
    expect(jsonCapture.messages[0]?.text).toBe(KINDLY_TEXT_REQUEST.message);

    const binCapture = await byPath('/upload/blob.bin');
    expect(binCapture.viaTunnel).toBe(true);
    expect(binCapture.body.size).toBe(binary.length);
    expect(sha256(Buffer.from(binCapture.body.base64, 'base64'))).toBe(sha256(binary));

    expect((await byPath('/kindly?via=direct')).viaTunnel).toBe(false);
  });

  it('survives the tunnel server being killed and restarted: reconnecting, then online with the same URL', async () => {
    const name = uniqueSubdomain('restart');
    const online = await startOnline(name);
    const states: TunnelState[] = [];
    app.core.tunnel.onStatus((status) => states.push(status.state));

    await lt.kill();
    const reconnecting = await waitForState(app, 'reconnecting');
    expect(reconnecting.url).toBeNull();
    expect(reconnecting.error).toMatch(/tunnel server/iu);
    expect(reconnecting.attempt).toBeGreaterThanOrEqual(1);

    await lt.restart();
    const back = await waitForState(app, 'online', 15_000);
    expect(back.url).toBe(online.url);
    expect(back.grantedSubdomain).toBe(name);
    expect(back.warnings).toEqual([]);
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('online');

    const capture = await sendThroughTunnelUntilCaptured(app, lt, name, Buffer.from('{"after":"restart"}'));
    expect((await app.call('captures.get', { id: capture.id })).viaTunnel).toBe(true);
  });

  it('notices a tunnel server that stops answering (health poll), and recovers when it answers again', async () => {
    const name = uniqueSubdomain('frozen');
    const online = await startOnline(name);
    lt.freeze();
    try {
      const reconnecting = await waitForState(app, 'reconnecting');
      expect(reconnecting.error).toMatch(/unreachable|did not|no answer/iu);
    } finally {
      lt.thaw();
    }
    const back = await waitForTunnel(
      app,
      (status) => status.state === 'online' && status.url === online.url,
      15_000,
      `online at ${online.url ?? ''}`,
    );
    expect(back.grantedSubdomain).toBe(name);
    await sendThroughTunnelUntilCaptured(app, lt, name, Buffer.from('{"after":"freeze"}'));
  });

  it('rejects an invalid subdomain before asking the server, and leaves the tunnel as it was', async () => {
    const res = await httpRequest(`${app.apiUrl}/api/tunnel.start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ host: lt.host, subdomain: 'My_Hook' }),
    });
    expect(res.status).toBe(400);
    expect((JSON.parse(res.text) as { error: { message: string } }).error.message).toMatch(
      /uppercase letters/u,
    );
    expect((await app.call('tunnel.status')).state).toBe('off');

    // The supervisor itself ends in `error` at once rather than starting a 403 loop.
    const status = app.core.tunnel.supervisor.start({ host: lt.host, subdomain: 'ab' });
    expect(status.state).toBe('error');
    expect(status.error).toMatch(/shorter than 4 characters/u);
    expect(await lt.tunnelSockets('ab')).toBeNull();
  });

  it('ends in the error state, not a hang, when the server refuses the subdomain (403)', async () => {
    // The server's own refusal: a connector that sends an invalid name regardless of validation.
    const states: TunnelState[] = [];
    const supervisor = new TunnelSupervisor({
      localPort: () => app.core.listener.port,
      connect: (request, signal) => openLocaltunnel({ ...request, subdomain: 'Not_Valid' }, signal),
      timing: FAST_TUNNEL_TIMING,
    });
    supervisor.onStatus((status) => states.push(status.state));
    supervisor.start({ host: lt.host, subdomain: uniqueSubdomain('refused') });
    try {
      const deadline = Date.now() + (FAST_TUNNEL_TIMING.handshakeTimeoutMs ?? 3000);
      while (supervisor.status().state === 'connecting' && Date.now() < deadline) await sleep(50);
      const status = supervisor.status();
      expect(status.state).toBe('error');
      expect(status.error).toMatch(/refused the subdomain "Not_Valid": Invalid subdomain/u);
      expect(states).not.toContain('reconnecting');
    } finally {
      supervisor.stop();
    }

    // The handshake on its own: a 403 is a fatal TunnelOpenError carrying the server's words.
    const error = await requestTunnel(lt.host, 'AB', AbortSignal.timeout(3000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TunnelOpenError);
    expect((error as TunnelOpenError).fatal).toBe(true);
  });

  it('goes online with the URL actually granted, and a loud warning, when the subdomain is taken', async () => {
    const name = uniqueSubdomain('taken');
    const squatter: OpenTunnel = await openLocaltunnel(
      { host: lt.host, subdomain: name, localPort: app.core.listener.port },
      AbortSignal.timeout(5000),
    );
    try {
      expect(squatter.clientId).toBe(name);
      await app.call('tunnel.start', { host: lt.host, subdomain: name });
      const online = await waitForState(app, 'online');
      expect(online.requestedSubdomain).toBe(name);
      expect(online.grantedSubdomain).not.toBe(name);
      expect(online.grantedSubdomain).toBeTruthy();
      expect(online.url).toBe(`http://${online.grantedSubdomain ?? ''}.localhost`);
      expect(online.warnings.join(' ')).toContain(`did not grant the subdomain "${name}"`);
      expect(online.warnings.join(' ')).toContain(online.url ?? 'missing');

      // Past the grace period it asks once more; the name is still taken, so the URL it has stays.
      await sleep((FAST_TUNNEL_TIMING.reclaimDelayMs ?? 1500) + 1000);
      const later = await app.call('tunnel.status');
      expect(later).toMatchObject({
        state: 'online',
        url: online.url,
        grantedSubdomain: online.grantedSubdomain,
      });
      expect(later.warnings).toHaveLength(1);
      expect(later.warnings[0]).toContain(`did not grant the subdomain "${name}"`);
      expect(later.warnings[0]).toContain('If it stays taken');

      const capture = await sendThroughTunnelUntilCaptured(
        app,
        lt,
        online.grantedSubdomain ?? '',
        Buffer.from('{"to":"granted"}'),
      );
      expect((await app.call('captures.get', { id: capture.id })).viaTunnel).toBe(true);
    } finally {
      squatter.close();
    }
  });

  it('recovers when the listener restarts, on the same port and on a new one', async () => {
    const name = uniqueSubdomain('listener');
    const online = await startOnline(name);
    const generation = app.core.tunnel.supervisor.generation;

    await app.core.restartListener();
    await sendThroughTunnelUntilCaptured(app, lt, name, Buffer.from('{"after":"listener restart"}'));

    const oldPort = app.core.listener.port;
    await app.core.restartListener(0);
    expect(app.core.listener.port).not.toBe(oldPort);
    const moved = await waitForTunnel(
      app,
      (status) =>
        status.state === 'online' &&
        status.url === online.url &&
        app.core.tunnel.supervisor.generation > generation,
      10_000,
      'online again towards the new port',
    );
    expect(moved.url).toBe(online.url);
    await sendThroughTunnelUntilCaptured(app, lt, name, Buffer.from('{"after":"port change"}'));
  });

  it('generates and saves a subdomain when none is set, and gets the same URL after the app restarts', async () => {
    await app.call('settings.update', { 'tunnel.host': lt.host });
    const started = await app.call('tunnel.start');
    const name = started.requestedSubdomain ?? '';
    expect(name).toMatch(/^convoscope-[a-z0-9]{10}$/u);
    const online = await waitForState(app, 'online');
    expect(online.url).toBe(`http://${name}.localhost`);
    expect((await app.call('settings.get')).values['tunnel.subdomain']).toBe(name);

    // Starting again while online changes nothing.
    const generation = app.core.tunnel.supervisor.generation;
    expect((await app.call('tunnel.start')).state).toBe('online');
    expect(app.core.tunnel.supervisor.generation).toBe(generation);

    // A new run of the app on the same data folder. The server may still hold the name for its
    // grace period: the tunnel then asks again and ends up at the same URL.
    const dataDir = app.dataDir;
    await app.core.close();
    const next = await startTestCore({ dataDir, tunnel: { timing: FAST_TUNNEL_TIMING } });
    try {
      expect(await next.call('tunnel.status')).toMatchObject({
        state: 'off',
        host: lt.host,
        requestedSubdomain: name,
      });
      await next.call('tunnel.start');
      await waitForTunnel(
        next,
        (status) => status.state === 'online' && status.url === online.url,
        10_000,
        'online at the same URL',
      );
    } finally {
      await next.stop();
    }
  });

  it('follows a change of the subdomain setting while running', async () => {
    const first = uniqueSubdomain('setting');
    await startOnline(first);
    const second = uniqueSubdomain('setting');
    await app.call('settings.update', { 'tunnel.subdomain': second });
    const moved = await waitForTunnel(
      app,
      (status) => status.state === 'online' && status.grantedSubdomain === second,
      10_000,
      `online as ${second}`,
    );
    expect(moved.url).toBe(`http://${second}.localhost`);
    await sendThroughTunnelUntilCaptured(app, lt, second, Buffer.from('{"renamed":true}'));
  });

  it('stop() closes the tunnel for good: nothing reopens it', async () => {
    const name = uniqueSubdomain('stop');
    await startOnline(name);
    const stopped = await app.call('tunnel.stop');
    expect(stopped).toMatchObject({ state: 'off', url: null, error: null, endpoints: [] });
    const generation = app.core.tunnel.supervisor.generation;

    // Longer than several poll intervals and the largest backoff of the test timings.
    await sleep(2000);
    expect((await app.call('tunnel.status')).state).toBe('off');
    expect(app.core.tunnel.supervisor.generation).toBe(generation);
    expect(await lt.tunnelSockets(name)).toBeNull();
    expect((await lt.send(name, '/kindly')).status).toBe(404);
  });

  it('abandons a handshake the server never answers, and keeps retrying instead of hanging', async () => {
    const sockets = new Set<net.Socket>();
    // Accepts connections and never says a word.
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const started = await app.call('tunnel.start', {
        host: `http://127.0.0.1:${port}`,
        subdomain: uniqueSubdomain('silent'),
      });
      expect(started.state).toBe('connecting');
      // Waiting for the next try, or already in it: the backoff can be shorter than a poll (50 ms).
      const retrying = await waitForTunnel(
        app,
        (status) => status.state === 'reconnecting' && status.error !== null,
        (FAST_TUNNEL_TIMING.handshakeTimeoutMs ?? 3000) + 3000,
        'reconnecting after the handshake timeout',
      );
      expect(retrying.error).toBe('The tunnel server did not open the tunnel within 3 s.');
      expect(retrying.attempt).toBe(2);
      await app.call('tunnel.stop');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
