import type { CaptureSummary } from '../../../shared/model/capture.js';
import { emitConversationUpdates } from '../events/conversation-updates.js';
import type { EventBus } from '../events/event-bus.js';
import { classifyAndParse, responseMessages } from '../providers/registry.js';
import type { NewCapture, StoredResponse } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { CaptureBytes } from './capture-bytes.js';

const BATCH = 500;

function toNewCapture(item: CaptureBytes): NewCapture {
  const queryIndex = item.path.indexOf('?');
  const { provider, result } = classifyAndParse({
    method: item.method,
    path: item.path,
    pathname: queryIndex === -1 ? item.path : item.path.slice(0, queryIndex),
    headers: item.headers,
    body: item.body,
    complete: !item.bodyTruncated,
    receivedAt: item.receivedAt,
  });
  const response: StoredResponse | null = item.response
    ? {
        status: item.response.status,
        headers: item.response.headers,
        body: item.response.body,
        bodySize: item.response.size,
        bodyTruncated: item.response.truncated,
        source: item.response.source,
        latencyMs: item.response.latencyMs,
      }
    : null;
  return {
    receivedAt: item.receivedAt,
    method: item.method,
    path: item.path,
    httpVersion: item.httpVersion,
    provider,
    conversationKey: result.conversationKey,
    summary: result.summary,
    remoteAddress: item.remoteAddress,
    viaTunnel: item.viaTunnel,
    headers: item.headers,
    body: item.body,
    bodySize: item.bodySize,
    bodyTruncated: item.bodyTruncated,
    parsedAs: result.parsedAs,
    parseError: result.error,
    messages: result.messages,
    searchText: result.searchText,
    response,
    origin: 'imported',
  };
}

/**
 * Stores imported captures, parsed like received ones (so they show as conversations) and marked
 * `imported`. They bypass the listener's pipeline on purpose: nothing that reacts to live webhooks
 * (the Dashly auto-responder, delivery matching) sees them, so an old file can never make the app
 * write to a real chat.
 */
export function importCaptures(store: Store, events: EventBus, items: readonly CaptureBytes[]): number[] {
  const ids: number[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const slice = items.slice(start, start + BATCH);
    const batch = slice.map(toNewCapture);
    const added: CaptureSummary[] = store.transaction(() =>
      batch.map((capture, index) => {
        const id = store.captures.insert(capture);
        // The user's star and note travel with the file.
        const item = slice[index];
        if (item?.starred) store.captures.star([id], true);
        if (item?.note) store.captures.setNote(id, item.note);
        if (capture.response) {
          const messages = responseMessages(
            {
              provider: capture.provider,
              conversationKey: capture.conversationKey,
              receivedAt: capture.receivedAt,
              requestMessages: capture.messages,
            },
            capture.response,
          );
          for (const message of messages) store.messages.insert(id, message, true);
        }
        const summary = store.captures.summary(id);
        if (!summary) throw new Error(`Imported capture ${id} vanished`);
        return summary;
      }),
    );
    for (const summary of added) {
      ids.push(summary.id);
      events.emit('capture.added', summary);
    }
    emitConversationUpdates(store, events, added);
  }
  return ids;
}
