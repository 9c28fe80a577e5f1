import { describe, expect, it } from 'vitest';
import { Rule, type RuleInput } from '../../../shared/model/endpoint.js';
import { dictionaryRules } from '../../../shared/responders/dictionary-preset.js';
import { rulesProblems } from '../../../shared/responders/rule-validation.js';
import { classifyAndParse } from '../../../electron/core/providers/registry.js';
import type { ReceivedRequest } from '../../../electron/core/providers/provider.js';
import { clampDotSegments, forwardTarget } from '../../../electron/core/responders/forwarder.js';
import { buildRequestView, payloadDocument } from '../../../electron/core/responders/request-view.js';
import {
  compileRule,
  evaluateRule,
  firstMatchingRule,
  looseJsonEqual,
  wildcardMatch,
} from '../../../electron/core/responders/rule-matcher.js';
import { DASHLY_HEADERS, dashlyForm, dashlyPart } from '../../fixtures/dashly.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

function view(path: string, body: string, headers: [string, string][] = [], method = 'POST') {
  const queryIndex = path.indexOf('?');
  const request: ReceivedRequest = {
    method,
    path,
    pathname: queryIndex === -1 ? path : path.slice(0, queryIndex),
    headers,
    body: Buffer.from(body),
    complete: true,
    receivedAt: 0,
  };
  const { provider, result } = classifyAndParse(request);
  return buildRequestView({
    method,
    path,
    headers,
    body: request.body,
    provider,
    conversationKey: result.conversationKey,
    messages: result.messages,
  });
}

const kindlyView = (message: string, extra: Record<string, unknown> = {}) =>
  view('/kindly', JSON.stringify({ ...KINDLY_TEXT_REQUEST, message, ...extra }), [
    ['Content-Type', 'application/json'],
  ]);

function rules(...inputs: RuleInput[]) {
  return inputs.map((input, index) => compileRule(Rule.parse(input), index));
}

describe('request view', () => {
  it('exposes Kindly and Dashly payloads the same way', () => {
    const kindly = kindlyView('hello');
    expect(kindly.messageText).toBe('hello');
    expect(kindly.scope(['chat_id'])).toEqual({ found: true, value: KINDLY_TEXT_REQUEST.chat_id });

    const big = '18446744073709551615';
    const dashly = view(
      '/dashly',
      dashlyForm(JSON.stringify(dashlyPart({ body: 'Привет' })).replace('64558819', big)),
      Object.entries(DASHLY_HEADERS),
    );
    expect(dashly.messageText).toBe('Привет');
    expect(dashly.scope(['conversation', 'body'])).toEqual({ found: true, value: 'Привет' });
    expect(dashly.scope(['chat_id'])).toEqual({ found: true, value: big });
    expect(dashly.scope(['conversation', 'conversation'])).toEqual({ found: true, value: big });
    expect(dashly.scope(['user_id'])).toEqual({ found: true, value: '85648207' });
    expect(dashly.scope(['$headers', 'user-agent'])).toEqual({ found: true, value: 'Dashly Webhook 1.0' });
  });

  it('builds a document from JSON, forms (repeated fields as lists) and base64 forms; none from binary', () => {
    expect(payloadDocument(Buffer.from('[1,2]'))).toEqual([1, 2]);
    expect(payloadDocument(Buffer.from('a=1&a=2&b={"c":3}'))).toEqual({ a: ['1', '2'], b: { c: 3 } });
    expect(payloadDocument(Buffer.from(Buffer.from('x=1&y=2').toString('base64')))).toEqual({
      x: '1',
      y: '2',
    });
    expect(payloadDocument(Buffer.from([0, 1, 2, 255]))).toBeUndefined();
    expect(payloadDocument(Buffer.from('{broken'))).toBeUndefined();
  });
});

