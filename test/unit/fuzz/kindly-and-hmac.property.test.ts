import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildKindlyPreview,
  KindlyPreview,
  KindlyValidation,
  validateKindlyReply,
  validateKindlyReplyText,
} from '../../../shared/kindly/index.js';
import {
  kindlySignature,
  resignKindlyHeaders,
  signaturesEqual,
  verifyKindlySignature,
} from '../../../electron/core/providers/kindly/signature.js';
import { anyBytes, hostileJson, hostileText, mutate } from './arbitraries.js';

const RUNS = { numRuns: 400 };

/** Replies shaped like Kindly's, with hostile values where Kindly expects strings, lists and URLs. */
const replyLike = fc.record(
  {
    reply: fc.oneof(hostileText, hostileJson),
    buttons: fc.array(
      fc.record(
        {
          button_type: fc.oneof(
            fc.constantFrom('quick_reply', 'link', 'email', 'phone', 'dialogue_trigger'),
            hostileJson,
          ),
          label: fc.oneof(hostileText, hostileJson),
          value: fc.oneof(
            fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>x</script>', 'https://x.test/'),
            hostileText,
            hostileJson,
          ),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
    image_carousel: fc.oneof(
      hostileJson,
      fc.array(
        fc.record(
          {
            title: hostileText,
            imageUrl: fc.oneof(hostileText, fc.constant('javascript:x')),
            buttons: hostileJson,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    form: hostileJson,
    new_context: hostileJson,
    labels: hostileJson,
    exchange_id: hostileJson,
    exchange_slug: hostileJson,
    aireply: hostileJson,
  },
  { requiredKeys: [] },
);

describe('Kindly reply validator and preview never throw (property)', () => {
  it('any JSON value validates to a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(hostileJson, replyLike), (value) => {
        const result = validateKindlyReply(value);
        expect(KindlyValidation.safeParse(result).success).toBe(true);
        expect(result.valid).toBe(result.errors.length === 0);
        expect(KindlyPreview.safeParse(buildKindlyPreview(value)).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('any text: not JSON is one root error, JSON is validated', () => {
    const real = JSON.stringify({
      reply: 'Hi',
      buttons: [{ button_type: 'quick_reply', label: 'Yes', value: 'yes' }],
    });
    fc.assert(
      fc.property(fc.oneof(hostileText, mutate(real)), (text) => {
        const { validation } = validateKindlyReplyText(text);
        expect(KindlyValidation.safeParse(validation).success).toBe(true);
        let json = true;
        try {
          JSON.parse(text);
        } catch {
          json = false;
        }
        if (!json) expect(validation.errors.map((issue) => issue.code)).toEqual(['json.syntax']);
      }),
      RUNS,
    );
  });

  it('a preview never offers a link that is not http(s), mailto or tel', () => {
    fc.assert(
      fc.property(replyLike, (value) => {
        const text = JSON.stringify(buildKindlyPreview(value));
        expect(text).not.toMatch(/"href":"(?!https?:|mailto:|tel:)/iu);
      }),
      RUNS,
    );
  });
});

describe('Kindly-HMAC verification (property)', () => {
  const headerNames = fc.constantFrom('Kindly-HMAC', 'kindly-hmac', 'KINDLY-HMAC');

  it('a body signed with the secret verifies; any other body, secret or signature does not', () => {
    fc.assert(
      fc.property(
        anyBytes,
        fc.string({ minLength: 1, maxLength: 64 }),
        headerNames,
        anyBytes,
        (body, secret, name, other) => {
          const signature = kindlySignature(body, secret);
          const headers: [string, string][] = [
            [name, signature],
            ['Kindly-HMAC-algorithm', 'HMAC-SHA-256 (base64 encoded)'],
          ];
          expect(verifyKindlySignature({ headers, body }, secret)).toEqual({
            signature: 'verified',
            warning: null,
          });
          if (!other.equals(body))
            expect(verifyKindlySignature({ headers, body: other }, secret).signature).toBe('mismatch');
          expect(verifyKindlySignature({ headers, body }, `${secret}x`).signature).toBe('mismatch');
          expect(verifyKindlySignature({ headers, body }, null).signature).toBe('no-secret');
        },
      ),
      RUNS,
    );
  });

  it('any header list, any received value and any secret give a result, never an exception', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.oneof(hostileText, headerNames, fc.constant('Kindly-HMAC-algorithm')), hostileText),
          { maxLength: 6 },
        ),
        anyBytes,
        fc.option(hostileText),
        fc.boolean(),
        (headers, body, secret, bodyComplete) => {
          const result = verifyKindlySignature({ headers, body, bodyComplete }, secret);
          expect(['verified', 'mismatch', 'unsigned', 'no-secret']).toContain(result.signature);
          if (secret) {
            const resigned = resignKindlyHeaders(headers, body, secret);
            expect(verifyKindlySignature({ headers: resigned, body }, secret).signature).toBe('verified');
          }
        },
      ),
      RUNS,
    );
  });

  it('signature comparison is plain equality, whatever the lengths and code points', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (a, b) => {
        expect(signaturesEqual(a, b)).toBe(a === b);
        expect(signaturesEqual(a, a)).toBe(true);
      }),
      RUNS,
    );
  });
});
