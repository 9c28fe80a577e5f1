import { z } from 'zod';
import { ProviderId } from './provider.js';

/**
 * One outgoing call to a platform's API, as recorded: the outgoing half of the inspector. The
 * token is never part of it (neither the header nor the `auth_token` parameter).
 */
export const ApiCall = z.object({
  id: z.number().int(),
  provider: ProviderId,
  /** Epoch milliseconds when the request started. */
  at: z.number(),
  conversationKey: z.string().nullable(),
  /** The thread message this call sent or retried, if any. */
  messageId: z.number().int().nullable(),
  /** What it did: `reply`, `assign`, `close`, `tag.add`, `tag.remove`, `typing`. */
  action: z.string(),
  method: z.string(),
  /** Full URL without the token. */
  url: z.string(),
  /** Form fields sent, in order, without the token. */
  params: z.array(z.tuple([z.string(), z.string()])),
  /** Where the token went: `header` (`Authorization: Token`) or `query` (`auth_token`). */
  auth: z.enum(['header', 'query']),
  /** HTTP status of the answer; null when none came (timeout, network error). */
  status: z.number().int().nullable(),
  /** The answer's body as text (first 64 KiB). */
  response: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** Why the call failed, e.g. `ReplyTooBig: …`, `timed out after 15000 ms`; null on success. */
  error: z.string().nullable(),
});
export type ApiCall = z.infer<typeof ApiCall>;
