import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDashly, readForm } from '../../../electron/core/providers/dashly/parse.js';
import { checkWebhookToken, tokensMatch } from '../../../electron/core/providers/dashly/webhook-token.js';
import { parseKindly } from '../../../electron/core/providers/kindly/parse.js';
import { classifyAndParse } from '../../../electron/core/providers/registry.js';
import type { ParseResult } from '../../../electron/core/providers/provider.js';
import { decodeText } from '../../../electron/core/util/text.js';
import { dashlyPart } from '../../fixtures/dashly.js';
import { anyBytes, hostileJson, hostileText, mutate, request } from './arbitraries.js';

const RUNS = { numRuns: 400 };

/** Every parse either succeeds (messages, a conversation, a decoding) or says why it did not. */
function wellFormed(result: ParseResult): void {
  expect(typeof result.summary).toBe('string');
  expect(typeof result.searchText).toBe('string');
  if (result.error === null) {
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.conversationKey).not.toBeNull();
    expect(result.parsedAs).not.toBeNull();
    for (const message of result.messages) {
      expect(typeof message.text).toBe('string');
      expect(Number.isFinite(message.at)).toBe(true);
      expect(message.conversationKey).toBe(result.conversationKey);
    }
  } else {
    expect(result.error.length).toBeGreaterThan(0);
    expect(result.messages).toEqual([]);
  }
}

/** A ConversationPart with hostile values in every field the parser reads. */
const dashlyParts = fc.record({
  conversation: fc.oneof(
    fc.bigInt({ min: 1n, max: 2n ** 64n }).map((n) => n.toString()),
    fc.integer({ min: 1 }),
    hostileJson,
  ),
  type: fc.oneof(
    fc.constantFrom('reply_user', 'reply_admin', 'note', 'closed', 'assigned', 'tag_added'),
    hostileJson,
  ),
  body: fc.oneof(hostileText, hostileJson),
  from: hostileJson,
  created: fc.oneof(fc.double(), fc.integer(), hostileJson),
  assignee: hostileJson,
  conversation_tags: hostileJson,
  random_id: hostileJson,
  direction: hostileJson,
});

/** The encodings Dashly (or its variants) may use: docs/dashly.md §1. */
function encodings(part: Record<string, unknown>): string[] {
  const json = JSON.stringify(part);
  const form = (conversation: string) =>
    new URLSearchParams({ conversation, type: 'conversation', token: 't' }).toString();
  return [
    form(json),
    Buffer.from(form(json)).toString('base64'),
    Buffer.from(form(json)).toString('base64url'),
    form(Buffer.from(json).toString('base64')),
    form(
      Buffer.from(json)
        .toString('base64')
        .replace(/(.{60})/gu, '$1\n'),
    ),
  ];
}

describe('Dashly webhook parsing never throws (property)', () => {
  it('any bytes', () => {
    fc.assert(
      fc.property(anyBytes, fc.boolean(), (body, complete) => {
        wellFormed(parseDashly(request(body, { path: '/dashly', pathname: '/dashly', complete })));
      }),
      RUNS,
    );
  });

  it('any text, and form bodies with any `conversation` field', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (text, field) => {
        wellFormed(parseDashly(request(text)));
        wellFormed(parseDashly(request(new URLSearchParams({ conversation: field, type: 'x' }).toString())));
        expect(() => readForm(text)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('hostile ConversationParts in every encoding; a numeric or string id is always read back exactly', () => {
    fc.assert(
      fc.property(dashlyParts, (fields) => {
        const part = { ...dashlyPart(), ...fields };
        for (const body of encodings(part)) {
          const result = parseDashly(request(body));
          wellFormed(result);
          const id = fields.conversation;
          // JSON has no Infinity/NaN: JSON.stringify writes them as null, which is "no id".
          if ((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id))) {
            expect(result.error).toBeNull();
            expect(result.conversationKey).toBe(String(id));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('64-bit ids written as raw JSON numbers stay exact', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }), (id) => {
        const json = JSON.stringify(dashlyPart()).replace('"conversation":64558819', `"conversation":${id}`);
        const result = parseDashly(request(new URLSearchParams({ conversation: json }).toString()));
        expect(result.conversationKey).toBe(id.toString());
      }),
    );
  });

  it('near-misses of a real webhook (cut, spliced, shortened)', () => {
    const real = encodings(dashlyPart());
    fc.assert(
      fc.property(fc.constantFrom(...real).chain(mutate), (body) => {
        wellFormed(parseDashly(request(body)));
      }),
      RUNS,
    );
  });

  it('webhook token checks take any body and any expected token', () => {
    fc.assert(
      fc.property(anyBytes, fc.option(hostileText), hostileText, hostileText, (body, expected, a, b) => {
        expect(['ok', 'mismatch', 'missing', 'not-configured']).toContain(checkWebhookToken(body, expected));
        expect(tokensMatch(a, b)).toBe(a === b);
      }),
      RUNS,
    );
  });
});

describe('Kindly webhook parsing never throws (property)', () => {
  it('any bytes and any text', () => {
    fc.assert(
      fc.property(anyBytes, hostileText, fc.boolean(), (body, text, complete) => {
        wellFormed(parseKindly(request(body, { complete })));
        wellFormed(parseKindly(request(text)));
      }),
      RUNS,
    );
  });

  it('any JSON value; an object with a string or numeric chat_id is parsed with that conversation', () => {
    fc.assert(
      fc.property(hostileJson, fc.oneof(hostileText, fc.integer(), hostileJson), (extra, chatId) => {
        wellFormed(parseKindly(request(JSON.stringify(extra) ?? 'null')));
        const payload = {
          ...(typeof extra === 'object' && extra && !Array.isArray(extra) ? extra : {}),
          chat_id: chatId,
        };
        const result = parseKindly(request(JSON.stringify(payload)));
        wellFormed(result);
        // JSON has no Infinity or NaN: those arrive as null.
        if (
          (typeof chatId === 'string' && chatId !== '') ||
          (typeof chatId === 'number' && Number.isFinite(chatId))
        ) {
          expect(result.conversationKey).toBe(String(chatId));
        }
      }),
      RUNS,
    );
  });

  it('near-misses of a real webhook', () => {
    const real = JSON.stringify({
      chat_id: 'c1',
      bot_id: 1,
      message: 'hi',
      exchange: { exchange_id: 'e' },
      _links: { chat: 'x' },
    });
    fc.assert(
      fc.property(mutate(real), (body) => wellFormed(parseKindly(request(body)))),
      RUNS,
    );
  });
});

describe('classification and text decoding (property)', () => {
  it('classifyAndParse takes any method, path, headers and body', () => {
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        fc.array(fc.tuple(hostileText, hostileText), { maxLength: 8 }),
        anyBytes,
        (method, path, headers, body) => {
          const { provider, result } = classifyAndParse(
            request(body, { method, path, pathname: path, headers }),
          );
          expect(['dashly', 'kindly', 'other']).toContain(provider);
          expect(typeof result.summary).toBe('string');
        },
      ),
      RUNS,
    );
  });

  it('decoding a long body cut inside a character does not leak into the next decode', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
        fc.nat({ max: 3 }),
        (next, shift) => {
          // 64 KiB cut falls inside a 4-byte character.
          const long = Buffer.from(`${'a'.repeat(64 * 1024 - 2 - shift)}😀😀`);
          decodeText(long, 64 * 1024);
          expect(decodeText(Buffer.from(next))).toBe(next);
        },
      ),
      { numRuns: 50 },
    );
  });
});
