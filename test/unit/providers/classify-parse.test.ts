import { describe, expect, it } from 'vitest';
import type { HeaderList } from '../../../shared/model/http.js';
import type { ReceivedRequest } from '../../../electron/core/providers/provider.js';
import { classify, classifyAndParse } from '../../../electron/core/providers/registry.js';
import { DASHLY_DOC_LEAD_BODY, dashlyForm, dashlyPart } from '../../fixtures/dashly.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

function request(path: string, headers: HeaderList, body: Buffer | string, complete = true): ReceivedRequest {
  const queryAt = path.indexOf('?');
  return {
    method: 'POST',
    path,
    pathname: queryAt === -1 ? path : path.slice(0, queryAt),
    headers,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    complete,
    receivedAt: 1_700_000_000_000,
  };
}

const FORM: HeaderList = [['Content-Type', 'application/x-www-form-urlencoded']];
const JSON_TYPE: HeaderList = [['Content-Type', 'application/json']];

describe('classification', () => {
  it('routes by path prefix before looking at content', () => {
    expect(classify(request('/dashly', JSON_TYPE, '{}')).id).toBe('dashly');
    expect(classify(request('/dashly/staging?x=1', JSON_TYPE, '{}')).id).toBe('dashly');
    expect(classify(request('/kindly', FORM, 'a=b')).id).toBe('kindly');
    expect(classify(request('/kindlyish', JSON_TYPE, '{}')).id).toBe('other');
  });

  it('recognises Dashly and Carrot quest by User-Agent or form fields', () => {
    expect(classify(request('/hook', [['User-Agent', 'Dashly Webhook 1.0']], '')).id).toBe('dashly');
    expect(classify(request('/hook', [['User-Agent', 'Carrotquest Webhook 1.0']], '')).id).toBe('dashly');
    expect(classify(request('/hook', FORM, DASHLY_DOC_LEAD_BODY)).id).toBe('dashly');
    expect(classify(request('/hook', FORM, 'conversation=x&other=1')).id).toBe('other');
  });

  it('recognises Kindly by signature header or payload shape', () => {
    expect(classify(request('/hook', [['Kindly-HMAC', 'abc']], '')).id).toBe('kindly');
    expect(classify(request('/hook', JSON_TYPE, JSON.stringify(KINDLY_TEXT_REQUEST))).id).toBe('kindly');
    expect(classify(request('/hook', JSON_TYPE, '{"chat_id":"x"}')).id).toBe('other');
  });
});

