import type { ConversationSummary } from '../../shared/model/conversation.js';
import type { Message } from '../../shared/model/message.js';
import type { ProviderId } from '../../shared/model/provider.js';
import { call } from '../api/client.js';
import { useAppStore } from './store.js';

let listRequest = 0;
let threadRequest = 0;
/** Bumped by every live message for the open thread: a thread read that overlapped one is read again. */
let liveEpoch = 0;

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
  const epoch = liveEpoch;
  try {
    const thread = await call('conversations.get', { provider, key });
    if (request !== threadRequest) return;
    useAppStore.setState({ thread });
    // A delivery status that changed while this read was under way may be missing from it.
    if (epoch !== liveEpoch) void openConversation(provider, key);
  } catch (error) {
    if (request !== threadRequest) return;
    useAppStore.setState({ threadError: (error as Error).message });
  }
}

export function closeConversation(): void {
  threadRequest++;
  useAppStore.setState({ selectedConversation: null, thread: null, threadError: null });
}

function byTime(a: Message, b: Message): number {
  return a.at - b.at || a.id - b.id;
}

/**
 * Live messages the app sent (`message.added` / `message.updated`): entered into, or replaced in,
 * the open thread, so a reply shows at once and its delivery status changes in place.
 */
export function applyLiveMessages(messages: Message[]): void {
  const { thread } = useAppStore.getState();
  if (!thread) return;
  const mine = messages.filter(
    (message) => message.provider === thread.provider && message.conversationKey === thread.key,
  );
  if (mine.length === 0) return;
  liveEpoch++;
  useAppStore.setState((state) => {
    const current = state.thread;
    if (!current || current.key !== thread.key || current.provider !== thread.provider) return {};
    const byId = new Map(current.messages.map((message) => [message.id, message]));
    let added = false;
    for (const message of mine) {
      if (!byId.has(message.id)) added = true;
      byId.set(message.id, message);
    }
    const list = added ? [...byId.values()].sort(byTime) : current.messages.map((m) => byId.get(m.id) ?? m);
    return { thread: { ...current, messages: list } };
  });
}

/** `conversation.updated`: the list entry (and the open thread's header) show the new state at once. */
/** Most conversations kept in the list from live updates. */
const MAX_LIVE_CONVERSATIONS = 1000;

export function applyConversationSummaries(summaries: ConversationSummary[]): void {
  useAppStore.setState((state) => {
    // One pass over the list per batch of events, however many summaries the batch holds.
    const latestByKey = new Map<string, ConversationSummary>();
    for (const summary of summaries) {
      if (state.conversationProvider && summary.provider !== state.conversationProvider) continue;
      latestByKey.set(`${summary.provider}\u0000${summary.key}`, summary);
    }
    const changed = latestByKey.size > 0;
    let list = state.conversations;
    if (changed) {
      list = list.filter((item) => !latestByKey.has(`${item.provider}\u0000${item.key}`));
      list.push(...latestByKey.values());
      list.sort((a, b) => b.lastAt - a.lastAt);
      // Live conversations must not grow the list without bound; the oldest fall off (a reload shows them).
      if (list.length > MAX_LIVE_CONVERSATIONS) list.length = MAX_LIVE_CONVERSATIONS;
    }
    const thread = state.thread;
    const latest = thread
      ? summaries.findLast((summary) => summary.provider === thread.provider && summary.key === thread.key)
      : undefined;
    return {
      ...(changed ? { conversations: list } : {}),
      ...(thread && latest ? { thread: { ...thread, ...latest, messages: thread.messages } } : {}),
    };
  });
}

/** Opens the conversation above or below the open one in the list (keyboard navigation). */
export function moveConversationSelection(delta: number): void {
  const { conversations, selectedConversation } = useAppStore.getState();
  if (conversations.length === 0) return;
  const index = conversations.findIndex(
    (item) => item.provider === selectedConversation?.provider && item.key === selectedConversation.key,
  );
  const next = index === -1 ? 0 : Math.max(0, Math.min(conversations.length - 1, index + delta));
  const target = conversations[next];
  if (target && next !== index) void openConversation(target.provider, target.key);
}
