/**
 * The listener's responder: finds the endpoint a request falls under and answers in its mode
 * (ack, mock rules, forward to the user's server, hold for the operator). Request content is
 * untrusted and only ever matched and templated as data.
 */
import type { Endpoint, ResponseSpec } from '../../../shared/model/endpoint.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import {
  jsonResponse,
  type CloseConnection,
  type DeferredResponse,
  type Responder,
  type ResponderContext,
  type ResponsePlan,
} from '../listener/responder.js';
import type { ProviderChecks, StoredRequest } from '../providers/provider.js';
import type { ActiveEndpoint, EndpointService } from './endpoint-service.js';
import { forwardRequest } from './forwarder.js';
import type { HoldQueue } from './hold-queue.js';
import { renderResponse } from './render-response.js';
import { buildRequestView, type RequestView } from './request-view.js';
import { firstMatchingRule } from './rule-matcher.js';

export type VerifyRequest = (provider: ProviderId, request: StoredRequest) => ProviderChecks;

export interface EndpointResponderDeps {
  endpoints: EndpointService;
  holds: HoldQueue;
  /** The provider's signature/token check, for endpoints that reject invalid ones. */
  verify: VerifyRequest;
  /** How much of a target's body is kept on the capture. */
  storeLimit: () => number;
  log: (line: string) => void;
}

const SHUTTING_DOWN = 'Convoscope is quitting';

/** What an invalid check looks like: a wrong signature/token, or none where a secret is configured. */
export function authFailure(checks: ProviderChecks): string | null {
  if (checks.signature === 'mismatch') return 'Invalid Kindly-HMAC signature';
  if (checks.signature === 'unsigned') return 'Missing Kindly-HMAC signature';
  if (checks.webhookToken === 'mismatch') return 'Invalid webhook token';
  if (checks.webhookToken === 'missing') return 'Missing webhook token';
  return null;
}

/** Renders a response spec; a template that blows up its size limit becomes a 500 the user can see. */
function safeRender(
  spec: ResponseSpec,
  source: string,
  view: RequestView,
  ruleIndex: number | null,
  log: (line: string) => void,
): ResponsePlan {
  try {
    return renderResponse(spec, source, view.scope, ruleIndex);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`Could not render a ${source} response: ${message}`);
    return jsonResponse(500, { error: `Convoscope could not render the response: ${message}` }, 'error');
  }
}

export class EndpointResponder implements Responder {
  private readonly shutdown = new AbortController();

  constructor(private readonly deps: EndpointResponderDeps) {}

