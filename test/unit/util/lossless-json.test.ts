import fc from 'fast-check';
import { isInteger, isSafeNumber, parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../../electron/core/util/lossless-json.js';

/** The slow path on its own: what every text must parse to, whichever parser takes it. */
function reference(text: string): unknown {
  return parse(text, null, {
    parseNumber: (value: string) => (isInteger(value) && !isSafeNumber(value) ? value : Number(value)),
    onDuplicateKey: ({ newValue }) => newValue,
  });
}

/** JSON texts with 64-bit integers spliced in raw, as Dashly sends ids. */
const bigInteger = fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String);
const jsonWithBigIntegers = fc
  .tuple(fc.json(), fc.array(bigInteger, { maxLength: 3 }))
  .map(([text, ids]) => (ids.length === 0 ? text : `{"ids":[${ids.join(',')}],"rest":${text}}`));

describe('parseJsonLossless', () => {
  it('keeps integers above 2^53 exact, as strings', () => {
    expect(parseJsonLossless('{"id":18446744073709551615,"n":9007199254740991}')).toEqual({
      id: '18446744073709551615',
      n: 9007199254740991,
    });
    expect(parseJsonLossless('[9007199254740993, -9007199254740993, 1.5e300]')).toEqual([
      '9007199254740993',
      '-9007199254740993',
      1.5e300,
    ]);
  });

  it('treats a 16-digit run inside a string as text, and a repeated key keeps its last value', () => {
    expect(parseJsonLossless('{"phone":"1234567890123456789","a":1,"a":2}')).toEqual({
      phone: '1234567890123456789',
      a: 2,
    });
    expect(parseJsonLossless('{"a":{"b":1},"a":{"b":2},"id":12345678901234567890}')).toEqual({
      a: { b: 2 },
      id: '12345678901234567890',
    });
  });

  it('words errors the same on both paths', () => {
    expect(() => parseJsonLossless('{"a":1,}')).toThrow(/position 7/u);
    expect(() => parseJsonLossless('{"id":12345678901234567890,}')).toThrow(/position 27/u);
  });

  it('agrees with the lossless parser on any JSON text', () => {
    fc.assert(
      fc.property(jsonWithBigIntegers, (text) => {
        expect(parseJsonLossless(text)).toStrictEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects whatever the lossless parser rejects', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let expected: unknown;
        try {
          expected = { value: reference(text) };
        } catch (error) {
          expected = { error: (error as Error).message };
        }
        let actual: unknown;
        try {
          actual = { value: parseJsonLossless(text) };
        } catch (error) {
          actual = { error: (error as Error).message };
        }
        expect(actual).toStrictEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
