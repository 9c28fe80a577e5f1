import fc from 'fast-check';
import type { ReceivedRequest } from '../../../electron/core/providers/provider.js';

/** Text that stresses parsers: any code points, lone surrogates, controls and JSON/form syntax. */
export const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        '"',
        ':',
        ',',
        '=',
        '&',
        '%',
        '+',
        '\\',
        '\u0000',
        '\ud800',
        '%7B',
        '%22',
        '1e999',
        '-',
        '.',
        '__proto__',
        'constructor',
        'null',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

/** Any JSON value, including deep nesting, big numbers and hostile keys. */
export const anyJson = fc.jsonValue({ maxDepth: 6 });

/** A JSON value whose objects may carry keys with meaning to JavaScript or to the parsers. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    // Numbers JSON can carry: NaN and ±Infinity do not exist in a payload (JSON.stringify writes null).
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    hostileText,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(
        hostileText,
        fc.constantFrom('__proto__', 'constructor', 'toString', 'chat_id', 'conversation', 'type'),
      ),
      tie('value'),
      { maxKeys: 6 },
    ),
  ),
})).value;

/** Raw bytes, mostly small. */
export const anyBytes = fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes));

export function request(body: Buffer | string, overrides: Partial<ReceivedRequest> = {}): ReceivedRequest {
  return {
    method: 'POST',
    path: '/hook',
    pathname: '/hook',
    headers: [],
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    complete: true,
    receivedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** Cuts, splices or flips part of a valid document, so parsers see near-misses too. */
export function mutate(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: text.length }).map((at) => text.slice(0, at)),
    fc
      .tuple(fc.nat({ max: text.length }), hostileText)
      .map(([at, insert]) => text.slice(0, at) + insert + text.slice(at)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.nat({ max: 20 }))
      .map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
  );
}