  decide(context: ResponderContext): ResponsePlan | DeferredResponse {
    try {
      return this.decideFor(context);
    } catch (error) {
      // The capture must still be stored: a responder bug becomes a visible 500, not a lost request.
      this.deps.log(
        `Responder failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return jsonResponse(500, { error: 'Convoscope could not produce a response' }, 'error');
    }
  }

  private decideFor(context: ResponderContext): ResponsePlan | DeferredResponse {
    // `parse` is read only below: the listener parses on first read, and an ack needs no parse.
    const { request, provider } = context;
    const active = this.deps.endpoints.match(request.pathname);
    if (!active) return jsonResponse(200, {}, 'ack');
    const { endpoint } = active;

    if (endpoint.rejectInvalidAuth) {
      const failure = authFailure(
        this.deps.verify(provider, { path: request.path, headers: request.headers, body: request.body }),
      );
      if (failure) return jsonResponse(401, { error: failure }, 'auth');
    }

    switch (endpoint.mode) {
      case 'ack':
        // The common case needs no request view (it parses the body once more): answered at once.
        return jsonResponse(200, {}, 'ack');
      default:
        break;
    }
    const view = buildRequestView({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
      provider,
      conversationKey: context.parse.conversationKey,
      messages: context.parse.messages,
    });

    switch (endpoint.mode) {
      case 'mock':
        return this.mock(active, view);
      case 'forward':
        return {
          deferred: (capture, signal) => this.forward(active, context, view, capture, signal),
        };
      case 'hold':
        return {
          deferred: (capture, signal) =>
            this.deps.holds.hold({
              capture,
              endpoint: endpoint.prefix,
              origin: 'hold',
              timeoutMs: endpoint.holdTimeoutMs,
              fallback: this.holdFallback(active, view),
              forwardError: null,
              signal,
            }),
        };
    }
  }

  /** Answers open holds and pending delays, and cancels forwards: nothing waits on a closing core. */
  close(): void {
    this.deps.holds.close();
    this.shutdown.abort(SHUTTING_DOWN);
  }

  /** The first matching enabled rule, else the endpoint's fallback, else 200 `{}`. */
  private mock(active: ActiveEndpoint, view: RequestView): ResponsePlan | DeferredResponse {
    const rule = firstMatchingRule(active.rules, view);
    if (!rule) return this.configuredFallback(active.endpoint, view) ?? jsonResponse(200, {}, 'fallback');
    const plan = safeRender(rule.rule.response, 'mock', view, rule.index, this.deps.log);
    const delayMs = rule.rule.response.delayMs ?? 0;
    if (delayMs <= 0) return plan;
    return {
      deferred: (_capture, signal) => this.delay(delayMs, signal).then((gone) => (gone ? null : plan)),
    };
  }

  /** Waits `ms`; resolves true if the sender left first. Quitting cuts the wait short. */
  private delay(ms: number, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (gone: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onGone);
        this.shutdown.signal.removeEventListener('abort', onShutdown);
        resolve(gone);
      };
      const onGone = () => done(true);
      const onShutdown = () => done(false);
      const timer = setTimeout(() => done(false), ms);
      if (signal.aborted) return done(true);
      if (this.shutdown.signal.aborted) return done(false);
      signal.addEventListener('abort', onGone, { once: true });
      this.shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    });
  }

  private configuredFallback(endpoint: Endpoint, view: RequestView): ResponsePlan | null {
    return endpoint.fallback ? safeRender(endpoint.fallback, 'fallback', view, null, this.deps.log) : null;
  }

  /** A hold's deadline answer: a matching rule, else the endpoint's fallback, else 200 `{}`. */
  private holdFallback(active: ActiveEndpoint, view: RequestView): ResponsePlan {
    const rule = firstMatchingRule(active.rules, view);
    if (rule)
      return {
        ...safeRender(rule.rule.response, 'mock', view, rule.index, this.deps.log),
        source: 'fallback',
      };
    return this.configuredFallback(active.endpoint, view) ?? jsonResponse(200, {}, 'fallback');
  }

  private async forward(
    active: ActiveEndpoint,
    context: ResponderContext,
    view: RequestView,
    capture: CaptureSummary,
    senderGone: AbortSignal,
  ): Promise<ResponsePlan | CloseConnection | null> {
    const { endpoint } = active;
    const result = await forwardRequest({
      target: endpoint.target ?? '',
      prefix: endpoint.prefix,
      request: context.request,
      timeoutMs: endpoint.timeoutMs,
      signal: AbortSignal.any([senderGone, this.shutdown.signal]),
      storeLimit: this.deps.storeLimit(),
    });
    const { response, record } = result;
    if (senderGone.aborted) return { close: true, annotations: { forward: record } };

    if (response && !(endpoint.failOn5xx && response.status >= 500)) {
      return {
        status: response.status,
        headers: response.headers,
        body: response.body,
        source: 'forward',
        annotations: { forward: { ...record, sameAsResponse: true } },
      };
    }
    const error = record.error ?? `The target answered ${response?.status ?? 'nothing'}`;
    const failure = { ...record, error };
    if (endpoint.holdOnForwardFailure && !this.shutdown.signal.aborted) {
      return this.deps.holds.hold({
        capture,
        endpoint: endpoint.prefix,
        origin: 'forward-failed',
        timeoutMs: endpoint.holdTimeoutMs,
        fallback: this.holdFallback(active, view),
        forwardError: error,
        annotations: { forward: failure },
        signal: senderGone,
      });
    }
    const fallback =
      this.configuredFallback(endpoint, view) ??
      jsonResponse(502, { error: `Convoscope could not forward this request: ${error}` }, 'fallback');
    return { ...fallback, annotations: { forward: failure } };
  }
}
