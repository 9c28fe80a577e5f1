import type { NewCapture } from '../../electron/core/store/records.js';

/**
 * A capture as the listener hands it to the store: a plain POST to /hook from loopback, no parsed
 * messages, no response. Tests override what they look at; `bodySize` follows `body` unless given.
 */
export function newCapture(overrides: Partial<NewCapture> = {}): NewCapture {
  const body = overrides.body ?? Buffer.alloc(0);
  return {
    receivedAt: Date.now(),
    method: 'POST',
    path: '/hook',
    httpVersion: '1.1',
    provider: 'other',
    conversationKey: null,
    summary: '',
    remoteAddress: '127.0.0.1',
    viaTunnel: false,
    headers: [],
    body,
    bodySize: body.length,
    bodyTruncated: false,
    parsedAs: null,
    parseError: null,
    messages: [],
    searchText: '',
    response: null,
    ...overrides,
  };
}
