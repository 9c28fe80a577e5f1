import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { DASHLY_DOC_LEAD_BODY, DASHLY_HEADERS } from '../fixtures/dashly.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';

describe('webhook listener (in process, real HTTP and SQLite)', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('answers 200 {} and stores the exact request', async () => {
    const body = Buffer.from(DASHLY_DOC_LEAD_BODY);
    const res = await httpRequest(`${app.listenerUrl}/dashly?source=test&x=%20y`, {
      headers: [
        ['User-Agent', 'Dashly Webhook 1.0'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['X-Trace', 'one'],
        ['X-Trace', 'two'],
      ],
      body,
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('{}');
    const { items } = await app.call('captures.list', {});
    const detail = await app.call('captures.get', { id: items[0]!.id });
    expect(detail.path).toBe('/dashly?source=test&x=%20y');
    expect(Buffer.from(detail.body.base64, 'base64').equals(body)).toBe(true);
    expect(detail.headers.filter(([name]) => name === 'X-Trace')).toEqual([
      ['X-Trace', 'one'],
      ['X-Trace', 'two'],
    ]);
    expect(detail.response).toMatchObject({ status: 200, source: 'ack' });
    expect(Buffer.from(detail.response!.body.base64, 'base64').toString()).toBe('{}');
    expect(detail.messages[0]?.text).toBe('ewfwfwef');
  });

  it('accepts any method and path', async () => {
    const res = await httpRequest(`${app.listenerUrl}/anything/at/all`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    const { items } = await app.call('captures.list', { limit: 1 });
    expect(items[0]).toMatchObject({ method: 'DELETE', path: '/anything/at/all', provider: 'other' });
  });

  it('stores a binary body byte for byte', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    await httpRequest(`${app.listenerUrl}/bin`, {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    const { items } = await app.call('captures.list', { limit: 1 });
    const detail = await app.call('captures.get', { id: items[0]!.id });
    expect(Buffer.from(detail.body.base64, 'base64').equals(bytes)).toBe(true);
  });

  it('answers 413 to an 11 MiB body and still records the attempt', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x61);
    const res = await httpRequest(`${app.listenerUrl}/kindly`, {
      body: big,
      headers: KINDLY_HEADERS,
      timeoutMs: 30_000,
    });
    expect(res.status).toBe(413);
    const { items } = await app.call('captures.list', { limit: 1 });
    const detail = await app.call('captures.get', { id: items[0]!.id });
    expect(detail.status).toBe(413);
    expect(detail.body.truncated).toBe(true);
    expect(detail.body.size).toBe(big.length);
    expect(Buffer.from(detail.body.base64, 'base64').length).toBe(64 * 1024);
  });

  it('respects a lowered body limit from settings', async () => {
    await app.call('settings.update', { 'listener.maxBodyBytes': 2048 });
    const res = await httpRequest(`${app.listenerUrl}/x`, { body: Buffer.alloc(4096, 1) });
    expect(res.status).toBe(413);
    await app.call('settings.update', { 'listener.maxBodyBytes': null });
    const settings = await app.call('settings.get', {});
    expect(settings.values['listener.maxBodyBytes']).toBe(10 * 1024 * 1024);
  });

  it('stores a payload it cannot parse, flagged, and answers 200', async () => {
    const res = await httpRequest(`${app.listenerUrl}/kindly`, {
      body: '{"chat_id": ',
      headers: KINDLY_HEADERS,
    });
    expect(res.status).toBe(200);
    const { items } = await app.call('captures.list', { limit: 1 });
    expect(items[0]?.parseError).toBe(true);
    const detail = await app.call('captures.get', { id: items[0]!.id });
    expect(detail.parseErrorMessage).toMatch(/not valid JSON/u);
  });

  it('groups messages into conversations', async () => {
    for (const message of ['first', 'second']) {
      await httpRequest(`${app.listenerUrl}/kindly`, {
        body: JSON.stringify({ ...KINDLY_TEXT_REQUEST, message }),
        headers: KINDLY_HEADERS,
      });
    }
    await httpRequest(`${app.listenerUrl}/dashly`, { body: DASHLY_DOC_LEAD_BODY, headers: DASHLY_HEADERS });
    const conversations = await app.call('conversations.list', { provider: 'kindly' });
    const chat = conversations.find((c) => c.key === KINDLY_TEXT_REQUEST.chat_id);
    expect(chat).toMatchObject({ count: 2, lastText: 'second', unanswered: true });
    const thread = await app.call('conversations.get', {
      provider: 'kindly',
      key: KINDLY_TEXT_REQUEST.chat_id,
    });
    expect(thread.messages.map((m) => m.text)).toEqual(['first', 'second']);
    const filtered = await app.call('captures.list', { conversation: KINDLY_TEXT_REQUEST.chat_id });
    expect(filtered.items).toHaveLength(2);
  });
});
