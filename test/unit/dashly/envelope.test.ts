import { describe, expect, it } from 'vitest';
import { envelopeError, parseEnvelope } from '../../../electron/core/dashly/envelope.js';

describe('Dashly response envelope', () => {
  it('keeps 64-bit ids exact when the server sends them as numbers', () => {
    const envelope = parseEnvelope(
      '{"meta": {"status": 200}, "data": {"id": 18446744073709551615, "part_group": 345}}',
    );
    expect(envelope).toEqual({
      meta: { status: 200 },
      data: { id: '18446744073709551615', part_group: 345 },
    });
    expect(envelopeError(envelope!)).toBeNull();
  });

  it('reads the documented error fields', () => {
    const envelope = parseEnvelope(
      '{"meta": {"status": 400, "error": "BadRequest", "error_message": "The request could not be understood by the server due to malformed syntax"}, "data": {}}',
    );
    expect(envelopeError(envelope!)).toEqual({
      name: 'BadRequest',
      message: 'The request could not be understood by the server due to malformed syntax',
    });
    expect(envelopeError(parseEnvelope('{"meta":{"status":400,"error":"ReplyTooBig"}}')!)).toEqual({
      name: 'ReplyTooBig',
      message: null,
    });
  });

  it('rejects what is not an envelope', () => {
    expect(parseEnvelope('<html>502 Bad Gateway</html>')).toBeNull();
    expect(parseEnvelope('[1, 2]')).toBeNull();
    expect(parseEnvelope('{"ok": true}')).toBeNull();
    expect(parseEnvelope('{"data": [1]}')).toEqual({ meta: {}, data: [1] });
  });
});
