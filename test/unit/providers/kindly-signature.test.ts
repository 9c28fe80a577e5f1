import { describe, expect, it } from 'vitest';
import {
  kindlySignature,
  resignKindlyHeaders,
  signaturesEqual,
  verifyKindlySignature,
} from '../../../electron/core/providers/kindly/signature.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

const ALGORITHM: [string, string] = ['Kindly-HMAC-algorithm', 'HMAC-SHA-256 (base64 encoded)'];

describe('Kindly-HMAC', () => {
  it('matches the test vector in Kindly’s documentation', () => {
    expect(kindlySignature('{"foo":1,"bar":2}', 'examplekey')).toBe(
      'uEeD0Q7eW9btdx6LFvvlpwkzQBWdbknsQkg1C27Cx7Q=',
    );
    expect(kindlySignature(Buffer.from('{"foo":1,"bar":2}'), 'examplekey')).toBe(
      'uEeD0Q7eW9btdx6LFvvlpwkzQBWdbknsQkg1C27Cx7Q=',
    );
  });

  it('matches the §5.1 vector over the exact compact serialization', () => {
    const body = Buffer.from(JSON.stringify(KINDLY_TEXT_REQUEST));
    expect(body.length).toBe(519);
    expect(kindlySignature(body, 'examplekey')).toBe('yR4BerAN/nxabn8z8XgOtZstAfGwHAnwLk/ufBc76zM=');
  });

  it('signs the raw bytes: the same JSON with other spacing does not verify', () => {
    const compact = Buffer.from('{"foo":1,"bar":2}');
    const spaced = Buffer.from('{"foo": 1, "bar": 2}');
    const headers: [string, string][] = [ALGORITHM, ['Kindly-HMAC', kindlySignature(compact, 'examplekey')]];
    expect(verifyKindlySignature({ headers, body: compact }, 'examplekey').signature).toBe('verified');
    expect(verifyKindlySignature({ headers, body: spaced }, 'examplekey').signature).toBe('mismatch');
  });

  it('reports unsigned, no-secret, mismatch and verified', () => {
    const body = Buffer.from('{"foo":1,"bar":2}');
    const signed: [string, string][] = [
      ALGORITHM,
      ['kindly-hmac', 'uEeD0Q7eW9btdx6LFvvlpwkzQBWdbknsQkg1C27Cx7Q='],
    ];
    expect(verifyKindlySignature({ headers: [ALGORITHM], body }, 'examplekey')).toEqual({
      signature: 'unsigned',
      warning: null,
    });
    expect(verifyKindlySignature({ headers: signed, body }, null).signature).toBe('no-secret');
    expect(verifyKindlySignature({ headers: signed, body }, 'otherkey').signature).toBe('mismatch');
    expect(verifyKindlySignature({ headers: signed, body }, 'examplekey')).toEqual({
      signature: 'verified',
      warning: null,
    });
  });

  it('treats a signature of another length as a mismatch without throwing', () => {
    const body = Buffer.from('{}');
    for (const value of ['', 'short', 'x'.repeat(500), 'uEeD0Q7eW9btdx6LFvvlpwkzQBWdbknsQkg1C27Cx7Q=='])
      expect(verifyKindlySignature({ headers: [['Kindly-HMAC', value]], body }, 'examplekey').signature).toBe(
        'mismatch',
      );
    expect(signaturesEqual('abc', 'abcd')).toBe(false);
    expect(signaturesEqual('abc', 'abc')).toBe(true);
  });

  it('flags an unexpected or missing algorithm header', () => {
    const body = Buffer.from('{"foo":1,"bar":2}');
    const signature: [string, string] = ['Kindly-HMAC', 'uEeD0Q7eW9btdx6LFvvlpwkzQBWdbknsQkg1C27Cx7Q='];
    const other = verifyKindlySignature(
      { headers: [['Kindly-HMAC-algorithm', 'HMAC-SHA-512 (base64 encoded)'], signature], body },
      'examplekey',
    );
    expect(other.signature).toBe('verified');
    expect(other.warning).toMatch(/Unexpected Kindly-HMAC-algorithm "HMAC-SHA-512/u);
    expect(verifyKindlySignature({ headers: [signature], body }, 'examplekey').warning).toMatch(
      /no Kindly-HMAC-algorithm header/u,
    );
  });

  it('re-signs an edited body so it verifies, keeping header order and spelling', () => {
    const original = Buffer.from(JSON.stringify(KINDLY_TEXT_REQUEST));
    const headers: [string, string][] = [
      ['Content-Type', 'application/json'],
      ['kindly-hmac', kindlySignature(original, 'examplekey')],
      ALGORITHM,
    ];
    const edited = Buffer.from(JSON.stringify({ ...KINDLY_TEXT_REQUEST, message: 'And on Sunday?' }));
    expect(verifyKindlySignature({ headers, body: edited }, 'examplekey').signature).toBe('mismatch');

    const resigned = resignKindlyHeaders(headers, edited, 'examplekey');
    expect(resigned.map(([name]) => name)).toEqual(['Content-Type', 'kindly-hmac', 'Kindly-HMAC-algorithm']);
    expect(resigned[1]?.[1]).toBe(kindlySignature(edited, 'examplekey'));
    expect(verifyKindlySignature({ headers: resigned, body: edited }, 'examplekey').signature).toBe(
      'verified',
    );
    // The original body with the new signature no longer verifies.
    expect(verifyKindlySignature({ headers: resigned, body: original }, 'examplekey').signature).toBe(
      'mismatch',
    );
  });

  it('adds both headers to an unsigned request', () => {
    const body = '{"foo":1,"bar":2}';
    expect(resignKindlyHeaders([['Content-Type', 'application/json']], body, 'examplekey')).toEqual([
      ['Content-Type', 'application/json'],
      ['Kindly-HMAC', 'uEeD0Q7eW9btdx6LFvvlpwkzQBWdbknsQkg1C27Cx7Q='],
      ['Kindly-HMAC-algorithm', 'HMAC-SHA-256 (base64 encoded)'],
    ]);
  });
});
