import { describe, expect, it } from 'vitest';
import { parseDashly } from '../../../electron/core/providers/dashly/parse.js';
import { dashlyForm, dashlyPart } from '../../fixtures/dashly.js';

function parse(part: Record<string, unknown>) {
  const body = Buffer.from(dashlyForm(JSON.stringify(dashlyPart(part))));
  const result = parseDashly({
    method: 'POST',
    path: '/dashly',
    pathname: '/dashly',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body,
    complete: true,
    receivedAt: 1_700_000_000_000,
  });
  expect(result.error).toBeNull();
  return result.messages[0]!;
}

const ADMIN = { type: 'admin', id: 111, name: 'inkov' };

describe('Dashly parts: conversation state and echo key', () => {
  it('reads closed state, tags, assignee and the waiting user from a lead message', () => {
    const message = parse({ conversation_tags: ['vip'], conversation_closed: false });
    expect(message.state).toEqual({
      closed: false,
      tags: ['vip'],
      assignee: { id: '111', name: 'inkov' },
      unanswered: true,
    });
    expect(message.echoKey).toBe('132466821');
  });

  it('an operator reply answers; a note and a system part leave it as it was', () => {
    expect(parse({ type: 'reply_admin', from: ADMIN }).state?.unanswered).toBe(false);
    expect(parse({ type: 'note', from: ADMIN }).state?.unanswered).toBeUndefined();
    const closed = parse({ type: 'closed', body: '', from: ADMIN, assignee: null });
    expect(closed.state).toMatchObject({ closed: false, assignee: null });
    expect(closed.state?.unanswered).toBeUndefined();
    // Without the webhook's flag (undefined is dropped from the JSON), a closed part still closes.
    expect(
      parse({ type: 'closed', body: '', from: ADMIN, conversation_closed: undefined }).state?.closed,
    ).toBe(true);
  });

  it('treats chat_bot_user as a bot message that expects input, not as the user', () => {
    const message = parse({
      type: 'chat_bot_user',
      body: 'Pick one',
      from: { type: 'bot', id: 9, name: 'Bot' },
    });
    expect(message).toMatchObject({ direction: 'to_user', author: { kind: 'bot', id: '9' } });
    expect(message.state?.unanswered).toBe(false);
  });
});
