import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';
import { waitFor } from '../../helpers/wait-for.js';
import { DASHLY_DOC_LEAD_BODY, DASHLY_HEADERS, dashlyForm, dashlyPart } from '../../fixtures/dashly.js';
import { KINDLY_HEADERS, KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

function kindly(message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...KINDLY_TEXT_REQUEST, message, ...extra });
}

describe('mock mode (rules over real HTTP)', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore();
  });
  afterAll(async () => {
    await app.stop();
  });

  const post = (path: string, body: string, headers: Record<string, string> = KINDLY_HEADERS) =>
    httpRequest(`${app.listenerUrl}${path}`, { body, headers });

  it('takes the first enabled matching rule, in order, and skips disabled ones', async () => {
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'mock',
      rules: [
        { name: 'off', enabled: false, match: { text: 'hours' }, response: { body: { reply: 'disabled' } } },
        { match: { text: 'hours' }, response: { body: { reply: 'first' } } },
        { match: { text: 'opening hours' }, response: { body: { reply: 'second' } } },
      ],
    });
    const res = await post('/kindly', kindly('What are your opening hours?'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.text)).toEqual({ reply: 'first' });

    const { items } = await app.call('captures.list', { limit: 1 });
    const detail = await app.call('captures.get', { id: items[0]!.id });
    expect(detail.status).toBe(200);
    expect(detail.response).toMatchObject({ source: 'mock', ruleIndex: 1 });
  });

  it('answers the endpoint fallback when no rule matches, else 200 {}', async () => {
    const miss = await post('/kindly', kindly('Nothing relevant'));
    expect(miss.status).toBe(200);
    expect(miss.text).toBe('{}');
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'mock',
      rules: [{ match: { text: 'hours' }, response: { body: { reply: 'first' } } }],
      fallback: { status: 404, headers: { 'X-Why': 'no rule' }, body: 'no rule for {{message}}' },
    });
    const res = await post('/kindly', kindly('Nothing relevant'));
    expect(res.status).toBe(404);
    expect(res.headers['x-why']).toBe('no rule');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe('no rule for Nothing relevant');
  });

  it('renders templates from the payload, keeping types for whole-value placeholders', async () => {
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'mock',
      rules: [
        {
          match: {},
          response: {
            status: 202,
            headers: [['X-Chat', '{{chat_id}}']],
            body: {
              reply: 'You said "{{message}}" from {{context.store}} ({{web_host | unknown host}})',
              new_context: '{{context}}',
              user: '{{user_id}}',
              missing: '[{{nothing.here}}]',
              bot: '{{bot_id}}',
              method: '{{$method}} {{$path}} {{$query.src}}',
              literal: '\\{{message}}',
            },
          },
        },
      ],
      fallback: null,
    });
    const res = await post('/kindly/x?src=t', kindly('Hi "there"'));
    expect(res.status).toBe(202);
    expect(res.headers['x-chat']).toBe(KINDLY_TEXT_REQUEST.chat_id);
    expect(JSON.parse(res.text)).toEqual({
      reply: 'You said "Hi "there"" from oslo-sentrum (shop.example.com)',
      new_context: { store: 'oslo-sentrum' },
      user: KINDLY_TEXT_REQUEST.user_id,
      missing: '[]',
      bot: 1234,
      method: 'POST /kindly/x t',
      literal: '{{message}}',
    });
  });

  it('reads Dashly form payloads: {{conversation.body}}, {{message}}, {{chat_id}} and jsonPath into the form', async () => {
    await app.call('endpoints.save', {
      prefix: '/dashly',
      mode: 'mock',
      rules: [
        {
          match: { jsonPath: { path: 'conversation.type', equals: 'reply_user' }, method: 'post' },
          response: { body: '{{conversation.body}}|{{message}}|{{chat_id}}|{{user_id}}|{{type}}' },
        },
      ],
    });
    const res = await httpRequest(`${app.listenerUrl}/dashly`, {
      body: DASHLY_DOC_LEAD_BODY,
      headers: DASHLY_HEADERS,
    });
    expect(res.text).toBe('ewfwfwef|ewfwfwef|64558819|85648207|conversation');
    // Another part type does not match: the default answer.
    const admin = dashlyForm(JSON.stringify(dashlyPart({ type: 'reply_admin', body: 'x' })));
    const other = await httpRequest(`${app.listenerUrl}/dashly`, { body: admin, headers: DASHLY_HEADERS });
    expect(other.text).toBe('{}');
  });

  it('treats text as a literal (regex characters included) and textRegex as a regex', async () => {
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'mock',
      rules: [
        { match: { text: 'price (USD)?' }, response: { body: { reply: 'literal' } } },
        { match: { textRegex: '^order [A-Z]-\\d{4}$' }, response: { body: { reply: 'regex {{message}}' } } },
        { match: { textEquals: 'HELLO', caseInsensitive: true }, response: { body: { reply: 'equals' } } },
        {
          match: { text: 'Saturday', caseInsensitive: false },
          response: { body: { reply: 'case-sensitive' } },
        },
      ],
    });
    const reply = async (message: string) =>
      JSON.parse((await post('/kindly', kindly(message))).text) as unknown;
    expect(await reply('What is the price (USD)? please')).toEqual({ reply: 'literal' });
    // As a regex, "price (USD)?" would match "price " alone; as a literal it must not.
    expect(await reply('the price today')).toEqual({});
    expect(await reply('order A-1001')).toEqual({ reply: 'regex order A-1001' });
    expect(await reply('order a-1001')).toEqual({});
    expect(await reply('  hello ')).toEqual({ reply: 'equals' });
    expect(await reply('hello there')).toEqual({});
    expect(await reply('open on saturday?')).toEqual({});
    expect(await reply('open on Saturday?')).toEqual({ reply: 'case-sensitive' });
  });

  it('matches on header (any case of name), path wildcard, method and body regex', async () => {
    await app.call('endpoints.save', {
      prefix: '/hooks',
      mode: 'mock',
      rules: [
        { match: { header: { name: 'x-event', value: 'ping' } }, response: { body: 'pong' } },
        { match: { path: '/hooks/*/orders', method: 'PUT' }, response: { body: 'orders' } },
        { match: { bodyRegex: '"amount":\\s*\\d{3,}', caseInsensitive: true }, response: { body: 'big' } },
      ],
    });
    const headers = [['X-Event', 'ping']] as [string, string][];
    expect((await httpRequest(`${app.listenerUrl}/hooks`, { body: '', headers })).text).toBe('pong');
    expect(
      (await httpRequest(`${app.listenerUrl}/hooks/v1/orders`, { method: 'PUT', body: '{}' })).text,
    ).toBe('orders');
    expect(
      (await httpRequest(`${app.listenerUrl}/hooks/v1/orders`, { method: 'POST', body: '{}' })).text,
    ).toBe('{}');
    expect((await httpRequest(`${app.listenerUrl}/hooks`, { body: '{"AMOUNT": 1500}' })).text).toBe('big');
    expect((await httpRequest(`${app.listenerUrl}/hooks`, { body: '{"amount": 15}' })).text).toBe('{}');
  });

  it('delays the answer when the rule says so, after storing the capture', async () => {
    await app.call('endpoints.save', {
      prefix: '/slow',
      mode: 'mock',
      rules: [{ match: {}, response: { body: { ok: true }, delayMs: 400 } }],
    });
    const sent = Date.now();
    const pending = httpRequest(`${app.listenerUrl}/slow`, { body: '{}' });
    // The capture is listed (committed) while the answer is still being delayed.
    const row = await waitFor(async () => {
      const { items } = await app.call('captures.list', { limit: 1 });
      return items[0]?.path === '/slow' ? items[0] : undefined;
    }, 'the delayed capture');
    expect(row.status).toBeNull();
    const res = await pending;
    expect(res.text).toBe('{"ok":true}');
    expect(Date.now() - sent).toBeGreaterThanOrEqual(390);
    const detail = await waitFor(async () => {
      const d = await app.call('captures.get', { id: row.id });
      return d.status === 200 ? d : undefined;
    }, 'the status once sent');
    expect(detail.response?.source).toBe('mock');
  });

  it('routes by the longest matching prefix on a segment boundary', async () => {
    await app.call('endpoints.save', {
      prefix: '/kindly/staging',
      mode: 'mock',
      rules: [{ match: {}, response: { body: 'staging' } }],
    });
    await app.call('endpoints.save', {
      prefix: '/kindly',
      mode: 'mock',
      rules: [{ match: {}, response: { body: 'kindly' } }],
    });
    const text = async (path: string) =>
      (await httpRequest(`${app.listenerUrl}${path}`, { body: '{}' })).text;
    expect(await text('/kindly/staging')).toBe('staging');
    expect(await text('/kindly/staging/x?y=1')).toBe('staging');
    expect(await text('/kindly/stagingx')).toBe('kindly');
    expect(await text('/kindly')).toBe('kindly');
    expect(await text('/kindlyx')).toBe('{}');
    expect(await text('/elsewhere')).toBe('{}');
  });

  it('refuses invalid rules at save time, naming the field', async () => {
    await expect(
      app.call('endpoints.save', {
        prefix: '/bad',
        mode: 'mock',
        rules: [{ match: { textRegex: '(?<=a)b' }, response: { body: {} } }],
      }),
    ).rejects.toThrow(/answered 400.*rules\.0\.match\.textRegex/u);
    await expect(
      app.call('endpoints.save', {
        prefix: '/bad',
        mode: 'mock',
        rules: [{ match: { bodyRegex: '[ab]*a[ab]{999}c[ab]{999}d' }, response: { body: {} } }],
      }),
    ).rejects.toThrow(/too complex/u);
    await expect(
      app.call('endpoints.save', {
        prefix: '/bad',
        mode: 'mock',
        rules: [{ match: { jsonPath: { path: 'a..b' } }, response: { body: {} } }],
      }),
    ).rejects.toThrow(/rules\.0\.match\.jsonPath\.path/u);
    await expect(app.call('endpoints.save', { prefix: 'no-slash', mode: 'ack' })).rejects.toThrow(
      /answered 400/u,
    );
    await expect(app.call('endpoints.save', { prefix: '/a?b=1', mode: 'ack' })).rejects.toThrow(/query/u);
    await expect(
      app.call('endpoints.save', {
        prefix: '/bad',
        mode: 'mock',
        rules: [{ match: {}, response: { headers: { 'X-A': 'a\r\nInjected: 1' }, body: {} } }],
      }),
    ).rejects.toThrow(/line breaks/u);
    const list = await app.call('endpoints.list', {});
    expect(list.map((endpoint) => endpoint.prefix)).not.toContain('/bad');
  });

  it('lists, renames and deletes endpoints, persisting them across restarts', async () => {
    const list = await app.call('endpoints.list', {});
    expect(list.map((endpoint) => endpoint.prefix)).toEqual(
      expect.arrayContaining(['/dashly', '/kindly', '/kindly/staging']),
    );
    const renamed = await app.call('endpoints.save', {
      prefix: '/kindly/prod/',
      previousPrefix: '/kindly/staging',
      mode: 'ack',
    });
    expect(renamed.prefix).toBe('/kindly/prod');
    await expect(
      app.call('endpoints.save', { prefix: '/kindly', previousPrefix: '/kindly/prod', mode: 'ack' }),
    ).rejects.toThrow(/answered 409/u);
    expect(await app.call('endpoints.delete', { prefix: '/kindly/prod' })).toEqual({
      deleted: true,
      answeredHolds: 0,
    });
    expect(await app.call('endpoints.delete', { prefix: '/kindly/prod' })).toMatchObject({ deleted: false });

    const dataDir = app.dataDir;
    const saved = await app.call('endpoints.list', {});
    await app.core.close();
    const again = await startTestCore({ dataDir });
    try {
      expect(await again.call('endpoints.list', {})).toEqual(saved);
    } finally {
      await again.core.close();
    }
    app = await startTestCore({ dataDir });
  });
});
