import { describe, expect, it } from 'vitest';
import type { NewCapture, NewMessage } from '../../../electron/core/store/records.js';
import { useTempStore } from '../../helpers/temp-store.js';
import { newCapture } from '../../helpers/capture-fixture.js';

const KEY = '64558819';

function userMessage(text: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    provider: 'dashly',
    conversationKey: KEY,
    direction: 'to_operator',
    author: { kind: 'user', id: '85648207', name: null },
    text,
    at: Date.now(),
    kind: 'reply_user',
    meta: {},
    conversationTitle: 'User 85648207',
    state: { unanswered: true, closed: false, tags: [] },
    echoKey: '132466821',
    ...overrides,
  };
}

function capture(messages: NewMessage[]): NewCapture {
  return newCapture({
    path: '/dashly',
    provider: 'dashly',
    conversationKey: KEY,
    summary: messages[0]?.text ?? '',
    body: Buffer.from('conversation=%7B%7D'),
    parsedAs: 'form',
    messages,
  });
}

describe('sent messages and their echoes in the store', () => {
  const temp = useTempStore();

  it('links an echo to the sent message, hides it from the thread and the count, and survives its deletion', () => {
    temp.store.transaction(() => temp.store.captures.insert(capture([userMessage('Hi?')])));
    const sentId = temp.store.transaction(() =>
      temp.store.messages.insert(null, {
        ...userMessage('Hello from us'),
        direction: 'to_user',
        author: { kind: 'admin', id: '111', name: null },
        kind: 'reply_admin',
        meta: { randomId: '555' },
        conversationTitle: '',
        state: { unanswered: false },
        echoKey: null,
        outgoing: { status: 'sent', echoKey: '555', automatic: false, error: null },
      }),
    );
    expect(temp.store.messages.conversation('dashly', KEY)).toMatchObject({ count: 2, unanswered: false });

    // A user part that happens to carry the same random_id is not an echo.
    temp.store.transaction(() =>
      temp.store.captures.insert(capture([userMessage('Still there?', { echoKey: '555' })])),
    );
    expect(temp.store.messages.get(sentId)?.status).toBe('sent');
    expect(temp.store.messages.conversation('dashly', KEY)).toMatchObject({ count: 3, unanswered: true });

    const echoCapture = temp.store.transaction(() =>
      temp.store.captures.insert(
        capture([
          {
            ...userMessage('Hello from us'),
            direction: 'to_user',
            author: { kind: 'admin', id: '111', name: 'inkov' },
            kind: 'reply_admin',
            meta: { partId: '9007199254740993' },
            state: { unanswered: false, tags: ['vip'] },
            echoKey: '555',
          },
        ]),
      ),
    );
    const sent = temp.store.messages.get(sentId);
    expect(sent).toMatchObject({ status: 'delivered', author: { name: 'inkov' } });
    expect(sent?.meta).toMatchObject({
      echoCaptureId: echoCapture,
      partId: '9007199254740993',
      randomId: '555',
    });
    expect(temp.store.messages.forCapture(echoCapture)[0]?.echoOf).toBe(sentId);
    expect(temp.store.messages.forConversation('dashly', KEY).map((m) => m.text)).toEqual([
      'Hi?',
      'Hello from us',
      'Still there?',
    ]);
    expect(temp.store.messages.conversation('dashly', KEY)).toMatchObject({
      count: 3,
      tags: ['vip'],
      unanswered: false,
    });

    // A delivered message stays delivered whatever the API call reports late.
    temp.store.messages.updateOutgoing(sentId, { status: 'failed', error: 'timed out' });
    expect(temp.store.messages.get(sentId)).toMatchObject({ status: 'delivered' });

    temp.store.transaction(() => temp.store.captures.delete([echoCapture]));
    expect(temp.store.messages.get(sentId)?.status).toBe('delivered');
    expect(temp.store.messages.conversation('dashly', KEY)).toMatchObject({ count: 3 });
  });

  it('recomputes unanswered when a reply fails', () => {
    temp.store.transaction(() => temp.store.captures.insert(capture([userMessage('Hi?')])));
    const sentId = temp.store.transaction(() =>
      temp.store.messages.insert(null, {
        ...userMessage('Answer'),
        direction: 'to_user',
        author: { kind: 'admin', id: null, name: 'default_admin' },
        kind: 'reply_admin',
        state: { unanswered: false },
        echoKey: null,
        outgoing: { status: 'sent', echoKey: '777', automatic: true, error: null },
      }),
    );
    expect(temp.store.messages.conversation('dashly', KEY)?.unanswered).toBe(false);
    expect(temp.store.messages.lastAutomaticAt('dashly', KEY)).not.toBeNull();
    temp.store.transaction(() =>
      temp.store.messages.updateOutgoing(sentId, { status: 'failed', error: 'ReplyTooBig' }),
    );
    expect(temp.store.messages.get(sentId)).toMatchObject({
      status: 'failed',
      error: 'ReplyTooBig',
      automatic: true,
    });
    expect(temp.store.messages.conversation('dashly', KEY)?.unanswered).toBe(true);
  });
});
