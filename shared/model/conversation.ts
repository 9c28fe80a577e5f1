import { z } from 'zod';
import { Message } from './message.js';
import { ProviderId } from './provider.js';

export const ConversationSummary = z.object({
  provider: ProviderId,
  key: z.string(),
  title: z.string(),
  lastAt: z.number(),
  count: z.number().int(),
  lastText: z.string(),
  /** True when the latest message came from the user (nobody has answered it yet). */
  unanswered: z.boolean(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationDetail = z.object({
  provider: ProviderId,
  key: z.string(),
  title: z.string(),
  messages: z.array(Message),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;
