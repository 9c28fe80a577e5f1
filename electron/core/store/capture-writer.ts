import type { CaptureSummary } from '../../../shared/model/capture.js';
import type {
  CaptureAnnotations,
  CaptureForResponse,
  NewCapture,
  ResponseMessages,
  StoredResponse,
} from './records.js';
import type { Store } from './store.js';

interface PendingInsert {
  capture: NewCapture;
  resolve: (summary: CaptureSummary) => void;
  reject: (error: unknown) => void;
}

type PendingUpdate =
  | { kind: 'response'; id: number; response: StoredResponse }
  | { kind: 'annotations'; id: number; annotations: CaptureAnnotations }
  | { kind: 'latency'; id: number; latencyMs: number }
  | { kind: 'summary'; id: number; summary: string };

/**
 * Group commit: every insert queued during one turn of the event loop is written in a single
 * transaction, and each caller's promise settles only after that transaction committed. The
 * listener awaits it before it answers, so an acknowledged webhook is always on disk.
 * Updates (responses, latencies) ride along in the next transaction; they are not awaited.
 *
 * Whenever a response is stored (with the capture, or later through `setResponse`), the injected
 * `responseMessages` hook may turn it into conversation messages, e.g. the Kindly bot's reply, in
 * the same transaction; a later response for the same capture replaces them.
 */
export class CaptureWriter {
  private inserts: PendingInsert[] = [];
  private updates: PendingUpdate[] = [];
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly onCommitted: (added: CaptureSummary[], updated: CaptureSummary[]) => void,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly responseMessages: ResponseMessages = () => [],
  ) {}

  insert(capture: NewCapture): Promise<CaptureSummary> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    return new Promise((resolve, reject) => {
      this.inserts.push({ capture, resolve, reject });
      this.schedule();
    });
  }

  setResponse(id: number, response: StoredResponse): void {
    this.updates.push({ kind: 'response', id, response });
    this.schedule();
  }

  /** A forward's target answer or a hold's end; announced as `capture.updated` like a response. */
  setAnnotations(id: number, annotations: CaptureAnnotations): void {
    this.updates.push({ kind: 'annotations', id, annotations });
    this.schedule();
  }

  setLatency(id: number, latencyMs: number): void {
    this.updates.push({ kind: 'latency', id, latencyMs });
    this.schedule();
  }

  /** Replaces the list line (e.g. the refusal count of a rate-limit record); announced as `capture.updated`. */
  setSummary(id: number, summary: string): void {
    this.updates.push({ kind: 'summary', id, summary });
    this.schedule();
  }

  /** Writes whatever is queued now; used on shutdown. */
  flush(): void {
    this.scheduled = false;
    const inserts = this.inserts;
    const updates = this.updates;
    this.inserts = [];
    this.updates = [];
    if (inserts.length === 0 && updates.length === 0) return;

    let added: CaptureSummary[] = [];
    const touched = new Set<number>();
    try {
      added = this.store.transaction(() => {
        const summaries: CaptureSummary[] = [];
        for (const pending of inserts) {
          const { capture } = pending;
          const id = this.store.captures.insert(capture);
          if (capture.response) {
            this.recordResponse(id, capture.response, {
              provider: capture.provider,
              conversationKey: capture.conversationKey,
              receivedAt: capture.receivedAt,
              requestMessages: capture.messages,
            });
          }
          summaries.push(summaryOf(id, capture));
        }
        for (const update of updates) {
          if (update.kind === 'response') {
            this.store.captures.setResponse(update.id, update.response);
            this.replaceResponseMessages(update.id, update.response);
            touched.add(update.id);
          } else if (update.kind === 'annotations') {
            this.store.captures.setAnnotations(update.id, update.annotations);
            touched.add(update.id);
          } else if (update.kind === 'summary') {
            this.store.captures.setSummary(update.id, update.summary);
            touched.add(update.id);
          } else {
            // Latency is not part of the list row, so it needs no event.
            this.store.captures.setLatency(update.id, update.latencyMs);
          }
        }
        return summaries;
      });
    } catch (error) {
      for (const pending of inserts) pending.reject(error);
      this.onError(error);
      return;
    }
    inserts.forEach((pending, index) => {
      const summary = added[index];
      if (summary) pending.resolve(summary);
    });
    const updated: CaptureSummary[] = [];
    for (const id of touched) {
      const summary = this.store.captures.summary(id);
      if (summary) updated.push(summary);
    }
    this.onCommitted(added, updated);
  }

  close(): void {
    this.flush();
    this.closed = true;
  }

  /** Inside the transaction: a later response replaces what an earlier one added. */
  private replaceResponseMessages(id: number, response: StoredResponse): void {
    const summary = this.store.captures.summary(id);
    if (!summary) return;
    this.store.messages.deleteResponseMessages(id);
    this.recordResponse(id, response, {
      provider: summary.provider,
      conversationKey: summary.conversationKey,
      receivedAt: summary.receivedAt,
      requestMessages: this.store.messages.forCapture(id),
    });
  }

  private recordResponse(id: number, response: StoredResponse, capture: CaptureForResponse): void {
    let messages;
    try {
      messages = this.responseMessages(capture, response);
    } catch (error) {
      // A faulty hook must never cost the capture itself.
      this.onError(error);
      return;
    }
    for (const message of messages) this.store.messages.insert(id, message, true);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}

function summaryOf(id: number, capture: NewCapture): CaptureSummary {
  return {
    id,
    receivedAt: capture.receivedAt,
    method: capture.method,
    path: capture.path,
    provider: capture.provider,
    conversationKey: capture.conversationKey,
    summary: capture.summary,
    status: capture.response?.status ?? null,
    size: capture.bodySize,
    viaTunnel: capture.viaTunnel,
    parseError: capture.parseError !== null,
    starred: false,
  };
}
