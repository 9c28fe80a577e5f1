import type { CaptureSummary } from '../../../shared/model/capture.js';
import type { Store } from '../store/store.js';
import type { EventBus } from './event-bus.js';

/** One `conversation.updated` per conversation touched by newly stored captures, for live lists. */
export function emitConversationUpdates(
  store: Store,
  events: EventBus,
  added: readonly CaptureSummary[],
): void {
  const seen = new Set<string>();
  for (const capture of added) {
    if (!capture.conversationKey) continue;
    const id = `${capture.provider}\u0000${capture.conversationKey}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const summary = store.messages.conversation(capture.provider, capture.conversationKey);
    if (summary) events.emit('conversation.updated', summary);
  }
}
