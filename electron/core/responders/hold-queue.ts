/**
 * hold mode: requests kept open for the operator, each with a deadline at which its fallback is
 * sent. Every hold ends exactly once — operator answer, fallback (deadline, "fallback now", a
 * configuration change, quitting), abort, or the sender going away — and whichever comes first
 * wins; the others find it gone. Nothing is ever orphaned: `close()` answers what is left.
 */
import type { CaptureSummary } from '../../../shared/model/capture.js';
import type { Hold, HoldResolved, PlannedResponse } from '../../../shared/model/hold.js';
import type { HoldEndReason, HoldOutcome, HoldRecord } from '../../../shared/model/responder-records.js';
import { ApiError } from '../api/api-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { CloseConnection, ResponsePlan } from '../listener/responder.js';
import type { CaptureAnnotations } from '../store/records.js';

export interface HoldRequest {
  capture: CaptureSummary;
  endpoint: string;
  origin: Hold['origin'];
  timeoutMs: number;
  /** What the deadline sends. */
  fallback: ResponsePlan;
  forwardError: string | null;
  /** Recorded with the answer, e.g. the failed forward that led to this hold. */
  annotations?: CaptureAnnotations;
  /** Aborts when the sender goes away. */
  signal: AbortSignal;
}

type Answer = ResponsePlan | CloseConnection;

interface OpenHold {
  id: number;
  request: HoldRequest;
  heldAt: number;
  deadline: number;
  timer: NodeJS.Timeout;
  onSenderGone: () => void;
  resolve: (answer: Answer) => void;
}

export interface HoldEnded {
  id: number;
  status: number | null;
}

const REMEMBERED_ENDINGS = 500;

