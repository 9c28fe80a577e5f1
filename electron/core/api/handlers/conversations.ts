import type { Store } from '../../store/store.js';
import { notFound } from '../api-error.js';
import type { HandlerGroup } from '../handler-types.js';

export function conversationHandlers(deps: {
  store: Store;
}): HandlerGroup<'conversations.list' | 'conversations.get'> {
  const { store } = deps;
  return {
    'conversations.list': ({ provider, limit }) => store.messages.listConversations(provider, limit),
    'conversations.get': ({ provider, key }) => {
      const summary = store.messages.conversation(provider, key);
      if (!summary) throw notFound(`Conversation ${provider}/${key}`);
      return { ...summary, messages: store.messages.forConversation(provider, key) };
    },
  };
}
