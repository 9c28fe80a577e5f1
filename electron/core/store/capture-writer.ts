import type { CaptureSummary } from '../../../shared/model/capture.js';
import type {
  CaptureAnnotations,
  CaptureForResponse,
  DerivedFields,
  NewCapture,
  ResponseMessages,
  StoredResponse,
} from './records.js';
import type { Store } from './store.js';

/**
 * Captures the listener stored without parsing them (see capture-deriver.ts). While the listener
 * is quiet the writer parses them before it commits, as if they had been parsed on arrival.
 */
export interface DeferredParsing {
  /** True when parsing should wait because the listener is busy: the capture is stored underived. */
  shouldDefer(): boolean;
  /** Parses a capture now. */
  derive(capture: NewCapture): DerivedFields;
  /** Captures committed underived, before `onCommitted` hears of them. */
  enqueue(captures: { id: number; capture: NewCapture }[]): void;
  /** True when the capture is still waiting and its latency will be written with its parse. */
  takeLatency(id: number, latencyMs: number): boolean;
  /** Resolves once the captures waiting now are parsed (at once when too many wait); answers how many wait. */
  settle(): Promise<number>;
}

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
    private readonly parsing: DeferredParsing | null = null,
  ) {}

  /**
   * True while underived captures queue for the deriver (a flood, or a backlog from one): a capture
   * stored parsed now would reach its conversation ahead of older ones still waiting.
   */
  parsingDeferred(): boolean {
    return this.parsing?.shouldDefer() ?? false;
  }

  /**
   * Waits until the captures queued for the deriver now are parsed, so one stored parsed next lands
   * in its conversation after them; at once when none wait, or too many (a flood, capture-deriver.ts).
   */
  async settleParsing(): Promise<void> {
    await this.parsing?.settle();
  }

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
    // A capture still waiting to be parsed gets its latency with the parse: one write, not two.
    if (this.parsing?.takeLatency(id, latencyMs)) return;
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

    if (this.parsing && !this.parsing.shouldDefer()) {
      for (const pending of inserts) if (pending.capture.underived) this.deriveNow(pending);
    }
    let added: CaptureSummary[] = [];
    const touched = new Set<number>();
    try {
      added = this.store.transaction(() => {
        const summaries: CaptureSummary[] = [];
        for (const pending of inserts) {
          const { capture } = pending;
          const id = this.store.captures.insert(capture);
          // An underived capture has no conversation yet: its response's messages wait for the deriver.
          if (capture.response && !capture.underived) {
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
    const underived = inserts.flatMap(({ capture }, index) => {
      const summary = added[index];
      return capture.underived && summary ? [{ id: summary.id, capture }] : [];
    });
    if (underived.length > 0) this.parsing?.enqueue(underived);
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

  private deriveNow(pending: PendingInsert): void {
    const { underived: _underived, ...raw } = pending.capture;
    let derived: DerivedFields;
    try {
      derived = this.parsing!.derive(raw);
    } catch (error) {
      // Parsers do not throw; if one did, the capture is stored underived and the deriver retries.
      this.onError(error);
      return;
    }
    pending.capture = { ...raw, ...derived };
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
    recordResponseMessages(this.store, id, capture, response, this.responseMessages, this.onError);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}

/** Stores the messages a response carries (e.g. the Kindly bot's reply). Inside a transaction. */
export function recordResponseMessages(
  store: Store,
  id: number,
  capture: CaptureForResponse,
  response: StoredResponse,
  hook: ResponseMessages,
  onError: (error: unknown) => void,
): void {
  let messages;
  try {
    messages = hook(capture, response);
  } catch (error) {
    // A faulty hook must never cost the capture itself.
    onError(error);
    return;
  }
  for (const message of messages) store.messages.insert(id, message, true);
}

/** The list row of a capture just stored under `id`. */
export function summaryOf(id: number, capture: NewCapture): CaptureSummary {
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
