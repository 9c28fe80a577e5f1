import { describe, expect, it } from 'vitest';
import { diffBodies } from '../../../shared/replay/diff/body-diff.js';
import { canonicalNumber, numbersEqual } from '../../../shared/replay/diff/exact-number.js';
import { diffHeaders } from '../../../shared/replay/diff/header-diff.js';
import { diffHttpMessages } from '../../../shared/replay/diff/message-diff.js';
import { DASHLY_DOC_LEAD_BODY } from '../../fixtures/dashly.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const json = (left: string, right: string) => diffBodies({ bytes: bytes(left) }, { bytes: bytes(right) });

describe('diff', () => {
  it('ignores reordered keys and whitespace in JSON', () => {
    const result = json('{"a":1,"b":{"c":[1,2],"d":"x"}}', '{ "b": {"d": "x", "c": [1, 2]}, "a": 1 }');
    expect(result).toMatchObject({ kind: 'json', equal: true, changes: [] });
    expect(result.rows.every((row) => row.status === 'same')).toBe(true);
    // The left side's order is shown on both sides.
    expect(result.rows.map((row) => row.left)).toEqual([
      '{',
      '"a": 1',
      '"b": {',
      '"c": [',
      '1',
      '2',
      ']',
      '"d": "x"',
      '}',
      '}',
    ]);
  });

  it('highlights changed, added and removed values at their paths', () => {
    const result = json(
      '{"message":"hi","context":{"store":"oslo","n":1},"list":[1,2,3]}',
      '{"message":"hello","context":{"store":"oslo","extra":true},"list":[1,2]}',
    );
    expect(result.equal).toBe(false);
    expect(result.changes).toEqual([
      { path: 'message', status: 'changed', left: '"hi"', right: '"hello"' },
      { path: 'context.n', status: 'removed', left: '1', right: null },
      { path: 'context.extra', status: 'added', left: null, right: 'true' },
      { path: 'list[2]', status: 'removed', left: '3', right: null },
    ]);
    const changed = result.rows.find((row) => row.status === 'changed');
    expect(changed).toMatchObject({ left: '"message": "hi"', right: '"message": "hello"', path: 'message' });
    expect(result.rows.find((row) => row.status === 'added')).toMatchObject({
      left: null,
      right: '"extra": true',
    });
  });

  it('compares numbers exactly: 64-bit ids that differ by one differ, 1e2 equals 100', () => {
    expect(json('{"id":18446744073709551615}', '{"id":18446744073709551614}').changes).toEqual([
      { path: 'id', status: 'changed', left: '18446744073709551615', right: '18446744073709551614' },
    ]);
    expect(json('{"id":9007199254740993}', '{"id":9007199254740992}').equal).toBe(false);
    expect(json('{"n":100,"f":1.50,"z":-0}', '{"n":1e2,"f":1.5,"z":0}').equal).toBe(true);
    expect(canonicalNumber('0.00120e3')).toBe(canonicalNumber('1.2'));
    expect(numbersEqual('12', '120e-1')).toBe(true);
    expect(numbersEqual('-1', '1')).toBe(false);
  });

  it('treats a changed type as a change of the whole value', () => {
    const result = json('{"a":{"b":1}}', '{"a":"x"}');
    expect(result.changes).toEqual([{ path: 'a', status: 'changed', left: '{"b":1}', right: '"x"' }]);
    expect(result.rows.filter((row) => row.status === 'removed').map((row) => row.left)).toEqual([
      '"a": {',
      '"b": 1',
      '}',
    ]);
  });

  it('compares form bodies field by field, with Dashly’s conversation field as JSON', () => {
    const edited = DASHLY_DOC_LEAD_BODY.replace('%22ewfwfwef%22', '%22changed%22').replace(
      'token=xxx',
      'token=yyy',
    );
    const result = diffBodies(
      { bytes: bytes(DASHLY_DOC_LEAD_BODY), contentType: 'application/x-www-form-urlencoded' },
      { bytes: bytes(edited), contentType: 'application/x-www-form-urlencoded' },
    );
    expect(result.kind).toBe('form');
    expect(result.changes).toEqual([
      { path: 'conversation.body', status: 'changed', left: '"ewfwfwef"', right: '"changed"' },
      { path: 'token', status: 'changed', left: 'xxx', right: 'yyy' },
    ]);
    expect(result.rows[0]).toMatchObject({ left: 'conversation = {', status: 'same' });
    // Reordered form fields are not a difference; a repeated field pairs by occurrence.
    const reordered = diffBodies({ bytes: bytes('a=1&b=2&a=3') }, { bytes: bytes('b=2&a=1&a=4') });
    expect(reordered.changes).toEqual([{ path: '["a#1"]', status: 'changed', left: '3', right: '4' }]);
  });

  it('diffs other text line by line, pairing replaced lines side by side', () => {
    const result = diffBodies(
      { bytes: bytes('one\ntwo\nthree\n') },
      { bytes: bytes('one\n2\nthree\nfour\n') },
    );
    expect(result.kind).toBe('text');
    expect(result.rows.map((row) => [row.status, row.left, row.right])).toEqual([
      ['same', 'one', 'one'],
      ['changed', 'two', '2'],
      ['same', 'three', 'three'],
      ['added', null, 'four'],
    ]);
    const crlf = diffBodies({ bytes: bytes('a\r\nb') }, { bytes: bytes('a\nb') });
    expect(crlf.rows[0]).toMatchObject({ status: 'changed', left: 'a␍', right: 'a' });
    const mixed = diffBodies({ bytes: bytes('{"a":1}') }, { bytes: bytes('{"a":1') });
    expect(mixed).toMatchObject({
      kind: 'text',
      note: expect.stringMatching(/one side is valid JSON/u) as unknown,
    });
  });

  it('compares binary bodies as bytes and reports where they first differ', () => {
    const result = diffBodies(
      { bytes: new Uint8Array([1, 2, 0, 255]) },
      { bytes: new Uint8Array([1, 2, 0, 254, 9]) },
    );
    expect(result).toMatchObject({
      kind: 'binary',
      equal: false,
      firstDifference: 3,
      leftSize: 4,
      rightSize: 5,
    });
    expect(diffBodies({ bytes: new Uint8Array() }, { bytes: new Uint8Array() })).toMatchObject({
      kind: 'empty',
      equal: true,
    });
  });

  it('compares headers by name in any case, repeated ones by occurrence, and can ignore some', () => {
    const result = diffHeaders(
      [
        ['Content-Type', 'application/json'],
        ['X-Dup', 'a'],
        ['X-Dup', 'b'],
        ['Date', 'Mon'],
      ],
      [
        ['content-type', 'application/json'],
        ['x-dup', 'a'],
        ['Date', 'Tue'],
        ['X-New', '1'],
      ],
      ['DATE'],
    );
    expect(result.rows).toEqual([
      { name: 'Content-Type', status: 'same', left: 'application/json', right: 'application/json' },
      { name: 'X-Dup', status: 'same', left: 'a', right: 'a' },
      { name: 'X-Dup', status: 'removed', left: 'b', right: null },
      { name: 'X-New', status: 'added', left: null, right: '1' },
    ]);
    expect(result.changes).toBe(2);
    expect(result.ignored).toEqual(['date']);
  });

  it('puts start line, headers and body together', () => {
    const diff = diffHttpMessages(
      { startLine: '200', headers: [['A', '1']], body: bytes('{"x":1}') },
      { startLine: '200', headers: [['a', '1']], body: bytes('{"x": 1}') },
    );
    expect(diff.equal).toBe(true);
    const other = diffHttpMessages(
      { startLine: 'POST /a', headers: [], body: bytes('') },
      { startLine: 'PUT /a', headers: [], body: bytes('') },
    );
    expect(other.equal).toBe(false);
    expect(other.startLine).toEqual({ left: 'POST /a', right: 'PUT /a', equal: false });
  });

  it('bounds huge diffs', () => {
    const many = (offset: number) => JSON.stringify(Array.from({ length: 5000 }, (_, i) => i + offset));
    const result = diffBodies(
      { bytes: bytes(many(0)) },
      { bytes: bytes(many(1)) },
      { maxRows: 100, maxChanges: 10 },
    );
    expect(result.truncated).toBe(true);
    expect(result.rows.length).toBeLessThanOrEqual(100);
    expect(result.changes).toHaveLength(10);
    expect(result.equal).toBe(false);
  });
});
