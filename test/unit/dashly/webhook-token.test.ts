import { describe, expect, it } from 'vitest';
import { checkWebhookToken, tokensMatch } from '../../../electron/core/providers/dashly/webhook-token.js';
import { DASHLY_DOC_LEAD_BODY } from '../../fixtures/dashly.js';

describe('Dashly webhook token check', () => {
  it('reports ok, mismatch, missing and not-configured', () => {
    const body = Buffer.from(DASHLY_DOC_LEAD_BODY); // carries token=xxx
    expect(checkWebhookToken(body, 'xxx')).toBe('ok');
    expect(checkWebhookToken(body, 'xxy')).toBe('mismatch');
    expect(checkWebhookToken(body, 'xxxx')).toBe('mismatch');
    expect(checkWebhookToken(body, null)).toBe('not-configured');
    expect(checkWebhookToken(Buffer.from('conversation=%7B%7D&type=conversation'), 'xxx')).toBe('missing');
    expect(checkWebhookToken(Buffer.from('conversation=%7B%7D&token='), 'xxx')).toBe('missing');
    expect(checkWebhookToken(Buffer.from([0xff, 0x00, 0x01]), 'xxx')).toBe('missing');
  });

  it('finds the token inside a base64-encoded body too', () => {
    const encoded = Buffer.from(Buffer.from(DASHLY_DOC_LEAD_BODY).toString('base64'));
    expect(checkWebhookToken(encoded, 'xxx')).toBe('ok');
  });

  it('compares tokens of any length', () => {
    expect(tokensMatch('a', 'a')).toBe(true);
    expect(tokensMatch('a', 'a'.repeat(1000))).toBe(false);
    expect(tokensMatch('', 'a')).toBe(false);
  });
});
