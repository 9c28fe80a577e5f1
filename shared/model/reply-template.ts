import { z } from 'zod';
import { ProviderId } from './provider.js';

/**
 * A named reply body kept in the store, e.g. a Kindly reply with `{{message}}` placeholders. The
 * body is text, because placeholders may stand where JSON would not allow them.
 */
export const ReplyTemplate = z.object({
  id: z.number().int(),
  name: z.string(),
  provider: ProviderId,
  body: z.string(),
  /** Epoch milliseconds. */
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplate>;
