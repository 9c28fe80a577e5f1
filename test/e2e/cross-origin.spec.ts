import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpRequest } from '../helpers/http.js';
import { expect, test } from './fixtures.js';

// The attacker's page runs in the same Chromium as the UI. `attacker.test` resolves to 127.0.0.1,
// so a page can also pose as a DNS-rebound name for the API port itself.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--host-resolver-rules=MAP attacker.test 127.0.0.1',
    ],
  },
});

/** What the attacker's page tries, each attempt reporting what it could observe. */
const ATTACK_SCRIPT = String.raw`
const params = new URLSearchParams(location.search);
const api = params.get('api');
const token = params.get('token');
const results = {};
const attempt = async (name, run) => {
  try { results[name] = await run(); } catch (error) { results[name] = 'blocked: ' + error.name; }
};
const read = async (res) => res.status + ' ' + (await res.text()).slice(0, 80);
window.attack = (async () => {
  await attempt('fetch', () => fetch(api + '/api/captures.list', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).then(read));
  await attempt('fetchCredentials', () => fetch(api + '/api/captures.list', { method: 'POST', body: '{}', credentials: 'include' }).then(read));
  await attempt('fetchWithToken', () => fetch(api + '/api/captures.list', { method: 'POST', body: '{}', headers: { authorization: 'Bearer ' + token } }).then(read));
  await attempt('noCorsClear', () => fetch(api + '/api/captures.clear', { method: 'POST', mode: 'no-cors', body: '{}' }).then((res) => res.type));
  await attempt('noCorsSettings', () => fetch(api + '/api/settings.update', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ 'listener.maxBodyBytes': 2048 }) }).then((res) => res.type));
  const socket = (protocols) => new Promise((resolve) => {
    const ws = new WebSocket(api.replace('http', 'ws') + '/api/events', protocols);
    const timer = setTimeout(() => resolve('no answer'), 4000);
    ws.onmessage = (event) => { clearTimeout(timer); resolve('message: ' + String(event.data).slice(0, 60)); ws.close(); };
    ws.onerror = () => { clearTimeout(timer); resolve('error'); };
    ws.onclose = (event) => { clearTimeout(timer); resolve('closed ' + event.code); };
  });
  await attempt('webSocketWithToken', () => socket(['convoscope.v1', 'bearer.' + token]));
  await attempt('webSocketNoToken', () => socket(['convoscope.v1']));
  await attempt('uiScript', () => new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = api + '/favicon.svg';
    script.onload = () => resolve('loaded');
    script.onerror = () => resolve('error');
    document.body.append(script);
  }));
  await attempt('uiFrame', () => new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = api + '/';
    frame.onload = () => { try { resolve('loaded: ' + frame.contentDocument.title); } catch { resolve('loaded, unreadable'); } };
    document.body.append(frame);
    setTimeout(() => resolve('timeout'), 4000);
  }));
  // A classic CSRF: a form posted across origins (text/plain bodies need no preflight).
  await attempt('formPost', () => new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.name = 'sink';
    document.body.append(frame);
    const form = document.createElement('form');
    form.method = 'POST';
    form.enctype = 'text/plain';
    form.action = api + '/api/captures.clear';
    form.target = 'sink';
    const input = document.createElement('input');
    input.name = '{"x":"';
    input.value = '"}';
    form.append(input);
    document.body.append(form);
    frame.onload = () => resolve('submitted');
    form.submit();
    setTimeout(() => resolve('timeout'), 4000);
  }));
  return results;
})();
`;

test('a page on another origin cannot use the API, its events or its UI', async ({ page, app }) => {
  const attacker = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>attacker</title><body><script>${ATTACK_SCRIPT}</script></body>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const attackerPort = (attacker.address() as AddressInfo).port;
  try {
    await httpRequest(`${app.listenerUrl}/kindly`, {
      body: '{"chat_id":"c","bot_id":1,"message":"keep me"}',
    });
    const before = await app.call('settings.get', {});

    // The UI is open in the same browser, as it would be.
    const ui = await page.context().newPage();
    await ui.goto(app.uiUrl);
    await expect(ui.getByRole('option')).toHaveCount(1);

    for (const origin of [`http://127.0.0.1:${attackerPort}`, `http://attacker.test:${attackerPort}`]) {
      await page.goto(
        `${origin}/?api=${encodeURIComponent(app.apiUrl)}&token=${encodeURIComponent(app.token)}`,
      );
      const results = await page.evaluate(
        () => (window as unknown as { attack: Promise<Record<string, string>> }).attack,
      );
      // Reads fail (CORS); a token the attacker somehow knew does not help (Origin is checked).
      expect(results.fetch).toMatch(/^blocked/u);
      expect(results.fetchCredentials).toMatch(/^blocked/u);
      expect(results.fetchWithToken).toMatch(/^blocked/u);
      expect(results.noCorsClear).toBe('opaque');
      expect(results.noCorsSettings).toBe('opaque');
      expect(results.webSocketWithToken).not.toMatch(/^message/u);
      expect(results.webSocketNoToken).not.toMatch(/^message/u);
      expect(results.uiScript).toBe('error');
      expect(results.uiFrame).not.toMatch(/Convoscope/u);
    }
    // Whatever reached the server changed nothing.
    expect((await app.call('captures.list', {})).items.map((item) => item.summary)).toEqual(['keep me']);
    expect(await app.call('settings.get', {})).toEqual(before);
    await expect(ui.getByRole('option')).toHaveCount(1);

    // DNS rebinding: the attacker's name pointing at the API port gets nothing, not even the UI.
    const apiPort = new URL(app.apiUrl).port;
    const rebound = await page.goto(`http://attacker.test:${apiPort}/`);
    expect(rebound?.status()).toBe(403);
    const sameOrigin = await page.evaluate(async (token) => {
      const res = await fetch('/api/captures.list', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: res.status, body: await res.text() };
    }, app.token);
    expect(sameOrigin.status).toBe(403);
    expect(sameOrigin.body).toMatch(/Host not allowed/u);
    expect(sameOrigin.body).not.toContain('keep me');
  } finally {
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
  }
});
