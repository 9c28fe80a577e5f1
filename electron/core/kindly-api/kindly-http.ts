/**
 * Security boundary: the only place that sends Kindly API keys. A key goes only to URLs the caller
 * has checked against the configured base URL; redirects are not followed (a redirect could carry
 * the Authorization header elsewhere), and Kindly's answers are read with a size limit and treated
 * as untrusted data. Keys never appear in errors or logs.
 */
import { ApiError } from '../api/api-error.js';

export interface KindlyHttpOptions {
  /** Milliseconds before the request is abandoned. */
  timeoutMs: number;
  /** Largest answer read, in bytes. */
  maxResponseBytes?: number;
}

export interface KindlyHttpRequest {
  method: 'GET' | 'POST';
  url: string;
  /** The bearer key; the caller has already checked that it is set. */
  key: string;
  /** Names the key in errors, e.g. `Bot API key (kindly.botApiKey)`. */
  keyName: string;
  /** What a 403 most likely means for this API. */
  forbiddenHint: string;
  /** What a 404 means, e.g. `chat 5d2f…`. */
  notFoundWhat: string;
  json?: unknown;
}

export interface KindlyHttpAnswer {
  status: number;
  /** Body text as received. */
  text: string;
}

const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Sends one request to a Kindly API and maps every failure to a clear ApiError. */
export async function kindlyHttp(
  request: KindlyHttpRequest,
  options: KindlyHttpOptions,
): Promise<KindlyHttpAnswer> {
  const origin = new URL(request.url).origin;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `Bearer ${request.key}`,
  };
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw networkError(error, origin, options.timeoutMs);
  }

  let text: string;
  try {
    text = await readLimited(response, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw networkError(error, origin, options.timeoutMs);
  }
  const status = response.status;
  if (status >= 200 && status < 300) return { status, text };

  const said = kindlySays(text);
  const details = { kindlyStatus: status, kindlyMessage: said };
  if (status >= 300 && status < 400) {
    throw new ApiError(
      'upstream_error',
      `Kindly answered with a redirect (${status}) to ${response.headers.get('location') ?? 'nowhere'}; Convoscope does not follow it, so the key stays with ${origin}. Check kindly.apiBaseUrl.`,
      details,
    );
  }
  if (status === 401) {
    throw new ApiError(
      'upstream_error',
      `Kindly rejected the ${request.keyName} (401 Unauthorized)${said ? `: ${said}` : ''}. Check that the key is current.`,
      details,
    );
  }
  if (status === 403) {
    throw new ApiError(
      'upstream_error',
      `Kindly refused the ${request.keyName} (403 Forbidden)${said ? `: ${said}` : ''}. ${request.forbiddenHint}`,
      details,
    );
  }
  if (status === 404) {
    throw new ApiError(
      'not_found',
      `Kindly has no ${request.notFoundWhat} (404)${said ? `: ${said}` : ''}.`,
      details,
    );
  }
  if (status === 429) {
    const retry = response.headers.get('retry-after');
    throw new ApiError(
      'unavailable',
      `Kindly is rate limiting requests (429)${retry ? `; retry after ${retry} s` : ''}.`,
      details,
    );
  }
  throw new ApiError('upstream_error', `Kindly answered ${status}${said ? `: ${said}` : ''}.`, details);
}

/** Kindly's own words from an error body: `detail`, `error` or `message`, else the text's start. */
function kindlySays(text: string): string {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      for (const key of ['detail', 'error', 'message']) {
        const value = (parsed as Record<string, unknown>)[key];
        if (typeof value === 'string') return value.slice(0, 300);
      }
    }
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return text.trim().replace(/\s+/gu, ' ').slice(0, 300);
}

function networkError(error: unknown, origin: string, timeoutMs: number): ApiError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ApiError(
      'timeout',
      `Kindly (${origin}) did not answer within ${Math.round(timeoutMs / 100) / 10} s.`,
    );
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new ApiError('upstream_error', `Could not reach Kindly at ${origin}: ${reason}.`);
}

async function readLimited(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ApiError('upstream_error', `Kindly's answer is larger than ${limit} bytes; not read.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
