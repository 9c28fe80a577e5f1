import { LosslessNumber } from 'lossless-json';
import type { HeaderList } from '../model/http.js';
import type { DashlyComposeFields, KindlyComposeFields } from '../model/replay.js';
import { KINDLY_HMAC_ALGORITHM } from '../kindly/vocabulary.js';
import { encodeFormComponent } from './form-codec.js';
import { COMPACT_STYLE, PYTHON_STYLE, parseJsonExact, stringifyJsonStyled } from './json-style.js';

/** A webhook built from a template, before any signature is added. */
export interface ComposedWebhook {
  method: string;
  /** The provider's listener path. */
  path: string;
  headers: HeaderList;
  body: string;
}

/** Values a template cannot decide itself (so the builders stay pure and testable). */
export interface ComposeContext {
  /** Unix seconds. */
  now: number;
  /** A fresh random integer below 2^31 (Dashly part and random ids). */
  randomInt: () => number;
  /** A fresh UUID (Kindly chat and exchange ids). */
  uuid: () => string;
}

export class ComposeError extends Error {}

const DASHLY_AVATAR = 'https://files.dashly.io/avatars/default-v2.png';

function id(digits: string): LosslessNumber {
  return new LosslessNumber(digits);
}

function admin(ref: { id: string; name: string }, order: 'type-name' | 'type-id') {
  return order === 'type-name'
    ? { type: 'admin', name: ref.name, avatar: DASHLY_AVATAR, id: id(ref.id) }
    : { type: 'admin', id: id(ref.id), name: ref.name, avatar: DASHLY_AVATAR };
}

/**
 * Dashly's chat-message webhook exactly as the docs show it (docs/dashly.md §1): the part as
 * Python's `json.dumps` writes it (`", "`, `": "`, non-ASCII escaped, fields in the documented
 * order, ids as exact numbers), form-encoded like `urlencode` with `type` and `token`.
 */
export function composeDashly(
  kind: 'lead' | 'operator',
  fields: DashlyComposeFields,
  token: string,
  context: ComposeContext,
): ComposedWebhook {
  const common = {
    conversation_closed: fields.closed,
    conversation_tags: fields.tags,
  };
  const partId = id(fields.partId ?? String(78_000_000 + (context.randomInt() % 10_000_000)));
  const randomId = id(fields.randomId ?? String(context.randomInt()));
  const created = id(String(fields.created ?? context.now));
  const conversation = id(fields.conversationId);
  const part =
    kind === 'lead'
      ? {
          direction: 'u2a',
          ...common,
          type: 'reply_user',
          id: partId,
          body: fields.body,
          assignee: fields.assignee ? admin(fields.assignee, 'type-name') : null,
          sent_via: fields.sentVia ?? 'web_user',
          created,
          random_id: randomId,
          conversation,
          from: id(fields.userId),
        }
      : {
          direction: 'a2u',
          ...common,
          type: 'reply_admin',
          id: partId,
          body: fields.body,
          sent_via: fields.sentVia ?? 'web_panel',
          created,
          random_id: randomId,
          conversation,
          assignee: fields.assignee ? admin(fields.assignee, 'type-id') : null,
          from: admin(fields.admin, 'type-id'),
        };
  const json = stringifyJsonStyled(part, PYTHON_STYLE);
  const body = [
    `conversation=${encodeFormComponent(json)}`,
    'type=conversation',
    `token=${encodeFormComponent(token)}`,
  ].join('&');
  return {
    method: 'POST',
    path: '/dashly',
    headers: [
      ['User-Agent', 'Dashly Webhook 1.0'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ],
    body,
  };
}

/**
 * Kindly's dialogue webhook (docs/kindly.md §1, §5): compact JSON in the documented field order,
 * with the algorithm header; the core adds `Kindly-HMAC` when a secret is set.
 */
export function composeKindly(
  fields: KindlyComposeFields,
  apiBaseUrl: string,
  context: ComposeContext,
): ComposedWebhook {
  let chatContext: unknown;
  try {
    chatContext = parseJsonExact(fields.context.trim() === '' ? '{}' : fields.context);
  } catch (error) {
    throw new ComposeError(
      `The context is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof chatContext !== 'object' || chatContext === null || Array.isArray(chatContext))
    throw new ComposeError('The context must be a JSON object, e.g. {"store": "oslo"}.');
  const chatId = fields.chatId ?? context.uuid();
  const payload: Record<string, unknown> = {
    organization_id: id(fields.organizationId),
    bot_id: id(fields.botId),
    chat_id: chatId,
    user_id: fields.userId,
    chat_labels: fields.chatLabels,
    exchange: { exchange_id: fields.exchangeId ?? context.uuid(), language_code: fields.languageCode },
    message: fields.message,
    attachments: [],
    context: chatContext,
    _links: { chat: `${apiBaseUrl.replace(/\/+$/u, '')}/api/v1/chats/${chatId}` },
    source: fields.source,
  };
  if (fields.webHost !== undefined) payload.web_host = fields.webHost;
  if (fields.webPath !== undefined) payload.web_path = fields.webPath;
  if (fields.webUrl !== undefined) payload.web_url = fields.webUrl;
  return {
    method: 'POST',
    path: '/kindly',
    headers: [
      ['Content-Type', 'application/json'],
      ['Kindly-HMAC-algorithm', KINDLY_HMAC_ALGORITHM],
    ],
    body: stringifyJsonStyled(payload, COMPACT_STYLE),
  };
}
