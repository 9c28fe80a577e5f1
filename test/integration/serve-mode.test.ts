import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { EVENTS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../shared/contract/index.js';
import { httpRequest } from '../helpers/http.js';
import { CONVOSCOPE_BIN, startServe, type ServeProcess } from '../helpers/serve-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { spawnSync } from 'node:child_process';
import { DASHLY_DOC_LEAD_BODY, DASHLY_HEADERS } from '../fixtures/dashly.js';

// Needs the built bundle (`npm test` builds first; the bin says so clearly when it is missing).
describe('serve mode (the real built process)', () => {
  const running: ServeProcess[] = [];
  const start = async (...args: Parameters<typeof startServe>) => {
    const app = await startServe(...args);
    running.push(app);
    return app;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.stop()));
  });

  it('prints the two lines, records exact bytes, and serves the API', async () => {
    const app = await start();
    expect(app.output()).toMatch(
      /^Listening for webhooks on http:\/\/127\.0\.0\.1:\d+\nInspector UI: http:\/\/127\.0\.0\.1:\d+\/#token=\S+\n/u,
    );
    const body = Buffer.from(DASHLY_DOC_LEAD_BODY);
    const res = await httpRequest(`${app.listenerUrl}/dashly`, { headers: DASHLY_HEADERS, body });
    expect(res.status).toBe(200);
    const { items } = await app.call('captures.list', {});
    expect(items).toHaveLength(1);
    const detail = await app.call('captures.get', { id: items[0]!.id });
    expect(Buffer.from(detail.body.base64, 'base64').equals(body)).toBe(true);
  });

  it('guards the API: token, Host, Origin, WebSocket auth; the listener serves no API', async () => {
    const app = await start();
    const api = `${app.apiUrl}/api/captures.list`;
    const auth = { authorization: `Bearer ${app.token}` };
    expect((await httpRequest(api, { method: 'POST', body: '{}' })).status).toBe(401);
    expect(
      (
        await httpRequest(api, {
          method: 'POST',
          body: '{}',
          headers: { authorization: 'Bearer wrong-token-123' },
        })
      ).status,
    ).toBe(401);
    expect(
      (await httpRequest(api, { method: 'POST', body: '{}', headers: { ...auth, host: 'evil.example:80' } }))
        .status,
    ).toBe(403);
    const rebind = new URL(app.apiUrl);
    expect(
      (
        await httpRequest(api, {
          method: 'POST',
          body: '{}',
          headers: { ...auth, host: `attacker.test:${rebind.port}` },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await httpRequest(api, {
          method: 'POST',
          body: '{}',
          headers: { ...auth, origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await httpRequest(api, { method: 'POST', body: '{}', headers: { ...auth, origin: app.apiUrl } }))
        .status,
    ).toBe(200);
    expect((await httpRequest(api, { method: 'GET', headers: auth })).status).toBe(405);
    const unknown = await httpRequest(`${app.apiUrl}/api/nope.nope`, {
      method: 'POST',
      body: '{}',
      headers: auth,
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ error: { code: 'not_found' } });

    // The listener port answers webhooks only: an API path there is just another capture.
    const onListener = await httpRequest(`${app.listenerUrl}/api/captures.list`, {
      method: 'POST',
      body: '{}',
      headers: auth,
    });
    expect(onListener.text).toBe('{}');
    expect((await app.call('captures.list', {})).items[0]?.path).toBe('/api/captures.list');

    const wsUrl = `${app.apiUrl.replace('http', 'ws')}/api/events`;
    const firstFrame = (ws: WebSocket) =>
      new Promise<string>((resolve, reject) => {
        ws.once('message', (data: Buffer) => resolve(data.toString()));
        ws.once('close', (code) => reject(new Error(`closed ${code}`)));
        ws.once('error', reject);
      });
    const good = new WebSocket(wsUrl, [EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${app.token}`]);
    expect(JSON.parse(await firstFrame(good))).toEqual({ event: 'ready', payload: {} });
    const added = firstFrame(good);
    await httpRequest(`${app.listenerUrl}/kindly`, { body: '{"chat_id":"c1","bot_id":1,"message":"hi"}' });
    expect(JSON.parse(await added)).toMatchObject({
      event: 'capture.added',
      payload: { provider: 'kindly', summary: 'hi' },
    });
    good.close();

    const bad = new WebSocket(wsUrl, [EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}wrong-token-123`]);
    await expect(firstFrame(bad)).rejects.toThrow();
    const foreign = new WebSocket(wsUrl, [EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${app.token}`], {
      origin: 'http://evil.example',
    });
    await expect(firstFrame(foreign)).rejects.toThrow();
    // Token as the first message also works, a wrong one is refused.
    const viaMessage = new WebSocket(wsUrl, [EVENTS_PROTOCOL]);
    await new Promise((resolve) => viaMessage.once('open', resolve));
    viaMessage.send(JSON.stringify({ token: app.token }));
    expect(JSON.parse(await firstFrame(viaMessage))).toEqual({ event: 'ready', payload: {} });
    viaMessage.close();
  });

  it('serves the UI with a strict Content-Security-Policy', async () => {
    const app = await start();
    const page = await httpRequest(`${app.apiUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/u);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/u);
    expect(page.text).toContain('<div id="root">');
  });

  it('commits everything and exits 0 on SIGTERM; data survives a restart', async () => {
    const temp = makeTempDir();
    try {
      const first = await startServe({ dataDir: temp.dir });
      const sends = Array.from({ length: 50 }, (_, i) =>
        httpRequest(`${first.listenerUrl}/kindly`, {
          body: JSON.stringify({ chat_id: 'c', bot_id: 1, message: `m${i}` }),
        }),
      );
      const answers = await Promise.all(sends);
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(await first.stop('SIGTERM')).toBe(0);
      const db = new Database(path.join(temp.dir, 'convoscope.db'), { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM captures').get()).toEqual({ n: 50 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      const second = await start({ dataDir: temp.dir });
      expect((await second.call('captures.list', { limit: 100 })).items).toHaveLength(50);
    } finally {
      // The second process writes into the folder (log, WAL) until it exits: stop it first, or
      // removing the folder races its writes (ENOTEMPTY).
      await Promise.all(running.splice(0).map((app) => app.stop()));
      temp.remove();
    }
  });

  it('names the flag to change when a port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const temp = makeTempDir();
    try {
      const result = spawnSync(
        process.execPath,
        [CONVOSCOPE_BIN, 'serve', '--data-dir', temp.dir, '--listen-port', String(port), '--no-open'],
        {
          encoding: 'utf8',
          timeout: 15_000,
        },
      );
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`port ${port} .*already in use.*--listen-port`, 'u'));
      const ui = spawnSync(
        process.execPath,
        [
          CONVOSCOPE_BIN,
          'serve',
          '--data-dir',
          temp.dir,
          '--listen-port',
          '0',
          '--ui-port',
          String(port),
          '--no-open',
        ],
        {
          encoding: 'utf8',
          timeout: 15_000,
        },
      );
      expect(ui.status).toBe(1);
      expect(ui.stderr).toMatch(/--ui-port/u);
    } finally {
      blocker.close();
      temp.remove();
    }
  });

  it('documents every flag in --help and rejects unknown ones clearly', () => {
    const help = spawnSync(process.execPath, [CONVOSCOPE_BIN, 'serve', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const flag of [
      '--data-dir',
      '--listen-port',
      '--ui-port',
      '--token',
      '--no-open',
      'CONVOSCOPE_DATA_DIR',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    const bad = spawnSync(process.execPath, [CONVOSCOPE_BIN, 'serve', '--bogus'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
