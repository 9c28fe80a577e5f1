import type { CaptureSummary } from '../../../shared/model/capture.js';
import type { Message } from '../../../shared/model/message.js';
import type { EventBus } from '../events/event-bus.js';
import type { Log } from '../log.js';
import { perfEnabled } from '../perf-switches.js';
import type { Store } from '../store/store.js';
import { isRecord } from '../util/lossless-json.js';
import type { AutoResponder } from './auto-responder.js';

/**
 * What happens after Dashly webhooks are committed: admins named in them join the sender picker,
 * echoes of sent messages announce the delivery, and the auto-responder sees user messages.
 */
/** An admin seen again within this time, unchanged, is not written again (last-seen is that coarse). */
const ADMIN_REFRESH_MS = 60_000;

type AdminSighting = { id: string; name: string | null; type: string | null };

export class DashlyInbound {
  /** What was last written per admin, so a busy conversation does not rewrite it on every webhook. */
  private readonly written = new Map<string, AdminSighting & { seenAt: number }>();
  private readonly cacheAdmins = perfEnabled('admin-cache');

  constructor(
    private readonly deps: { store: Store; events: EventBus; autoResponder: AutoResponder; log: Log },
  ) {}

  onCommitted(added: readonly CaptureSummary[]): void {
    const { store, events } = this.deps;
    const dashly = added.filter((capture) => capture.provider === 'dashly' && capture.conversationKey);
    if (dashly.length === 0) return;
    const batches = dashly.map((capture) => ({ capture, messages: store.messages.forCapture(capture.id) }));
    const sightings: { admin: AdminSighting; seenAt: number }[] = [];
    for (const { capture, messages } of batches)
      for (const message of messages) this.collectAdmins(message, capture.receivedAt, sightings);
    const toWrite = sightings.filter(({ admin, seenAt }) => this.needsWrite(admin, seenAt));
    try {
      if (toWrite.length > 0) {
        store.transaction(() => {
          for (const { admin, seenAt } of toWrite) store.dashlyAdmins.upsert(admin, seenAt);
        });
        for (const { admin, seenAt } of toWrite) this.remember(admin, seenAt);
      }
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
  private collectAdmins(
    message: Message,
    seenAt: number,
    into: { admin: AdminSighting; seenAt: number }[],
  ): void {
    const { author } = message;
    if ((author.kind === 'admin' || author.kind === 'bot') && author.id) {
      into.push({
        admin: { id: author.id, name: author.name, type: author.kind === 'bot' ? 'bot' : 'admin' },
        seenAt,
      });
    }
    const assignee = message.meta.assignee;
    if (isRecord(assignee) && typeof assignee.id === 'string' && assignee.id !== '') {
      into.push({
        admin: {
          id: assignee.id,
          name: typeof assignee.name === 'string' ? assignee.name : null,
          type: typeof assignee.type === 'string' ? assignee.type : null,
        },
        seenAt,
      });
    }
  }

  /** A new admin, a new name or type, or a last-seen older than a minute is written; the rest is known. */
  private needsWrite(admin: AdminSighting, seenAt: number): boolean {
    if (!this.cacheAdmins) return true;
    const known = this.written.get(admin.id);
    if (!known) return true;
    if (admin.name !== null && admin.name !== known.name) return true;
    if (admin.type !== null && admin.type !== known.type) return true;
    return seenAt - known.seenAt >= ADMIN_REFRESH_MS;
  }

  private remember(admin: AdminSighting, seenAt: number): void {
    const known = this.written.get(admin.id);
    this.written.set(admin.id, {
      id: admin.id,
      name: admin.name ?? known?.name ?? null,
      type: admin.type ?? known?.type ?? null,
      seenAt: Math.max(seenAt, known?.seenAt ?? 0),
    });
    // Bounded: a flood of invented admin ids must not grow memory.
    if (this.written.size > 10_000) this.written.clear();
  }
}
