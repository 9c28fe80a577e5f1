import { classify, classifyAndParse } from '../../electron/core/providers/registry.js';
import { UNPARSED_SUMMARY } from '../../shared/model/capture.js';
import type { ReceivedRequest } from '../../electron/core/providers/provider.js';
import type { NewCapture, StoredResponse } from '../../electron/core/store/records.js';

/** A capture as the listener would store it: the request run through the real parsers. */
export function parsedCapture(
  request: ReceivedRequest,
  options: { response: (provider: string) => StoredResponse | null; viaTunnel: boolean },
): NewCapture {
  const { provider, result } = classifyAndParse(request);
  return {
    receivedAt: request.receivedAt,
    method: request.method,
    path: request.path,
    httpVersion: '1.1',
    provider,
    conversationKey: result.conversationKey,
    summary: result.summary,
    remoteAddress: '127.0.0.1',
    viaTunnel: options.viaTunnel,
    headers: request.headers,
    body: request.body,
    bodySize: request.body.length,
    bodyTruncated: false,
    parsedAs: result.parsedAs,
    parseError: result.error,
    messages: result.messages,
    searchText: result.searchText,
    response: options.response(provider),
  };
}

/** A capture as the listener stores it during a burst: classified, not parsed (see capture-deriver.ts). */
export function unparsedCapture(request: ReceivedRequest, response: StoredResponse): NewCapture {
  return {
    receivedAt: request.receivedAt,
    method: request.method,
    path: request.path,
    httpVersion: '1.1',
    provider: classify(request).id,
    conversationKey: null,
    summary: UNPARSED_SUMMARY,
    remoteAddress: '127.0.0.1',
    viaTunnel: false,
    headers: request.headers,
    body: request.body,
    bodySize: request.body.length,
    bodyTruncated: false,
    parsedAs: null,
    parseError: null,
    messages: [],
    searchText: '',
    response,
    underived: true,
  };
}
