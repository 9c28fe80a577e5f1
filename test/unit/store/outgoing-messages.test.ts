import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCapture, NewMessage } from '../../../electron/core/store/records.js';
import { Store } from '../../../electron/core/store/store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
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
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir();
    store = Store.open(temp.dir);
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  it('links an echo to the sent message, hides it from the thread and the count, and survives its deletion', () => {
    store.transaction(() => store.captures.insert(capture([userMessage('Hi?')])));
    const sentId = store.transaction(() =>
      store.messages.insert(null, {
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
    expect(store.messages.conversation('dashly', KEY)).toMatchObject({ count: 2, unanswered: false });

    // A user part that happens to carry the same random_id is not an echo.
    store.transaction(() =>
      store.captures.insert(capture([userMessage('Still there?', { echoKey: '555' })])),
    );
    expect(store.messages.get(sentId)?.status).toBe('sent');
    expect(store.messages.conversation('dashly', KEY)).toMatchObject({ count: 3, unanswered: true });

    const echoCapture = store.transaction(() =>
      store.captures.insert(
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
    const sent = store.messages.get(sentId);
    expect(sent).toMatchObject({ status: 'delivered', author: { name: 'inkov' } });
    expect(sent?.meta).toMatchObject({
      echoCaptureId: echoCapture,
      partId: '9007199254740993',
      randomId: '555',
    });
    expect(store.messages.forCapture(echoCapture)[0]?.echoOf).toBe(sentId);
    expect(store.messages.forConversation('dashly', KEY).map((m) => m.text)).toEqual([
      'Hi?',
      'Hello from us',
      'Still there?',
    ]);
    expect(store.messages.conversation('dashly', KEY)).toMatchObject({
      count: 3,
      tags: ['vip'],
      unanswered: false,
    });

    // A delivered message stays delivered whatever the API call reports late.
    store.messages.updateOutgoing(sentId, { status: 'failed', error: 'timed out' });
    expect(store.messages.get(sentId)).toMatchObject({ status: 'delivered' });

    store.transaction(() => store.captures.delete([echoCapture]));
    expect(store.messages.get(sentId)?.status).toBe('delivered');
    expect(store.messages.conversation('dashly', KEY)).toMatchObject({ count: 3 });
  });

  it('recomputes unanswered when a reply fails', () => {
    store.transaction(() => store.captures.insert(capture([userMessage('Hi?')])));
    const sentId = store.transaction(() =>
      store.messages.insert(null, {
        ...userMessage('Answer'),
        direction: 'to_user',
        author: { kind: 'admin', id: null, name: 'default_admin' },
        kind: 'reply_admin',
        state: { unanswered: false },
        echoKey: null,
        outgoing: { status: 'sent', echoKey: '777', automatic: true, error: null },
      }),
    );
    expect(store.messages.conversation('dashly', KEY)?.unanswered).toBe(false);
    expect(store.messages.lastAutomaticAt('dashly', KEY)).not.toBeNull();
    store.transaction(() =>
      store.messages.updateOutgoing(sentId, { status: 'failed', error: 'ReplyTooBig' }),
    );
    expect(store.messages.get(sentId)).toMatchObject({
      status: 'failed',
      error: 'ReplyTooBig',
      automatic: true,
    });
    expect(store.messages.conversation('dashly', KEY)?.unanswered).toBe(true);
  });
});