describe('Dashly parsing', () => {
  it('parses the documented lead message into one normalized message', () => {
    const { provider, result } = classifyAndParse(request('/dashly', FORM, DASHLY_DOC_LEAD_BODY));
    expect(provider).toBe('dashly');
    expect(result.error).toBeNull();
    expect(result.parsedAs).toBe('form');
    expect(result.conversationKey).toBe('64558819');
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message).toMatchObject({
      provider: 'dashly',
      conversationKey: '64558819',
      direction: 'to_operator',
      author: { kind: 'user', id: '85648207', name: null },
      text: 'ewfwfwef',
      at: 1492604036000,
      kind: 'reply_user',
    });
    expect(message?.meta).toMatchObject({
      partId: '78183798',
      randomId: '132466821',
      conversationClosed: false,
    });
  });

  it('keeps ids above 2^53 exact as strings', () => {
    const json = JSON.stringify(dashlyPart()).replace(
      '"conversation":64558819',
      '"conversation":18446744073709551615',
    );
    const withBigPart = json.replace('"id":78183798', '"id":9007199254740993');
    const { result } = classifyAndParse(request('/dashly', FORM, dashlyForm(withBigPart)));
    expect(result.error).toBeNull();
    expect(result.conversationKey).toBe('18446744073709551615');
    expect(result.messages[0]?.meta.partId).toBe('9007199254740993');
  });

  it('reads an operator part with an Admin object as author', () => {
    const part = dashlyPart({
      type: 'reply_admin',
      direction: 'a2u',
      body: 'Hi! How can I help?',
      from: { type: 'admin', id: 111, name: 'inkov' },
    });
    const { result } = classifyAndParse(request('/dashly', FORM, dashlyForm(JSON.stringify(part))));
    expect(result.messages[0]).toMatchObject({
      direction: 'to_user',
      author: { kind: 'admin', id: '111', name: 'inkov' },
      kind: 'reply_admin',
    });
  });

  it('describes system parts that have no body', () => {
    const part = dashlyPart({
      type: 'tag_added',
      body: '',
      tag: 'vip',
      from: { type: 'admin', id: 5, name: 'Ann' },
    });
    const { result } = classifyAndParse(request('/dashly', FORM, dashlyForm(JSON.stringify(part))));
    expect(result.messages[0]?.text).toBe('tag added: vip');
    expect(result.messages[0]?.meta.system).toBe(true);
    expect(result.summary).toBe('(tag added: vip)');
  });

  it('flags malformed conversation JSON but keeps going', () => {
    const { provider, result } = classifyAndParse(
      request('/dashly', FORM, dashlyForm('{"type": "reply_user", ')),
    );
    expect(provider).toBe('dashly');
    expect(result.messages).toEqual([]);
    expect(result.error).toMatch(/not valid JSON/u);
  });

  it('parses a form body sent with the wrong content type', () => {
    const { result } = classifyAndParse(
      request('/dashly', [['Content-Type', 'text/plain']], DASHLY_DOC_LEAD_BODY),
    );
    expect(result.error).toBeNull();
    expect(result.messages[0]?.text).toBe('ewfwfwef');
  });

  it('reads a base64-encoded body', () => {
    const body = Buffer.from(DASHLY_DOC_LEAD_BODY).toString('base64');
    const { result } = classifyAndParse(request('/dashly', FORM, body));
    expect(result.error).toBeNull();
    expect(result.parsedAs).toBe('base64+form');
    expect(result.messages[0]?.text).toBe('ewfwfwef');
  });

  it('flags an empty body and a binary body', () => {
    expect(classifyAndParse(request('/dashly', FORM, '')).result.error).toMatch(/empty/u);
    const binary = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x00, 0x01]);
    expect(classifyAndParse(request('/dashly', FORM, binary)).result.error).toMatch(/not UTF-8/u);
  });
});

describe('Kindly parsing', () => {
  it('parses the documented request', () => {
    const { provider, result } = classifyAndParse(
      request('/kindly', JSON_TYPE, JSON.stringify(KINDLY_TEXT_REQUEST)),
    );
    expect(provider).toBe('kindly');
    expect(result.error).toBeNull();
    expect(result.conversationKey).toBe(KINDLY_TEXT_REQUEST.chat_id);
    expect(result.messages[0]).toMatchObject({
      direction: 'to_operator',
      author: { kind: 'user', id: 'u-7c41e0d2' },
      text: 'When are you open on Saturday?',
    });
    expect(result.messages[0]?.meta).toMatchObject({
      context: { store: 'oslo-sentrum' },
      languageCode: 'en',
    });
  });

  it('flags JSON that is not a Kindly payload, and non-JSON', () => {
    expect(classifyAndParse(request('/kindly', JSON_TYPE, '{"hello":1}')).result.error).toMatch(/chat_id/u);
    expect(classifyAndParse(request('/kindly', JSON_TYPE, 'not json')).result.error).toMatch(
      /not valid JSON/u,
    );
    expect(classifyAndParse(request('/kindly', JSON_TYPE, '[1,2]')).result.error).toMatch(/not an object/u);
  });
});

describe('other requests', () => {
  it('summarises binary bodies without parsing them', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]);
    const { provider, result } = classifyAndParse(
      request('/upload', [['Content-Type', 'image/png']], binary),
    );
    expect(provider).toBe('other');
    expect(result.error).toBeNull();
    expect(result.summary).toMatch(/^binary · image\/png/u);
  });
});
