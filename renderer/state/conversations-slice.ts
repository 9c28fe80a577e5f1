import type { ConversationDetail, ConversationSummary } from '../../shared/model/conversation.js';
import type { ProviderId } from '../../shared/model/provider.js';
import type { SliceCreator } from './store.js';

export interface ConversationsSlice {
  conversations: ConversationSummary[];
  conversationsLoading: boolean;
  conversationsError: string | null;
  conversationProvider: ProviderId | null;
  selectedConversation: { provider: ProviderId; key: string } | null;
  thread: ConversationDetail | null;
  threadError: string | null;
}

export const createConversationsSlice: SliceCreator<ConversationsSlice> = () => ({
  conversations: [],
  conversationsLoading: false,
  conversationsError: null,
  conversationProvider: null,
  selectedConversation: null,
  thread: null,
  threadError: null,
});
