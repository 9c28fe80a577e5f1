import { z } from 'zod';
import { ConversationDetail, ConversationSummary } from '../../model/conversation.js';
import { ProviderId } from '../../model/provider.js';
import { defineMethod } from '../define.js';

export const conversationMethods = {
  'conversations.list': defineMethod({
    description:
      'Conversations (Dashly conversations, Kindly chats) with their latest activity first: `[{provider, key, title, lastAt, count, lastText, unanswered}]`.',
    input: z
      .object({
        provider: ProviderId.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .default({ limit: 200 }),
    output: z.array(ConversationSummary),
  }),
  'conversations.get': defineMethod({
    description: 'The messages of one conversation, oldest first.',
    input: z.object({ provider: ProviderId, key: z.string().min(1) }),
    output: ConversationDetail,
  }),
};
