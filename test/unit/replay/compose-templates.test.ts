import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DashlyComposeFields, KindlyComposeFields } from '../../../shared/model/replay.js';
import { ComposeError, composeDashly, composeKindly } from '../../../shared/replay/compose-templates.js';
import { DASHLY_DOC_LEAD_BODY } from '../../fixtures/dashly.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';

const context = {
  now: 1492604036,
  randomInt: () => 4242,
  uuid: () => '00000000-0000-4000-8000-000000000000',
};

describe('compose templates', () => {
  it('builds the Dashly lead webhook byte for byte as the documentation shows it', () => {
    const fields = DashlyComposeFields.parse({
      body: 'ewfwfwef',
      conversationId: '64558819',
      userId: '85648207',
      partId: '78183798',
      randomId: '132466821',
      created: 1492604036,
    });
    const webhook = composeDashly('lead', fields, 'xxx', context);
    expect(webhook.body).toBe(DASHLY_DOC_LEAD_BODY);
    expect(webhook.headers).toEqual([
      ['User-Agent', 'Dashly Webhook 1.0'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(webhook.path).toBe('/dashly');
  });

  it('keeps 64-bit ids exact and escapes non-ASCII like Python does', () => {
    const fields = DashlyComposeFields.parse({
      body: 'Hei på deg',
      conversationId: '18446744073709551615',
      admin: { id: '9007199254740993', name: 'Åse' },
    });
    const webhook = composeDashly('operator', fields, 't', context);
    const conversation = new URLSearchParams(webhook.body).get('conversation')!;
    expect(conversation).toContain('"conversation": 18446744073709551615');
    expect(conversation).toContain('"id": 9007199254740993, "name": "\\u00c5se"');
    expect(conversation).toContain('"body": "Hei p\\u00e5 deg"');
    expect(conversation).toMatch(/^\{"direction": "a2u", "conversation_closed": false/u);
    expect(conversation).toContain('"type": "reply_admin"');
  });

  it('builds the Kindly request of docs §5.1 exactly; its documented signature verifies', () => {
    const fields = KindlyComposeFields.parse({
      message: KINDLY_TEXT_REQUEST.message,
      chatId: KINDLY_TEXT_REQUEST.chat_id,
      userId: KINDLY_TEXT_REQUEST.user_id,
      exchangeId: KINDLY_TEXT_REQUEST.exchange.exchange_id,
      context: '{"store": "oslo-sentrum"}',
      webHost: KINDLY_TEXT_REQUEST.web_host,
      webPath: KINDLY_TEXT_REQUEST.web_path,
      webUrl: KINDLY_TEXT_REQUEST.web_url,
    });
    const webhook = composeKindly(fields, 'https://bot.kindly.ai', context);
    expect(webhook.body).toBe(JSON.stringify(KINDLY_TEXT_REQUEST));
    // docs/kindly.md §5.1: with secret `examplekey` this body signs to this value.
    expect(createHmac('sha256', 'examplekey').update(webhook.body).digest('base64')).toBe(
      'yR4BerAN/nxabn8z8XgOtZstAfGwHAnwLk/ufBc76zM=',
    );
  });

  it('refuses a context that is not a JSON object', () => {
    expect(() =>
      composeKindly(KindlyComposeFields.parse({ message: 'x', context: '[1]' }), 'https://b', context),
    ).toThrow(ComposeError);
    expect(() =>
      composeKindly(KindlyComposeFields.parse({ message: 'x', context: '{' }), 'https://b', context),
    ).toThrow(/not valid JSON/u);
  });
});
