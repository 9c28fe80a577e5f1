import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactJsonMembers } from '../../../electron/core/replay/redact-json.js';
import { REDACTED, redactRequest } from '../../../electron/core/replay/redact.js';

const names = new Set(['token', 'api_key', 'password']);

function redact(text: string, only: ReadonlySet<string> = names): { text: string | null; found: string[] } {
  const found: string[] = [];
  return { text: redactJsonMembers(text, only, REDACTED, found), found };
}

/** The reference: the parsed value with every matching member's value replaced. */
function redactedValue(value: unknown, only: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => redactedValue(item, only));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        only.has(key.toLowerCase()) ? REDACTED : redactedValue(item, only),
      ]),
    );
  return value;
}

describe('redactJsonMembers', () => {
  it('replaces matching members at any depth and keeps every other byte', () => {
    const text =
      '{\n  "id": 12345678901234567890,\n  "Token" : "abc\\"def",\n  "user": {"name": "Æsa", "API_KEY": 42},\n' +
      '  "list": [ {"password": null}, {"keep": "token"} ],\n  "pi": 3.14e+0\n}';
    const result = redact(text);
    expect(result.text).toBe(
      '{\n  "id": 12345678901234567890,\n  "Token" : "[REDACTED]",\n  "user": {"name": "Æsa", "API_KEY": "[REDACTED]"},\n' +
        '  "list": [ {"password": "[REDACTED]"}, {"keep": "token"} ],\n  "pi": 3.14e+0\n}',
    );
    expect(result.found).toEqual(['json:Token', 'json:API_KEY', 'json:password']);
  });

  it('replaces an object or array value whole and ignores names inside it', () => {
    const result = redact('{"token": {"password": "x", "a": [1, {"token": 2}]}, "b": [true, false]}');
    expect(result.text).toBe('{"token": "[REDACTED]", "b": [true, false]}');
    expect(result.found).toEqual(['json:token']);
    expect(redact('[{"api_key":[1,2,3]},{"api_key":[]}]').text).toBe(
      '[{"api_key":"[REDACTED]"},{"api_key":"[REDACTED]"}]',
    );
  });

  it('matches names written with escapes, and only names, never values', () => {
    expect(redact('{"tok\\u0065n": "s3cret"}').text).toBe('{"tok\\u0065n": "[REDACTED]"}');
    expect(redact('{"a": "token", "b": ["password"]}').text).toBeNull();
    // Commas, colons and brackets inside strings are text, not structure.
    expect(redact('{"a": "x,\\"token\\":[", "token": "y"}').text).toBe(
      '{"a": "x,\\"token\\":[", "token": "[REDACTED]"}',
    );
  });

  it('leaves invalid JSON, scalars and bodies without a match alone', () => {
    expect(redact('{"token": "x"').text).toBeNull();
    expect(redact('{token: "x"}').text).toBeNull();
    expect(redact('"token"').text).toBeNull();
    expect(redact('{"other": 1}').text).toBeNull();
    expect(redact('{"token": 1}', new Set()).text).toBeNull();
  });

  it('copes with nesting deeper than any recursion would', () => {
    const depth = 200_000;
    const text = `{"token": ${'['.repeat(depth)}${']'.repeat(depth)}, "deep": ${'['.repeat(depth)}{"api_key": 1}${']'.repeat(depth)}}`;
    const result = redact(text);
    expect(result.text).toBe(
      `{"token": "[REDACTED]", "deep": ${'['.repeat(depth)}{"api_key": "[REDACTED]"}${']'.repeat(depth)}}`,
    );
  });

  it('agrees with redacting the parsed value, for any JSON', () => {
    const keys = fc.constantFrom('token', 'TOKEN', 'api_key', 'name', 'id', 'a,b', 'x"y', 'ŧøķ');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(
          fc.string(),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.boolean(),
          fc.constant(null),
        ),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(keys, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), (parsed, indent) => {
        const text = JSON.stringify(parsed, null, indent);
        const result = redact(text);
        const expected = redactedValue(parsed, names);
        if (result.text === null) expect(JSON.stringify(expected)).toBe(JSON.stringify(parsed));
        else expect(JSON.parse(result.text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('redactRequest with a JSON body', () => {
  it('redacts the members, notes them and fixes Content-Length', () => {
    const body = Buffer.from('{"message": {"text": "hi"}, "token": "abcdef"}');
    const result = redactRequest(
      {
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Length', String(body.length)],
        ],
        path: '/kindly?token=q',
        body,
      },
      names,
    );
    const redactedBody = '{"message": {"text": "hi"}, "token": "[REDACTED]"}';
    expect(result.body.toString()).toBe(redactedBody);
    expect(result.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Content-Length', String(Buffer.byteLength(redactedBody))],
    ]);
    expect(result.path).toBe('/kindly?token=%5BREDACTED%5D');
    expect(result.redacted).toEqual(['query:token', 'json:token']);
  });
});
