import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';
import { DASHLY_DOC_LEAD_BODY, DASHLY_HEADERS } from '../../fixtures/dashly.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

describe('rules editor API: test a rule against a capture, presets, endpoint URLs', () => {
  let app: TestCore;
  let kindlyId: number;
  let dashlyId: number;
  beforeAll(async () => {
    app = await startTestCore();
    await httpRequest(`${app.listenerUrl}/kindly`, {
      body: JSON.stringify(KINDLY_TEXT_REQUEST),
      headers: KINDLY_HEADERS,
    });
    kindlyId = (await app.call('captures.list', { limit: 1 })).items[0]!.id;
    await httpRequest(`${app.listenerUrl}/dashly`, { body: DASHLY_DOC_LEAD_BODY, headers: DASHLY_HEADERS });
    dashlyId = (await app.call('captures.list', { limit: 1 })).items[0]!.id;
  });
  afterAll(async () => {
    await app.stop();
  });

  it('evaluates each condition and renders the response without sending anything', async () => {
    const result = await app.call('endpoints.testRule', {
      captureId: kindlyId,
      rule: {
        match: {
          text: 'saturday',
          caseInsensitive: true,
          jsonPath: { path: 'context.store', equals: 'bergen' },
        },
        response: { status: 201, body: { reply: 'Open at {{context.store}}: {{message}}' }, delayMs: 50 },
      },
    });
    expect(result.matched).toBe(false);
    expect(result.conditions).toEqual([
      { condition: 'jsonPath', matched: false, actual: '"oslo-sentrum"', inputTruncated: false },
      { condition: 'text', matched: true, actual: KINDLY_TEXT_REQUEST.message, inputTruncated: false },
    ]);
    expect(result.error).toBeNull();
    expect(result.response).toMatchObject({ status: 201, delayMs: 50 });
    expect(result.response!.headers).toEqual([['Content-Type', 'application/json; charset=utf-8']]);
    expect(JSON.parse(Buffer.from(result.response!.body.base64, 'base64').toString())).toEqual({
      reply: `Open at oslo-sentrum: ${KINDLY_TEXT_REQUEST.message}`,
    });

    const dashly = await app.call('endpoints.testRule', {
      captureId: dashlyId,
      rule: { match: { text: 'EWF', caseInsensitive: true }, response: { body: '{{conversation.body}}' } },
    });
    expect(dashly.matched).toBe(true);
    expect(Buffer.from(dashly.response!.body.base64, 'base64').toString()).toBe('ewfwfwef');
    expect((await app.call('captures.list', {})).items).toHaveLength(2);
  });

  it('refuses an invalid rule or an unknown capture', async () => {
    await expect(
      app.call('endpoints.testRule', {
        captureId: kindlyId,
        rule: { match: { textRegex: '(' }, response: { body: {} } },
      }),
    ).rejects.toThrow(/answered 400.*rule\.match\.textRegex/u);
    await expect(
      app.call('endpoints.testRule', { captureId: 999_999, rule: { response: { body: {} } } }),
    ).rejects.toThrow(/answered 404/u);
  });

  it('builds dictionary rules that an endpoint accepts and answers with', async () => {
    const { rules } = await app.call('endpoints.presetRules', {
      preset: 'dictionary',
      entries: [
        { phrase: 'Hello, how are you', answer: 'Hey, great!' },
        { phrase: 'open on (Saturday)?', answer: 'Saturdays 10–18' },
      ],
    });
    await app.call('endpoints.save', { prefix: '/kindly', mode: 'mock', rules });
    const ask = async (message: string) =>
      (
        await httpRequest(`${app.listenerUrl}/kindly`, {
          body: JSON.stringify({ ...KINDLY_TEXT_REQUEST, message }),
          headers: KINDLY_HEADERS,
        })
      ).text;
    expect(JSON.parse(await ask('hello, HOW are you?'))).toEqual({ reply: 'Hey, great!' });
    expect(JSON.parse(await ask('Are you OPEN ON (saturday)?'))).toEqual({ reply: 'Saturdays 10–18' });
    expect(await ask('Are you open on Saturday?')).toBe('{}');
  });

  it('reports configured endpoints in app.info', async () => {
    await app.call('endpoints.save', { prefix: '/kindly/staging', mode: 'ack' });
    const info = await app.call('app.info', {});
    expect(info.endpoints).toEqual(
      expect.arrayContaining([
        { prefix: '/dashly', provider: 'dashly', localUrl: `${app.listenerUrl}/dashly` },
        { prefix: '/kindly/staging', provider: 'kindly', localUrl: `${app.listenerUrl}/kindly/staging` },
      ]),
    );
  });
});
