/**
 * Security boundary (outgoing): the only code that holds the Dashly API token in a request. It
 * trusts the configured base URL (a user setting) and nothing in the answer: bodies are parsed
 * defensively and kept as text. The token goes into the request only — the recorded call has the
 * URL and form fields without it, and it never reaches a log or an error message.
 */
import { performance } from 'node:perf_hooks';
import { isLegacyApiBase } from '../../../shared/dashly/presets.js';
import type { ApiCall } from '../../../shared/model/api-call.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { NewApiCall } from '../store/records.js';
import { DashlyApiError, describeApiFailure } from './dashly-api-error.js';
import { envelopeError, parseEnvelope } from './envelope.js';

export const DEFAULT_DASHLY_TIMEOUT_MS = 15_000;
/** How much of an answer the call log keeps. */
const RESPONSE_LOG_LIMIT = 64 * 1024;

export interface DashlyRequest {
  /** For the call log: `reply`, `assign`, `close`, `tag.add`, `tag.remove`, `typing`. */
  action: string;
  method: 'POST' | 'DELETE';
  /** Path under the base URL, e.g. `/conversations/123/reply`. */
  path: string;
  /** Form fields in order; `id_as_string=true` is added. */
  params: [string, string][];
  conversationKey: string | null;
  messageId: number | null;
  /** Aborts the call (shutdown); treated like a timeout, since the request may have been processed. */
  signal?: AbortSignal;
}

export interface DashlyResponse {
  status: number;
  meta: Record<string, unknown>;
  data: unknown;
  call: ApiCall;
}

export interface DashlyConnection {
  baseUrl: string;
  /** Where the token goes; the legacy `/v1` API always gets `auth_token`, which it requires. */
  authStyle: 'header' | 'query';
  legacy: boolean;
}

export interface DashlyApiClientOptions {
  settings: SettingsService;
  /** Stores a finished call (success or failure) and returns it as recorded. */
  record: (call: NewApiCall) => ApiCall;
  timeoutMs?: number;
}

/** Form-encoded calls to the Dashly Web API with the token, a timeout, and a record of each call. */
export class DashlyApiClient {
  private readonly timeoutMs: number;

  constructor(private readonly options: DashlyApiClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_DASHLY_TIMEOUT_MS;
  }

  connection(): DashlyConnection {
    const baseUrl = this.options.settings.get('dashly.apiBaseUrl');
    const legacy = isLegacyApiBase(baseUrl);
    return { baseUrl, legacy, authStyle: legacy ? 'query' : this.options.settings.get('dashly.authStyle') };
  }

  isConfigured(): boolean {
    return Boolean(this.options.settings.secret('dashly.apiToken'));
  }

  /**
   * Makes one call. Never retries: a POST that timed out may have been processed. Throws
   * DashlyApiError for every failure, after the call was recorded.
   */
  async request(request: DashlyRequest): Promise<DashlyResponse> {
    const token = this.options.settings.secret('dashly.apiToken');
    if (!token) {
      throw new DashlyApiError(
        'not-configured',
        'No Dashly API token: set dashly.apiToken (settings.update) first.',
      );
    }
    const { baseUrl, authStyle } = this.connection();
    const params: [string, string][] = [...request.params, ['id_as_string', 'true']];
    const url = `${baseUrl}${request.path}`;
    const target = new URL(url);
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      Accept: 'application/json',
    };
    if (authStyle === 'header') headers.Authorization = `Token ${token}`;
    else target.searchParams.set('auth_token', token);

    const at = Date.now();
    const started = performance.now();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    const base: Omit<NewApiCall, 'status' | 'response' | 'durationMs' | 'error'> = {
      provider: 'dashly',
      at,
      conversationKey: request.conversationKey,
      messageId: request.messageId,
      action: request.action,
      method: request.method,
      url,
      params,
      auth: authStyle,
    };

    let status: number;
    let text: string;
    try {
      const response = await fetch(target, {
        method: request.method,
        headers,
        body: new URLSearchParams(params).toString(),
        redirect: 'manual',
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const durationMs = performance.now() - started;
      const aborted = signal.aborted;
      const message = aborted
        ? timeout.aborted
          ? `Dashly API did not answer within ${this.timeoutMs / 1000} s; the call may still have taken effect — check the conversation before retrying.`
          : 'Convoscope stopped before the Dashly API answered; the call may still have taken effect.'
        : `Could not reach the Dashly API at ${target.origin}: ${networkReason(error, token)}.`;
      const call = this.options.record({
        ...base,
        status: null,
        response: null,
        durationMs,
        error: message,
      });
      throw new DashlyApiError(aborted ? 'timeout' : 'network', message, { callId: call.id });
    }
    const durationMs = performance.now() - started;
    const logged = text.length > RESPONSE_LOG_LIMIT ? text.slice(0, RESPONSE_LOG_LIMIT) : text;
    const envelope = parseEnvelope(text);
    const apiError = envelope ? envelopeError(envelope) : null;

    let failure: DashlyApiError | null = null;
    if (status >= 300 && status < 400) {
      failure = new DashlyApiError(
        'protocol',
        `Dashly API answered with a redirect (HTTP ${status}); check dashly.apiBaseUrl.`,
        { httpStatus: status },
      );
    } else if (apiError || status < 200 || status >= 400) {
      failure = new DashlyApiError(
        'api',
        describeApiFailure(status, apiError?.name ?? null, apiError?.message ?? null, envelope !== null),
        { httpStatus: status, apiError: apiError?.name ?? null, apiErrorMessage: apiError?.message ?? null },
      );
    } else if (!envelope) {
      failure = new DashlyApiError(
        'protocol',
        `Dashly API answered HTTP ${status} without a {meta, data} envelope; check dashly.apiBaseUrl.`,
        { httpStatus: status },
      );
    }
    const call = this.options.record({
      ...base,
      status,
      response: logged,
      durationMs,
      error: failure ? failure.message : null,
    });
    if (failure) {
      throw new DashlyApiError(failure.kind, failure.message, { ...failure.details, callId: call.id });
    }
    return { status, meta: envelope?.meta ?? {}, data: envelope?.data ?? null, call };
  }
}

/** A short reason (e.g. `ECONNREFUSED`), with the token blanked should a message ever echo the URL. */
function networkReason(error: unknown, token: string): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  let reason: string;
  if (cause && typeof cause.code === 'string') reason = cause.code;
  else if (cause && typeof cause.message === 'string') reason = cause.message;
  else reason = error instanceof Error ? error.message : String(error);
  return reason.replaceAll(token, '•••').replaceAll(encodeURIComponent(token), '•••');
}
