import { z } from 'zod';
import { Message } from './message.js';
import { ProviderId } from './provider.js';

/** The operator a conversation is assigned to (Dashly Admin object); ids are strings. */
export const ConversationAssignee = z.object({ id: z.string().nullable(), name: z.string().nullable() });
export type ConversationAssignee = z.infer<typeof ConversationAssignee>;

export const ConversationSummary = z.object({
  provider: ProviderId,
  key: z.string(),
  title: z.string(),
  lastAt: z.number(),
  count: z.number().int(),
  lastText: z.string(),
  /**
   * True when the latest message that counts came from the user: notes, system events and failed
   * replies do not answer it.
   */
  unanswered: z.boolean(),
  /** From the latest part that reports it (Dashly `conversation_closed`, `closed` parts, the close action). */
  closed: z.boolean(),
  /** From the latest part that reports them (Dashly `conversation_tags`) and the tag actions. */
  tags: z.array(z.string()),
  /** The current assignee; null when unassigned or unknown. */
  assignee: ConversationAssignee.nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

/** A conversation's summary plus its thread, oldest first (echoes of sent messages merged into them). */
export const ConversationDetail = ConversationSummary.extend({
  messages: z.array(Message),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;
