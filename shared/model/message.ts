import { z } from 'zod';
import { ProviderId } from './provider.js';

/**
 * `to_operator`: from the end user towards the operator/bot (Dashly u2a, every Kindly webhook).
 * `to_user`: from an operator, a bot or the system towards the end user.
 */
export const MessageDirection = z.enum(['to_operator', 'to_user']);
export type MessageDirection = z.infer<typeof MessageDirection>;

export const MessageAuthor = z.object({
  kind: z.enum(['user', 'admin', 'bot', 'system']),
  /** Provider ids are kept as strings: Dashly ids exceed 2^53. */
  id: z.string().nullable(),
  name: z.string().nullable(),
});
export type MessageAuthor = z.infer<typeof MessageAuthor>;

/**
 * Delivery of a message the app sent (replies, operator actions): `sent` once the API call is
 * made, `delivered` when the platform's webhook echoes it back, `failed` with the API's error.
 */
export const MessageStatus = z.enum(['sent', 'delivered', 'failed']);
export type MessageStatus = z.infer<typeof MessageStatus>;

/**
 * One chat message: normalized out of a provider payload, or sent by the app (then `captureId` is
 * null and `status` is present).
 */
export const Message = z.object({
  id: z.number().int(),
  captureId: z.number().int().nullable(),
  provider: ProviderId,
  conversationKey: z.string(),
  direction: MessageDirection,
  author: MessageAuthor,
  text: z.string(),
  /** Epoch milliseconds: the provider's own time when it has one, else the receive time. */
  at: z.number(),
  /** Provider-specific part type, e.g. Dashly `reply_user`, `note`, `assigned`; Kindly `message`. */
  kind: z.string(),
  /** Provider-specific extras (JSON-safe; ids as strings). */
  meta: z.record(z.string(), z.unknown()),
  /** Only on messages the app sent. */
  status: MessageStatus.optional(),
  /** Why sending failed (names the API's error, e.g. `ReplyTooBig`); only with `status: failed`. */
  error: z.string().optional(),
  /** True on replies the auto-responder sent. */
  automatic: z.boolean().optional(),
  /** On a captured part that is the platform's echo of a message the app sent: that message's id. */
  echoOf: z.number().int().optional(),
});
export type Message = z.infer<typeof Message>;
