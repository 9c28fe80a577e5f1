import type { CaptureSummary } from '../../../shared/model/capture.js';
import type { Message } from '../../../shared/model/message.js';
import type { EventBus } from '../events/event-bus.js';
import type { Log } from '../log.js';
import type { Store } from '../store/store.js';
import { isRecord } from '../util/lossless-json.js';
import type { AutoResponder } from './auto-responder.js';

/**
 * What happens after Dashly webhooks are committed: admins named in them join the sender picker,
 * echoes of sent messages announce the delivery, and the auto-responder sees user messages.
 */
export class DashlyInbound {
  constructor(
    private readonly deps: { store: Store; events: EventBus; autoResponder: AutoResponder; log: Log },
  ) {}

  onCommitted(added: readonly CaptureSummary[]): void {
    const { store, events } = this.deps;
    const dashly = added.filter((capture) => capture.provider === 'dashly' && capture.conversationKey);
    if (dashly.length === 0) return;
    const batches = dashly.map((capture) => ({ capture, messages: store.messages.forCapture(capture.id) }));
    try {
      store.transaction(() => {
        for (const { capture, messages } of batches)
          for (const message of messages) this.collectAdmins(message, capture.receivedAt);
      });
    } catch (error) {
      this.deps.log(
        `Could not record Dashly admins: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    for (const { capture, messages } of batches) {
      for (const message of messages) {
        if (message.echoOf !== undefined) {
          const sent = store.messages.get(message.echoOf);
          if (sent) events.emit('message.updated', sent);
        }
        this.deps.autoResponder.consider(capture, message);
      }
    }
  }

  /** Admin objects appear as `from` on operator and bot parts, and as `assignee`. */
  private collectAdmins(message: Message, seenAt: number): void {
    const { author } = message;
    if ((author.kind === 'admin' || author.kind === 'bot') && author.id) {
      this.deps.store.dashlyAdmins.upsert(
        { id: author.id, name: author.name, type: author.kind === 'bot' ? 'bot' : 'admin' },
        seenAt,
      );
    }
    const assignee = message.meta.assignee;
    if (isRecord(assignee) && typeof assignee.id === 'string' && assignee.id !== '') {
      this.deps.store.dashlyAdmins.upsert(
        {
          id: assignee.id,
          name: typeof assignee.name === 'string' ? assignee.name : null,
          type: typeof assignee.type === 'string' ? assignee.type : null,
        },
        seenAt,
      );
    }
  }
}