describe('rule matching', () => {
  it('picks the first enabled match in order', () => {
    const list = rules(
      { enabled: false, match: { text: 'open' }, response: { body: 'disabled' } },
      { match: { text: 'open' }, response: { body: 'first' } },
      { match: {}, response: { body: 'catch-all' } },
    );
    expect(firstMatchingRule(list, kindlyView('are you open'))?.index).toBe(1);
    expect(firstMatchingRule(list, kindlyView('bye'))?.index).toBe(2);
    expect(firstMatchingRule(list.slice(0, 2), kindlyView('bye'))).toBeNull();
  });

  it('never treats literal text as a regex', () => {
    const [literal] = rules({ match: { text: '.*' }, response: { body: '' } });
    expect(firstMatchingRule([literal!], kindlyView('anything'))).toBeNull();
    expect(firstMatchingRule([literal!], kindlyView('a .* b'))).not.toBeNull();
    const [hostile] = rules({ match: { text: '(a+)+$' }, response: { body: '' } });
    expect(firstMatchingRule([hostile!], kindlyView(`${'a'.repeat(30_000)}!`))).toBeNull();
  });

  it('applies caseInsensitive to text, textEquals, regexes and header values', () => {
    const [rule] = rules({
      match: {
        text: 'SATURDAY',
        textRegex: 'open\\s+ON',
        textEquals: 'WHEN ARE YOU OPEN ON SATURDAY?',
        header: { name: 'X-Kind', value: 'TEST' },
        bodyRegex: 'CHAT_ID',
        caseInsensitive: true,
      },
      response: { body: '' },
    });
    const withHeader = view('/kindly', JSON.stringify(KINDLY_TEXT_REQUEST), [['x-kind', 'test']]);
    expect(evaluateRule(rule!, withHeader).map((c) => [c.condition, c.matched])).toEqual([
      ['header', true],
      ['bodyRegex', true],
      ['text', true],
      ['textEquals', true],
      ['textRegex', true],
    ]);
    const [sensitive] = rules({ match: { text: 'SATURDAY' }, response: { body: '' } });
    expect(evaluateRule(sensitive!, withHeader)[0]).toMatchObject({
      matched: false,
      actual: KINDLY_TEXT_REQUEST.message,
    });
  });

  it('matches JSON paths by value (numbers and their digit strings alike) or by presence', () => {
    const v = kindlyView('x', { bot_id: 1234, context: { tier: 'gold', n: null } });
    const outcome = (match: RuleInput['match']) =>
      evaluateRule(rules({ match, response: { body: '' } })[0]!, v)[0]!.matched;
    expect(outcome({ jsonPath: { path: 'context.tier', equals: 'gold' } })).toBe(true);
    expect(outcome({ jsonPath: { path: '$.context.tier', equals: 'silver' } })).toBe(false);
    expect(outcome({ jsonPath: { path: 'bot_id', equals: '1234' } })).toBe(true);
    expect(outcome({ jsonPath: { path: 'context', equals: { tier: 'gold', n: null } } })).toBe(true);
    expect(outcome({ jsonPath: { path: 'context.n', equals: null } })).toBe(true);
    expect(outcome({ jsonPath: { path: 'context.tier' } })).toBe(true);
    expect(outcome({ jsonPath: { path: 'context.missing' } })).toBe(false);
    expect(outcome({ jsonPath: { path: 'exchange.language_code', equals: 'en' } })).toBe(true);
    expect(looseJsonEqual([1, '2'], ['1', 2])).toBe(true);
    expect(looseJsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });

  it('matches method and wildcard paths, linearly even on hostile paths', () => {
    const v = view('/hooks/v1/orders?x=1', '{}', [], 'put');
    const [rule] = rules({ match: { method: 'PUT', path: '/hooks/*/orders' }, response: { body: '' } });
    expect(firstMatchingRule([rule!], v)).not.toBeNull();
    expect(wildcardMatch('/a/*', '/a/b/c')).toBe(true);
    expect(wildcardMatch('/a/*/c', '/a/b/d')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('/exact', '/exact/')).toBe(false);
    expect(wildcardMatch(`${'*a'.repeat(200)}b`, 'a'.repeat(5000))).toBe(false);
  });

  it('reports regex conditions that only saw part of a long input', () => {
    const [rule] = rules({ match: { bodyRegex: 'zzz' }, response: { body: '' } });
    const long = view('/x', `${'x'.repeat(100_000)}zzz`);
    expect(evaluateRule(rule!, long)[0]).toMatchObject({ matched: false, inputTruncated: true });
  });
});

describe('save-time validation and presets', () => {
  it('names each bad field', () => {
    const problems = rulesProblems(
      [
        Rule.parse({ match: { textRegex: '(?<!x)y', method: 'PO ST' }, response: { body: '{{a..b}}' } }),
        Rule.parse({ match: { path: 'no-slash', jsonPath: { path: 'a[' } }, response: { body: {} } }),
      ].map((rule) => rule),
    );
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      'rules.0.match.method',
      'rules.0.match.textRegex',
      'rules.0.response.body',
      'rules.1.match.jsonPath.path',
      'rules.1.match.path',
    ]);
  });

  it('turns the Dashly dictionary into literal, case-insensitive rules', () => {
    const list = dictionaryRules([
      { phrase: 'Hello, how are you', answer: 'Hey, great!' },
      { phrase: 'price (USD)?', answer: 'It is $5' },
    ]);
    expect(list[0]).toMatchObject({
      enabled: true,
      match: { text: 'Hello, how are you', caseInsensitive: true },
      response: { status: 200, body: { reply: 'Hey, great!' } },
    });
    expect(rulesProblems(list)).toEqual([]);
    const compiled = list.map((rule, index) => compileRule(rule, index));
    expect(firstMatchingRule(compiled, kindlyView('hello, HOW ARE YOU today?'))?.index).toBe(0);
    expect(firstMatchingRule(compiled, kindlyView('what is the price (usd)?'))?.index).toBe(1);
    expect(firstMatchingRule(compiled, kindlyView('what is the price'))).toBeNull();
    expect(dictionaryRules([{ phrase: 'a', answer: 'b' }], 'text')[0]!.response.body).toBe('b');
  });
});

