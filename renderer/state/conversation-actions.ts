import type { ProviderId } from '../../shared/model/provider.js';
import { call } from '../api/client.js';
import { useAppStore } from './store.js';

let listRequest = 0;
let threadRequest = 0;

export async function reloadConversations(): Promise<void> {
  const request = ++listRequest;
  const { conversationProvider } = useAppStore.getState();
  useAppStore.setState({ conversationsLoading: true, conversationsError: null });
  try {
    const items = await call('conversations.list', {
      limit: 500,
      ...(conversationProvider ? { provider: conversationProvider } : {}),
    });
    if (request !== listRequest) return;
    useAppStore.setState({ conversations: items, conversationsLoading: false });
  } catch (error) {
    if (request !== listRequest) return;
    useAppStore.setState({ conversationsLoading: false, conversationsError: (error as Error).message });
  }
}

export function setConversationProvider(provider: ProviderId | null): void {
  useAppStore.setState({ conversationProvider: provider });
  void reloadConversations();
}

export async function openConversation(provider: ProviderId, key: string): Promise<void> {
  const request = ++threadRequest;
  const sameThread =
    useAppStore.getState().selectedConversation?.provider === provider &&
    useAppStore.getState().selectedConversation?.key === key;
  useAppStore.setState({
    selectedConversation: { provider, key },
    threadError: null,
    ...(sameThread ? {} : { thread: null }),
  });
  try {
    const thread = await call('conversations.get', { provider, key });
    if (request !== threadRequest) return;
    useAppStore.setState({ thread });
  } catch (error) {
    if (request !== threadRequest) return;
    useAppStore.setState({ threadError: (error as Error).message });
  }
}

export function closeConversation(): void {
  threadRequest++;
  useAppStore.setState({ selectedConversation: null, thread: null, threadError: null });
}
