import { idString, isRecord, parseJsonLossless } from '../../util/lossless-json.js';
import { decodeText, oneLine } from '../../util/text.js';
import type { NewMessage } from '../../store/records.js';
import { SEARCH_TEXT_LIMIT } from '../other/index.js';
import type { ParseResult, ReceivedRequest } from '../provider.js';

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Kindly's dialogue webhook: a JSON object with `chat_id`, `message`, `context`, … (see docs/kindly.md §1). */
export function parseKindly(request: ReceivedRequest): ParseResult {
  const text = decodeText(request.body);
  const base: ParseResult = {
    conversationKey: null,
    summary: '',
    messages: [],
    parsedAs: null,
    error: null,
    searchText: `${request.path}\n${(text ?? '').slice(0, SEARCH_TEXT_LIMIT)}`,
  };
  if (request.body.length === 0) return { ...base, summary: 'empty body', error: 'The body is empty.' };
  if (text === null) return { ...base, summary: 'binary body', error: 'The body is not UTF-8 text.' };
  if (!request.complete) return { ...base, summary: oneLine(text), error: 'The body was truncated.' };

  let payload: unknown;
  try {
    payload = parseJsonLossless(text);
  } catch (error) {
    return {
      ...base,
      summary: oneLine(text),
      error: `The body is not valid JSON: ${(error as Error).message}`,
    };
  }
  if (!isRecord(payload)) {
    return { ...base, parsedAs: 'json', summary: oneLine(text), error: 'The JSON body is not an object.' };
  }
  const chatId = idString(payload.chat_id);
  if (!chatId) {
    return { ...base, parsedAs: 'json', summary: oneLine(text), error: 'The payload has no `chat_id`.' };
  }
  const message = str(payload.message) ?? '';
  const userId = idString(payload.user_id);
  const exchange = isRecord(payload.exchange) ? payload.exchange : {};
  const links = isRecord(payload._links) ? payload._links : {};
  const attachments = Array.isArray(payload.attachments) ? payload.attachments : [];
  const webHost = str(payload.web_host);

  const newMessage: NewMessage = {
    provider: 'kindly',
    conversationKey: chatId,
    direction: 'to_operator',
    author: { kind: 'user', id: userId, name: null },
    text: message,
    at: request.receivedAt,
    kind: 'message',
    meta: {
      botId: idString(payload.bot_id),
      organizationId: idString(payload.organization_id),
      exchangeId: idString(exchange.exchange_id),
      languageCode: str(exchange.language_code),
      context: isRecord(payload.context) ? payload.context : {},
      chatLabels: Array.isArray(payload.chat_labels) ? payload.chat_labels : [],
      source: str(payload.source),
      webUrl: str(payload.web_url),
      chatLink: str(links.chat) ?? str(payload.chatlog_api_url),
      attachments: attachments.filter(isRecord).map((attachment) => ({
        name: str(attachment.name),
        url: str(attachment.url),
        type: str(attachment.type),
        sizeKb: typeof attachment.size_kb === 'number' ? attachment.size_kb : null,
      })),
    },
    conversationTitle: userId
      ? `User ${userId}${webHost ? ` · ${webHost}` : ''}`
      : `Chat ${chatId.slice(0, 8)}`,
  };
  return {
    ...base,
    conversationKey: chatId,
    summary: message ? oneLine(message) : '(no message text)',
    messages: [newMessage],
    parsedAs: 'json',
  };
}
