import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindlySignature } from '../../electron/core/providers/kindly/signature.js';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { KINDLY_TEXT_REQUEST } from '../fixtures/kindly.js';

const ALGORITHM = 'HMAC-SHA-256 (base64 encoded)';

describe('Kindly-HMAC on captures.get (real listener, real store)', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore();
  });
  afterAll(async () => {
    await app.stop();
  });

  async function post(body: string, headers: [string, string][]): Promise<number> {
    const res = await httpRequest(`${app.listenerUrl}/kindly/webhook`, {
      body,
      headers: [['Content-Type', 'application/json'], ...headers],
    });
    expect(res.status).toBe(200);
    const { items } = await app.call('captures.list', { limit: 1 });
    return items[0]!.id;
  }

  const body = JSON.stringify(KINDLY_TEXT_REQUEST);
  const signed: [string, string][] = [
    ['Kindly-HMAC-algorithm', ALGORITHM],
    ['Kindly-HMAC', kindlySignature(body, 'examplekey')],
  ];

  it('reports verified, mismatch, unsigned and no-secret', async () => {
    const settings = await app.call('settings.update', { 'kindly.hmacSecret': 'examplekey' });
    expect(settings.secrets['kindly.hmacSecret']).toBe('set');
    expect(JSON.stringify(settings)).not.toContain('examplekey');

    const verifiedId = await post(body, signed);
    expect(signed[1]?.[1]).toBe('yR4BerAN/nxabn8z8XgOtZstAfGwHAnwLk/ufBc76zM=');
    const verified = await app.call('captures.get', { id: verifiedId });
    expect(verified.provider).toBe('kindly');
    expect(verified.signature).toBe('verified');
    expect(verified.signatureWarning).toBeNull();

    const tampered = await post(body.replace('Saturday', 'Sunday'), signed);
    expect((await app.call('captures.get', { id: tampered })).signature).toBe('mismatch');

    const unsigned = await post(body, [['Kindly-HMAC-algorithm', ALGORITHM]]);
    expect((await app.call('captures.get', { id: unsigned })).signature).toBe('unsigned');

    await app.call('settings.update', { 'kindly.hmacSecret': 'another-secret' });
    expect((await app.call('captures.get', { id: verifiedId })).signature).toBe('mismatch');

    await app.call('settings.update', { 'kindly.hmacSecret': null });
    expect((await app.call('settings.get', {})).secrets['kindly.hmacSecret']).toBe('unset');
    // Checked when read: the same stored capture now has no secret to check against.
    expect((await app.call('captures.get', { id: verifiedId })).signature).toBe('no-secret');
  });

  it('flags an unexpected Kindly-HMAC-algorithm', async () => {
    await app.call('settings.update', { 'kindly.hmacSecret': 'examplekey' });
    const id = await post(body, [
      ['Kindly-HMAC-algorithm', 'HMAC-SHA-512 (base64 encoded)'],
      ['Kindly-HMAC', kindlySignature(body, 'examplekey')],
    ]);
    const capture = await app.call('captures.get', { id });
    expect(capture.signature).toBe('verified');
    expect(capture.signatureWarning).toMatch(/Unexpected Kindly-HMAC-algorithm/u);
  });

  it('reports no signature fields on captures of other providers', async () => {
    await httpRequest(`${app.listenerUrl}/elsewhere`, { body: '{"a":1}' });
    const { items } = await app.call('captures.list', { limit: 1 });
    const capture = await app.call('captures.get', { id: items[0]!.id });
    expect(capture.provider).toBe('other');
    expect(capture.signature).toBeUndefined();
  });
});
