import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { EVENTS_PROTOCOL, methods, TOKEN_PROTOCOL_PREFIX } from '../../shared/contract/index.js';
import { httpRequest } from '../helpers/http.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

/** Opens a WebSocket and resolves with its first frame, or rejects when it is refused. */
function firstFrame(url: string, protocols: string[], headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers, handshakeTimeout: 5000 });
    ws.once('message', (data: Buffer) => {
      resolve(data.toString());
      ws.close();
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
}

// Needs the built bundle. The listener is public (through the tunnel); the API must not be.
describe('API boundary (the real serve process)', () => {
  let app: ServeProcess;
  beforeAll(async () => {
    app = await startServe();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('the listener port reaches no API method: every one is just another capture', async () => {
    const names = Object.keys(methods);
    expect(names.length).toBeGreaterThan(40);
    const before = (await app.call('settings.get', {})).values['listener.maxBodyBytes'];
    for (const name of names) {
      const input = name === 'settings.update' ? { 'listener.maxBodyBytes': 2048 } : {};
      const res = await httpRequest(`${app.listenerUrl}/api/${name}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${app.token}`,
          'content-type': 'application/json',
          host: new URL(app.apiUrl).host,
        },
        body: JSON.stringify(input),
      });
      // The listener's default answer, never a method's result or error.
      expect([name, res.status, res.text]).toEqual([name, 200, '{}']);
    }
    const { items } = await app.call('captures.list', { limit: 1000 });
    expect(items.map((item) => item.path).sort()).toEqual(names.map((name) => `/api/${name}`).sort());
    // captures.clear and settings.update sent to the listener changed nothing.
    expect((await app.call('settings.get', {})).values['listener.maxBodyBytes']).toBe(before);
  });

  it('the listener serves no UI and no event stream', async () => {
    const page = await httpRequest(`${app.listenerUrl}/`);
    expect(page.text).toBe('{}');
    expect(page.headers['content-type']).not.toMatch(/html/u);
    await expect(
      firstFrame(`${app.listenerUrl.replace('http', 'ws')}/api/events`, [
        EVENTS_PROTOCOL,
        `${TOKEN_PROTOCOL_PREFIX}${app.token}`,
      ]),
    ).rejects.toThrow();
  });

  it('DNS rebinding: a foreign Host is refused for methods, UI pages and the event stream', async () => {
    const { port } = new URL(app.apiUrl);
    for (const host of [
      `attacker.example:${port}`,
      'attacker.example',
      `127.0.0.1.attacker.example:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
    ]) {
      const method = await httpRequest(`${app.apiUrl}/api/captures.list`, {
        method: 'POST',
        headers: { host, authorization: `Bearer ${app.token}` },
        body: '{}',
      });
      expect([host, method.status]).toEqual([host, 403]);
      const page = await httpRequest(`${app.apiUrl}/`, { headers: { host } });
      expect([host, page.status]).toEqual([host, 403]);
      expect(page.text).not.toContain('<script');
      await expect(
        firstFrame(
          `${app.apiUrl.replace('http', 'ws')}/api/events`,
          [EVENTS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${app.token}`],
          {
            host,
          },
        ),
      ).rejects.toThrow(/403/u);
    }
    // The names this server answers to work.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const ok = await httpRequest(`${app.apiUrl}/api/app.info`, {
        method: 'POST',
        headers: { host, authorization: `Bearer ${app.token}` },
        body: '{}',
      });
      expect(ok.status).toBe(200);
    }
  });

  it('every method needs the token', async () => {
    for (const name of Object.keys(methods)) {
      const res = await httpRequest(`${app.apiUrl}/api/${name}`, { method: 'POST', body: '{}' });
      expect([name, res.status]).toEqual([name, 401]);
    }
  });
});
