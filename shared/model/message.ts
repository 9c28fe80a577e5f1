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

/** One chat message normalized out of a provider payload. */
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
});
export type Message = z.infer<typeof Message>;
