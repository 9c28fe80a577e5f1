import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { waitFor } from '../helpers/wait-for.js';

describe('listener rate limiting per client', () => {
  let app: TestCore;
  afterEach(async () => {
    await app.stop();
  });

  const send = (headers: Record<string, string> = {}, n = 0) =>
    httpRequest(`${app.listenerUrl}/kindly`, {
      headers,
      body: JSON.stringify({ chat_id: 'c', bot_id: 1, message: `m${n}` }),
    });
  const sendMany = async (count: number, headers: Record<string, string> = {}) => {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await send(headers, i)).status);
    return statuses;
  };
  const all = async () => (await app.call('captures.list', { limit: 1000 })).items;

  it('limits nothing by default: local senders and the tunnel are never one throttled client', async () => {
    app = await startTestCore();
    expect(await app.call('settings.get', {})).toMatchObject({
      values: {
        'listener.rateLimitPerMinute': 600,
        'listener.rateLimitTunnel': 'off',
        'listener.rateLimitLocal': false,
      },
    });
    await app.call('settings.update', { 'listener.rateLimitPerMinute': 3 });
    expect(new Set(await sendMany(10))).toEqual(new Set([200]));
    expect(new Set(await sendMany(10, { host: 'hook-abc.loca.lt' }))).toEqual(new Set([200]));
    expect(await all()).toHaveLength(20);
  });

  it('answers 429 with Retry-After past the limit, stores the first refusal and counts the rest', async () => {
    app = await startTestCore();
    await app.call('settings.update', { 'listener.rateLimitPerMinute': 5, 'listener.rateLimitLocal': true });
    const statuses = await sendMany(20);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    const refused = await send({}, 99);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/u);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(12);

    // 5 accepted + 1 record of the burst, whose line gets the count.
    const record = await waitFor(async () => {
      const items = await all();
      const found = items.find((item) => item.status === 429);
      return items.length === 6 && found?.summary.startsWith('Rate limited: 16 request(s)') && found;
    }, 'the refusal count on the record');
    expect(record.summary).toBe(
      'Rate limited: 16 request(s) from 127.0.0.1 refused with 429 (only the first is stored)',
    );
    const detail = await app.call('captures.get', { id: record.id });
    expect(detail.response).toMatchObject({ status: 429, source: 'rate-limit' });
    // The sender retries; only the retry may enter the conversation.
    expect(detail.messages).toEqual([]);
    expect(record.conversationKey).toBeNull();
  });

  it('tunnel traffic: `shared` limits the tunnel as one client, `forwarded` per forwarded address', async () => {
    app = await startTestCore();
    await app.call('settings.update', {
      'listener.rateLimitPerMinute': 3,
      'listener.rateLimitTunnel': 'shared',
    });
    const tunnel = { host: 'hook-abc.loca.lt' };
    expect(await sendMany(5, tunnel)).toEqual([200, 200, 200, 429, 429]);
    // Local traffic is not limited meanwhile.
    expect((await send()).status).toBe(200);

    await app.call('settings.update', { 'listener.rateLimitTunnel': 'forwarded' });
    const a = { ...tunnel, 'x-forwarded-for': '203.0.113.9, 198.51.100.1' };
    const b = { ...tunnel, 'x-forwarded-for': '198.51.100.2' };
    expect(await sendMany(4, a)).toEqual([200, 200, 200, 429]);
    expect(await sendMany(2, b)).toEqual([200, 200]);
    // The last entry counts (what our side's proxy saw); a forged first entry changes nothing.
    expect((await send({ ...tunnel, 'x-forwarded-for': '10.9.9.9, 198.51.100.1' })).status).toBe(429);
    // Without the header the tunnel's requests cannot be told apart and are not limited.
    expect(await sendMany(4, tunnel)).toEqual([200, 200, 200, 200]);
  });

  it('records at most 10 refusals a minute however many clients a flood pretends to be', async () => {
    app = await startTestCore();
    await app.call('settings.update', {
      'listener.rateLimitPerMinute': 1,
      'listener.rateLimitTunnel': 'forwarded',
    });
    for (let client = 0; client < 25; client++) {
      const headers = { host: 'hook-abc.loca.lt', 'x-forwarded-for': `192.0.2.${client}` };
      expect(await sendMany(3, headers)).toEqual([200, 429, 429]);
    }
    const items = await all();
    expect(items.filter((item) => item.status === 200)).toHaveLength(25);
    expect(items.filter((item) => item.status === 429)).toHaveLength(10);
    await waitFor(
      () => app.logs.some((line) => /refused with 429, counted only/u.test(line)),
      'the counted line',
    );
  });
});
