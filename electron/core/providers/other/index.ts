import { headerValue } from '../../util/headers.js';
import { decodeText, formatBytes, oneLine } from '../../util/text.js';
import type { ParseResult, Provider, ReceivedRequest } from '../provider.js';

export const SEARCH_TEXT_LIMIT = 64 * 1024;

/** Generic fallback: no messages, a short description, body text indexed when it is text. */
export function describeRequest(request: ReceivedRequest): ParseResult {
  const contentType = headerValue(request.headers, 'content-type') ?? 'no content type';
  const text = request.body.length > 0 ? decodeText(request.body, SEARCH_TEXT_LIMIT) : '';
  let summary: string;
  if (request.body.length === 0) summary = 'empty body';
  else if (text === null) summary = `binary · ${contentType} · ${formatBytes(request.body.length)}`;
  else summary = oneLine(text, 160);
  let parsedAs: string | null = null;
  if (text && /json/iu.test(contentType)) {
    try {
      JSON.parse(text);
      parsedAs = 'json';
    } catch {
      parsedAs = null;
    }
  }
  return {
    conversationKey: null,
    summary,
    messages: [],
    parsedAs,
    error: null,
    searchText: `${request.path}\n${text ?? ''}`,
  };
}

export const otherProvider: Provider = {
  id: 'other',
  label: 'Other',
  pathPrefix: null,
  detect: () => false,
  parse: describeRequest,
};