export class HoldQueue {
  private readonly open = new Map<number, OpenHold>();
  /** How recent holds ended, so a late action gets a precise `conflict` rather than "not found". */
  private readonly ended = new Map<number, { outcome: HoldOutcome; reason: HoldEndReason }>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
  ) {}

  /** Open holds; the tunnel allows about 10 requests in flight at once. */
  get openCount(): number {
    return this.open.size;
  }

  /** Holds the request until an operator, the deadline or the sender ends it. */
  hold(request: HoldRequest): Promise<Answer> {
    if (this.closed) return Promise.resolve({ ...request.fallback, annotations: request.annotations });
    return new Promise((resolve) => {
      const id = this.nextId++;
      const heldAt = this.now();
      const entry: OpenHold = {
        id,
        request,
        heldAt,
        deadline: heldAt + request.timeoutMs,
        timer: setTimeout(
          () => this.finish(entry, 'fallback', 'deadline', request.fallback),
          request.timeoutMs,
        ),
        onSenderGone: () => this.finish(entry, 'sender-gone', 'sender-gone', null),
        resolve,
      };
      this.open.set(id, entry);
      if (request.signal.aborted) {
        this.finish(entry, 'sender-gone', 'sender-gone', null);
        return;
      }
      request.signal.addEventListener('abort', entry.onSenderGone, { once: true });
      this.events.emit('hold.added', this.toDto(entry));
    });
  }

  /** The captures whose requests are held now (retention leaves them alone). */
  heldCaptureIds(): ReadonlySet<number> {
    return new Set([...this.open.values()].map((entry) => entry.request.capture.id));
  }

  list(): Hold[] {
    return [...this.open.values()].map((entry) => this.toDto(entry));
  }

  respond(id: number, answer: ResponsePlan): HoldEnded {
    return this.act(id, 'operator', () => answer);
  }

  fallback(id: number): HoldEnded {
    return this.act(id, 'fallback', (entry) => entry.request.fallback);
  }

  abort(id: number): HoldEnded {
    return this.act(id, 'aborted', () => null);
  }

  /** The "all" actions; `endpoint` limits them to one endpoint's holds. */
  resolveAll(
    action: { kind: 'fallback' } | { kind: 'abort' } | { kind: 'respond'; answer: ResponsePlan },
    endpoint?: string,
  ): number {
    let count = 0;
    for (const entry of this.snapshot(endpoint)) {
      const done =
        action.kind === 'respond'
          ? this.finish(entry, 'operator', 'operator', action.answer)
          : action.kind === 'abort'
            ? this.finish(entry, 'aborted', 'operator', null)
            : this.finish(entry, 'fallback', 'operator', entry.request.fallback);
      if (done) count++;
    }
    return count;
  }

  /** Answers an endpoint's holds with their fallback (its mode changed, or it was deleted). */
  answerEndpoint(endpoint: string, reason: 'endpoint-changed' | 'endpoint-deleted'): number {
    let count = 0;
    for (const entry of this.snapshot(endpoint))
      if (this.finish(entry, 'fallback', reason, entry.request.fallback)) count++;
    return count;
  }

  /** A renamed endpoint keeps its holds. */
  rename(from: string, to: string): void {
    for (const entry of this.snapshot(from)) entry.request = { ...entry.request, endpoint: to };
  }

  /** Quitting: every open hold gets its fallback, and later ones get it at once. */
  close(): number {
    this.closed = true;
    let count = 0;
    for (const entry of this.snapshot())
      if (this.finish(entry, 'fallback', 'shutdown', entry.request.fallback)) count++;
    return count;
  }

  private snapshot(endpoint?: string): OpenHold[] {
    const all = [...this.open.values()];
    return endpoint === undefined ? all : all.filter((entry) => entry.request.endpoint === endpoint);
  }

  private act(
    id: number,
    outcome: HoldOutcome,
    answerOf: (entry: OpenHold) => ResponsePlan | null,
  ): HoldEnded {
    const entry = this.open.get(id);
    if (!entry) {
      const ended = this.ended.get(id);
      if (ended)
        throw new ApiError(
          'conflict',
          `Hold ${id} already ended (${ended.outcome}${ended.reason === ended.outcome ? '' : `, ${ended.reason}`}).`,
          ended,
        );
      throw new ApiError('not_found', `Hold ${id} was not found.`);
    }
    const answer = answerOf(entry);
    this.finish(entry, outcome, 'operator', answer);
    return { id, status: answer?.status ?? null };
  }

  /** Ends a hold once; false if it had already ended. */
  private finish(
    entry: OpenHold,
    outcome: HoldOutcome,
    reason: HoldEndReason,
    answer: ResponsePlan | null,
  ): boolean {
    if (!this.open.delete(entry.id)) return false;
    clearTimeout(entry.timer);
    entry.request.signal.removeEventListener('abort', entry.onSenderGone);
    const endedAt = this.now();
    const record: HoldRecord = {
      endpoint: entry.request.endpoint,
      heldAt: entry.heldAt,
      deadline: entry.deadline,
      endedAt,
      outcome,
      reason,
    };
    const annotations: CaptureAnnotations = { ...entry.request.annotations, hold: record };
    entry.resolve(answer ? { ...answer, annotations } : { close: true, annotations });

    this.ended.set(entry.id, { outcome, reason });
    if (this.ended.size > REMEMBERED_ENDINGS) {
      const oldest = this.ended.keys().next();
      if (!oldest.done) this.ended.delete(oldest.value);
    }
    const resolved: HoldResolved = {
      id: entry.id,
      captureId: entry.request.capture.id,
      endpoint: entry.request.endpoint,
      outcome,
      reason,
      status: answer?.status ?? null,
      at: endedAt,
    };
    this.events.emit('hold.resolved', resolved);
    return true;
  }

  private toDto(entry: OpenHold): Hold {
    const { request } = entry;
    return {
      id: entry.id,
      captureId: request.capture.id,
      endpoint: request.endpoint,
      origin: request.origin,
      heldAt: entry.heldAt,
      deadline: entry.deadline,
      now: this.now(),
      capture: request.capture,
      fallback: planned(request.fallback),
      forwardError: request.forwardError,
    };
  }
}

export function planned(plan: ResponsePlan): PlannedResponse {
  return {
    status: plan.status,
    headers: plan.headers,
    body: { base64: plan.body.toString('base64'), size: plan.body.length, truncated: false },
    source: plan.source,
    ruleIndex: plan.ruleIndex ?? null,
  };
}