describe('forward target', () => {
  it('appends the path after the prefix and keeps both queries as sent', () => {
    const url = (target: string, prefix: string, path: string) => forwardTarget(target, prefix, path).url;
    expect(url('http://localhost:3000/webhook', '/kindly', '/kindly')).toBe('http://localhost:3000/webhook');
    expect(url('http://localhost:3000/webhook', '/kindly', '/kindly/a/b?x=%20y')).toBe(
      'http://localhost:3000/webhook/a/b?x=%20y',
    );
    expect(url('http://localhost:3000/webhook/', '/kindly', '/kindly/')).toBe(
      'http://localhost:3000/webhook/',
    );
    expect(url('http://localhost:3000', '/kindly', '/kindly/a')).toBe('http://localhost:3000/a');
    expect(url('http://localhost:3000/h?k=1', '/kindly', '/kindly?x=2')).toBe(
      'http://localhost:3000/h?k=1&x=2',
    );
    expect(url('http://localhost:3000/h', '/', '/any/path?q')).toBe('http://localhost:3000/h/any/path?q');
    expect(url('http://localhost:3000/h', '/kindly', '/kindly/a//b')).toBe('http://localhost:3000/h/a//b');
  });

  it('keeps a public sender below the target path: dot segments cannot climb out', () => {
    const url = (path: string) => forwardTarget('http://localhost:3000/webhook', '/kindly', path).url;
    expect(url('/kindly/../admin')).toBe('http://localhost:3000/webhook/admin');
    expect(url('/kindly/a/../../../../etc/passwd?x=1')).toBe('http://localhost:3000/webhook/etc/passwd?x=1');
    expect(url('/kindly/%2e%2E/admin')).toBe('http://localhost:3000/webhook/admin');
    expect(url('/kindly/a/./b/..')).toBe('http://localhost:3000/webhook/a/');
    expect(clampDotSegments('/a..b/.c')).toBe('/a..b/.c');
  });
});
