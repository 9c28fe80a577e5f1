import type { MessageAuthor, MessageDirection } from '../../../../shared/model/message.js';
import { idString, isRecord } from '../../util/lossless-json.js';

/** Part types that carry a message (everything else is a system event with an empty body). */
const MESSAGE_TYPES = new Set([
  'reply_user',
  'reply_admin',
  'auto_reply',
  'note',
  'article',
  'chat_bot_admin',
  'chat_bot_user',
  'reply_django_user',
]);
/** Parts a user wrote. `chat_bot_user` is a bot's message that expects the user's input (docs §2). */
const USER_TYPES = new Set(['reply_user', 'reply_django_user']);
/** Parts the user sees that answer them; notes and system parts do not. */
const ANSWER_TYPES = new Set(['reply_admin', 'auto_reply', 'article', 'chat_bot_admin', 'chat_bot_user']);

export interface AdminRef {
  id: string | null;
  name: string | null;
  type: string | null;
}

export function adminRef(value: unknown): AdminRef | null {
  if (!isRecord(value)) return null;
  return {
    id: idString(value.id),
    name: typeof value.name === 'string' ? value.name : null,
    type: typeof value.type === 'string' ? value.type : null,
  };
}

export function isUserPart(type: string): boolean {
  return USER_TYPES.has(type);
}

/** true: the user now waits for an answer; false: this part answers them; undefined: no effect. */
export function partUnanswered(type: string): boolean | undefined {
  if (USER_TYPES.has(type)) return true;
  if (ANSWER_TYPES.has(type)) return false;
  return undefined;
}

export function isSystemPart(type: string): boolean {
  return !MESSAGE_TYPES.has(type);
}

/** The direction of a part: by its type, falling back to the deprecated `direction` field. */
export function partDirection(type: string, legacyDirection: unknown): MessageDirection {
  if (USER_TYPES.has(type)) return 'to_operator';
  if (MESSAGE_TYPES.has(type) || type !== '') return 'to_user';
  return legacyDirection === 'u2a' ? 'to_operator' : 'to_user';
}

/** `from` is a user id for user parts and an Admin object for admin parts. */
export function partAuthor(from: unknown, type: string): MessageAuthor {
  const admin = adminRef(from);
  if (admin) return { kind: admin.type === 'bot' ? 'bot' : 'admin', id: admin.id, name: admin.name };
  const userId = idString(from);
  if (isSystemPart(type) && !userId) return { kind: 'system', id: null, name: null };
  return { kind: USER_TYPES.has(type) || userId ? 'user' : 'system', id: userId, name: null };
}

/** Short text for parts without a body: `assigned to inkov`, `tag added: vip`, `closed`. */
export function describeSystemPart(part: Record<string, unknown>, type: string): string {
  const tag = typeof part.tag === 'string' ? part.tag : '';
  const assignee = adminRef(part.assignee);
  switch (type) {
    case 'tag_added':
      return `tag added: ${tag}`;
    case 'tag_deleted':
      return `tag removed: ${tag}`;
    case 'assigned':
      return assignee ? `assigned to ${assignee.name ?? assignee.id ?? 'someone'}` : 'unassigned';
    case 'closed':
    case 'final_closed':
      return 'conversation closed';
    case 'opened':
      return 'conversation opened';
    default:
      return type || 'event';
  }
}
