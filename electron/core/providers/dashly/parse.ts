import { idString, isRecord, parseJsonLossless } from '../../util/lossless-json.js';
import { decodeText, oneLine } from '../../util/text.js';
import type { ConversationStatePatch, NewMessage } from '../../store/records.js';
import { SEARCH_TEXT_LIMIT } from '../other/index.js';
import type { ParseResult, ReceivedRequest } from '../provider.js';
import {
  adminRef,
  describeSystemPart,
  isSystemPart,
  partAuthor,
  partDirection,
  partUnanswered,
} from './conversation-part.js';

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/u;

function decodeBase64Text(value: string): string | null {
  const compact = value.replace(/\s+/gu, '');
  if (compact.length < 4 || !BASE64.test(compact)) return null;
  return decodeText(
    Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64'),
  );
}

export interface FormFields {
  fields: URLSearchParams;
  via: string;
}

/**
 * Finds the form fields, as docs/dashly.md §1 orders it: plain urlencoded first; if that has no
 * `conversation` field, the whole body base64-decoded. Content-Type is matched loosely (one vendor
 * article misspells it) and not required.
 */
export function readForm(text: string): FormFields | null {
  const plain = new URLSearchParams(text.trim());
  if (plain.has('conversation')) return { fields: plain, via: 'form' };
  const decoded = decodeBase64Text(text);
  if (decoded !== null) {
    const inner = new URLSearchParams(decoded.trim());
    if (inner.has('conversation')) return { fields: inner, via: 'base64+form' };
  }
  return null;
}

/** The `conversation` field is JSON; it may itself be base64-encoded (unconfirmed variant). */
function readPart(raw: string): { part: unknown; via: string } {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{')) {
    const decoded = decodeBase64Text(trimmed);
    if (decoded !== null && decoded.trim().startsWith('{'))
      return { part: parseJsonLossless(decoded), via: '+base64 field' };
  }
  return { part: parseJsonLossless(trimmed), via: '' };
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

/** A time a Date can hold (±8.64e15 ms); a payload's `created` of 1e300 is not one. */
function isDateMillis(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/** Dashly's chat webhook: form fields `conversation` (ConversationPart JSON), `type`, `token`. */
export function parseDashly(request: ReceivedRequest): ParseResult {
  const text = decodeText(request.body);
  const base: ParseResult = {
    conversationKey: null,
    summary: '',
    messages: [],
    parsedAs: null,
    error: null,
    searchText: request.path,
  };
  if (request.body.length === 0) return { ...base, summary: 'empty body', error: 'The body is empty.' };
  if (text === null) return { ...base, summary: 'binary body', error: 'The body is not UTF-8 text.' };
  if (!request.complete) return { ...base, summary: oneLine(text), error: 'The body was truncated.' };

  const form = readForm(text);
  if (!form) {
    return {
      ...base,
      summary: oneLine(text),
      searchText: `${request.path}\n${text.slice(0, SEARCH_TEXT_LIMIT)}`,
      error: 'No `conversation` form field (tried urlencoded and base64).',
    };
  }
  const conversationField = form.fields.get('conversation') ?? '';
  const searchText = `${request.path}\n${[...form.fields.entries()]
    .filter(([key]) => key !== 'token')
    .map(([key, value]) => `${key} ${value}`)
    .join('\n')
    .slice(0, SEARCH_TEXT_LIMIT)}`;

  let part: unknown;
  let via = form.via;
  try {
    const read = readPart(conversationField);
    part = read.part;
    via += read.via;
  } catch (error) {
    return {
      ...base,
      parsedAs: form.via,
      summary: oneLine(conversationField || text),
      searchText,
      error: `The \`conversation\` field is not valid JSON: ${(error as Error).message}`,
    };
  }
  if (!isRecord(part)) {
    return {
      ...base,
      parsedAs: via,
      summary: oneLine(conversationField),
      searchText,
      error: 'The `conversation` field is not a JSON object.',
    };
  }
  const conversationRef = isRecord(part.conversation) ? part.conversation.id : part.conversation;
  const conversationKey = idString(conversationRef);
  if (!conversationKey) {
    return {
      ...base,
      parsedAs: via,
      summary: oneLine(conversationField),
      searchText,
      error: 'The part names no conversation id.',
    };
  }

  const type = typeof part.type === 'string' ? part.type : '';
  const body = typeof part.body === 'string' ? part.body : '';
  const system = isSystemPart(type) && body === '';
  const messageText = system ? describeSystemPart(part, type) : body;
  const author = partAuthor(part.from, type);
  const created = numberOrNull(part.created);
  const assignee = adminRef(part.assignee);
  const tags = Array.isArray(part.conversation_tags)
    ? part.conversation_tags.filter((t) => typeof t === 'string')
    : null;

  // The webhook carries the conversation's current state on every part (docs §1, §2).
  const state: ConversationStatePatch = {};
  if (typeof part.conversation_closed === 'boolean') state.closed = part.conversation_closed;
  else if (type === 'closed' || type === 'final_closed') state.closed = true;
  if (tags) state.tags = tags;
  if ('assignee' in part) state.assignee = assignee ? { id: assignee.id, name: assignee.name } : null;
  const unanswered = partUnanswered(type);
  if (unanswered !== undefined) state.unanswered = unanswered;

  const message: NewMessage = {
    provider: 'dashly',
    conversationKey,
    direction: partDirection(type, part.direction),
    author: system && author.kind === 'user' ? { ...author, kind: 'system' } : author,
    text: messageText,
    at: created !== null && isDateMillis(created * 1000) ? Math.round(created * 1000) : request.receivedAt,
    kind: type || 'unknown',
    meta: {
      partId: idString(part.id),
      randomId: idString(part.random_id),
      sentVia: typeof part.sent_via === 'string' ? part.sent_via : null,
      system,
      conversationClosed: typeof part.conversation_closed === 'boolean' ? part.conversation_closed : null,
      conversationTags: tags,
      assignee,
      tag: typeof part.tag === 'string' ? part.tag : null,
      webhookType: form.fields.get('type'),
    },
    conversationTitle: author.kind === 'user' && author.id ? `User ${author.id}` : '',
    state,
    echoKey: idString(part.random_id),
  };
  return {
    conversationKey,
    summary: oneLine(system ? `(${messageText})` : messageText || '(empty message)'),
    messages: [message],
    parsedAs: via,
    error: null,
    searchText,
  };
}
