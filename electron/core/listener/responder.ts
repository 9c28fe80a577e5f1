import type { CaptureSummary } from '../../../shared/model/capture.js';
import type { HeaderList } from '../../../shared/model/http.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { ParseResult, ReceivedRequest } from '../providers/provider.js';
import type { CaptureAnnotations } from '../store/records.js';

/** An answer for the sender: exactly these bytes and headers are sent and recorded. */
export interface ResponsePlan {
  status: number;
  headers: HeaderList;
  body: Buffer;
  /**
   * Recorded on the capture: `ack`, `mock`, `fallback`, `forward`, `operator`, `auth`, `limit`,
   * `error` (see electron/core/responders/README.md).
   */
  source: string;
  /** The mock rule that produced it (0-based), recorded with the response. */
  ruleIndex?: number | null;
  /** Recorded with the response: the forward's target side, the hold's end. */
  annotations?: CaptureAnnotations;
}

/** Close the sender's connection without an answer (an aborted hold, a sender that left). */
export interface CloseConnection {
  close: true;
  annotations?: CaptureAnnotations;
}

/** The answer is decided after the capture is stored (forwarding, holding for an operator). */
export interface DeferredResponse {
  /**
   * Runs once the capture is committed. Resolves with the answer, or a CloseConnection (or null)
   * to close the connection without one. `signal` aborts when the sender goes away; the listener
   * then sends nothing, whatever this resolves to.
   */
  deferred: (capture: CaptureSummary, signal: AbortSignal) => Promise<ResponsePlan | CloseConnection | null>;
}

export interface ResponderContext {
  request: ReceivedRequest;
  provider: ProviderId;
  parse: ParseResult;
}

/**
 * Decides what the listener answers. Immediate plans are stored together with the capture in one
 * write; deferred ones run after the capture is committed.
 */
export interface Responder {
  decide(context: ResponderContext): ResponsePlan | DeferredResponse;
}

export function jsonResponse(status: number, body: unknown, source: string): ResponsePlan {
  return {
    status,
    headers: [['Content-Type', 'application/json; charset=utf-8']],
    body: Buffer.from(JSON.stringify(body)),
    source,
  };
}

/** The default: 200 `{}` — a valid, empty Kindly reply and a harmless answer to anyone else. */
export const ackResponder: Responder = {
  decide: () => jsonResponse(200, {}, 'ack'),
};

export function isDeferred(plan: ResponsePlan | DeferredResponse): plan is DeferredResponse {
  return 'deferred' in plan;
}

export function isClose(answer: ResponsePlan | CloseConnection | null): answer is CloseConnection | null {
  return answer === null || 'close' in answer;
}
