import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyAndParse, responseMessages } from '../../../electron/core/providers/registry.js';
import { CaptureWriter } from '../../../electron/core/store/capture-writer.js';
import type { NewCapture, StoredResponse } from '../../../electron/core/store/records.js';
import { Store } from '../../../electron/core/store/store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { KINDLY_TEXT_REQUEST } from '../../fixtures/kindly.js';
import { DASHLY_DOC_LEAD_BODY } from '../../fixtures/dashly.js';

/** A capture as the listener builds it: the request classified and parsed by the real providers. */
function captured(
  body: string,
  path: string,
  receivedAt: number,
  response: StoredResponse | null,
): NewCapture {
  const bytes = Buffer.from(body);
  const { provider, result } = classifyAndParse({
    method: 'POST',
    path,
    pathname: path,
    headers: [['Content-Type', 'application/json']],
    body: bytes,
    complete: true,
    receivedAt,
  });
  return {
    receivedAt,
    method: 'POST',
    path,
    httpVersion: '1.1',
    provider,
    conversationKey: result.conversationKey,
    summary: result.summary,
    remoteAddress: '127.0.0.1',
    viaTunnel: false,
    headers: [['Content-Type', 'application/json']],
    body: bytes,
    bodySize: bytes.length,
    bodyTruncated: false,
    parsedAs: result.parsedAs,
    parseError: result.error,
    messages: result.messages,
    searchText: result.searchText,
    response,
  };
}

const reply = (body: unknown): StoredResponse => ({
  status: 200,
  headers: [['Content-Type', 'application/json']],
  body: Buffer.from(JSON.stringify(body)),
  source: 'mock',
  latencyMs: null,
});

describe('CaptureWriter with the providers’ response hook', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  let writer: CaptureWriter;
  const errors: unknown[] = [];
  beforeEach(() => {
    temp = makeTempDir();
    store = Store.open(temp.dir);
    writer = new CaptureWriter(
      store,
      () => {},
      (error) => errors.push(error),
      responseMessages,
    );
  });
  afterEach(() => {
    writer.close();
    store.close();
    temp.remove();
  });

  it('records the bot reply in the same write as a capture stored with its response', async () => {
    const body = JSON.stringify(KINDLY_TEXT_REQUEST);
    const summary = await writer.insert(
      captured(body, '/kindly', 1000, reply({ reply: 'Hi!', labels: ['vip'] })),
    );
    const messages = store.messages.forConversation('kindly', KINDLY_TEXT_REQUEST.chat_id);
    expect(messages.map((m) => [m.captureId, m.direction, m.text])).toEqual([
      [summary.id, 'to_operator', 'When are you open on Saturday?'],
      [summary.id, 'to_user', 'Hi!'],
    ]);
    expect(messages[1]?.meta.labels).toEqual(['vip']);
    expect(store.messages.conversation('kindly', KINDLY_TEXT_REQUEST.chat_id)).toMatchObject({
      count: 2,
      unanswered: false,
    });
    expect(errors).toEqual([]);
  });

  it('keeps replies after their own question when questions share a millisecond', async () => {
    const first = JSON.stringify({ ...KINDLY_TEXT_REQUEST, message: 'one' });
    const second = JSON.stringify({ ...KINDLY_TEXT_REQUEST, message: 'two' });
    const [a, b] = await Promise.all([
      writer.insert(captured(first, '/kindly', 5000, null)),
      writer.insert(captured(second, '/kindly', 5000, null)),
    ]);
    // Answered in reverse order, as a slow hold and a quick mock would be.
    writer.setResponse(b.id, reply({ reply: 'answer two' }));
    writer.flush();
    writer.setResponse(a.id, reply({ reply: 'answer one' }));
    writer.flush();
    expect(store.messages.forConversation('kindly', KINDLY_TEXT_REQUEST.chat_id).map((m) => m.text)).toEqual([
      'one',
      'answer one',
      'two',
      'answer two',
    ]);
  });

  it('replaces only what a response added, never messages parsed from the request', async () => {
    const capture = captured(JSON.stringify(KINDLY_TEXT_REQUEST), '/kindly', 2000, null);
    // A payload can make a parser produce anything, including a to_user message of kind `reply`.
    capture.messages.push({ ...capture.messages[0]!, direction: 'to_user', kind: 'reply', text: 'parsed' });
    const { id } = await writer.insert(capture);
    for (const text of ['first answer', 'second answer']) {
      writer.setResponse(id, reply({ reply: text }));
      writer.flush();
    }
    expect(store.messages.forCapture(id).map((m) => m.text)).toEqual([
      'When are you open on Saturday?',
      'parsed',
      'second answer',
    ]);
    expect(store.messages.conversation('kindly', KINDLY_TEXT_REQUEST.chat_id)?.count).toBe(3);
  });

  it('adds nothing for other providers or for captures without a conversation', async () => {
    await writer.insert(captured(DASHLY_DOC_LEAD_BODY, '/dashly', 1000, reply({ reply: 'not Kindly' })));
    await writer.insert(captured('{"chat_id": ', '/kindly', 1000, reply({ reply: 'unparsed request' })));
    const texts = store.messages
      .listConversations(undefined, 10)
      .flatMap((c) => store.messages.forConversation(c.provider, c.key))
      .map((m) => m.text);
    expect(texts).not.toContain('not Kindly');
    expect(texts).not.toContain('unparsed request');
  });
});
