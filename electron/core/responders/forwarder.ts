/**
 * forward mode: sends a received webhook on to the user's own server and brings its answer back.
 * The request goes out as it came in (method, headers minus hop-by-hop ones, exact body bytes);
 * the target's answer is untrusted bytes, relayed as they are and recorded with a size cap.
 * The public sender chooses the path after the prefix, so dot segments are resolved before it is
 * appended: `/kindly/../admin` cannot climb out of the target's base path.
 */
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { HeaderList } from '../../../shared/model/http.js';
import type { ReceivedRequest } from '../providers/provider.js';
import type { StoredForward } from '../store/records.js';
import { endToEndHeaders } from '../../../shared/replay/end-to-end-headers.js';
import { headerValue, pairsFromRaw } from '../util/headers.js';

/** Largest target answer relayed to the sender; past it the forward counts as failed. */
export const MAX_RELAY_BYTES = 64 * 1024 * 1024;

export interface ForwardOptions {
  target: string;
  prefix: string;
  request: ReceivedRequest;
  timeoutMs: number;
  /** Aborts the forward (the sender went away, or Convoscope is quitting). */
  signal: AbortSignal;
  /** How much of the target's body is kept on the capture. */
  storeLimit: number;
}

export interface ForwardResult {
  /** The target's answer, ready to relay; null when it did not answer completely. */
  response: { status: number; headers: HeaderList; body: Buffer } | null;
  record: StoredForward;
}

export interface ForwardTarget {
  /** The target's origin (protocol, host, port). */
  origin: URL;
  /** Path and query sent in the request line, exactly as the sender's bytes had them. */
  path: string;
  /** origin + path, for the record. */
  url: string;
}

/**
 * Resolves `.` and `..` segments (also percent-encoded) without ever going above the root, so the
 * result stays below whatever it is appended to. Other segments keep their exact bytes.
 */
export function clampDotSegments(path: string): string {
  if (!/(^|\/)(\.|%2e){1,2}(\/|$)/iu.test(path)) return path;
  const out: string[] = [];
  const segments = path.split('/');
  for (const [index, segment] of segments.entries()) {
    const plain = segment.replace(/%2e/giu, '.');
    if (plain === '.' || plain === '..') {
      if (plain === '..') out.pop();
      // A trailing dot segment still names a directory.
      if (index === segments.length - 1) out.push('');
      continue;
    }
    if (segment === '' && index > 0 && index < segments.length - 1) continue;
    out.push(segment);
  }
  const joined = out.join('/');
  return joined.startsWith('/') || joined === '' ? joined : `/${joined}`;
}

/** Where a request goes: the target's path with the path after the prefix appended, both queries kept. */
export function forwardTarget(target: string, prefix: string, rawPath: string): ForwardTarget {
  const base = new URL(target);
  const queryIndex = rawPath.indexOf('?');
  const pathname = queryIndex === -1 ? rawPath : rawPath.slice(0, queryIndex);
  const query = queryIndex === -1 ? '' : rawPath.slice(queryIndex + 1);
  const rest = clampDotSegments(prefix === '/' ? pathname : pathname.slice(prefix.length));
  const basePath = base.pathname;
  const path =
    rest === '' || (rest === '/' && basePath.endsWith('/'))
      ? basePath
      : `${basePath.replace(/\/+$/u, '')}${rest.startsWith('/') ? rest : `/${rest}`}`;
  const search = [base.search.slice(1), query].filter((part) => part !== '').join('&');
  // Joined as text rather than through URL setters, which would re-encode what the sender sent.
  const full = `${path}${search ? `?${search}` : ''}`;
  return { origin: new URL(base.origin), path: full, url: `${base.origin}${full}` };
}

function describeError(error: unknown, url: URL, timeoutMs: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = url.host;
  switch (code) {
    case 'ETIMEDOUT_CONVOSCOPE':
      return `${where} did not answer within ${timeoutMs} ms`;
    case 'ECONNREFUSED':
      return `Connection refused by ${where} (is your server running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Host not found: ${url.hostname}`;
    case 'ECONNRESET':
      return `${where} closed the connection before answering`;
    case 'ERR_UNESCAPED_CHARACTERS':
      return 'The request path has characters that cannot be sent on';
    default:
      return `${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Sends the request to the target and collects its whole answer. Never throws. */
export function forwardRequest(options: ForwardOptions): Promise<ForwardResult> {
  const { request, timeoutMs, signal, storeLimit } = options;
  const startedAt = Date.now();
  const started = performance.now();
  let destination: ForwardTarget;
  try {
    destination = forwardTarget(options.target, options.prefix, request.path);
  } catch (error) {
    return Promise.resolve(failed(options.target, request.method, startedAt, 0, String(error)));
  }
  const url = destination.origin;
  const displayUrl = destination.url;

  return new Promise((resolve) => {
    let settled = false;
    let status: number | null = null;
    let responseHeaders: HeaderList = [];
    const chunks: Buffer[] = [];
    let size = 0;

    const finish = (result: ForwardResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const fail = (message: string) => {
      const body = status === null ? null : Buffer.concat(chunks);
      finish({
        response: null,
        record: {
          url: displayUrl,
          method: request.method,
          startedAt,
          status,
          headers: responseHeaders,
          body: body ? body.subarray(0, storeLimit) : null,
          bodySize: size,
          bodyTruncated: body ? size > storeLimit : false,
          sameAsResponse: false,
          durationMs: performance.now() - started,
          error: message,
        },
      });
    };

    const headers = endToEndHeaders(request.headers, ['host', 'content-length', 'expect']);
    const outgoing: string[] = ['Host', url.host];
    for (const [name, value] of headers) outgoing.push(name, value);
    const hadLength =
      headerValue(request.headers, 'content-length') !== undefined ||
      headerValue(request.headers, 'transfer-encoding') !== undefined;
    if (hadLength || request.body.length > 0) outgoing.push('Content-Length', String(request.body.length));

    let req: http.ClientRequest;
    try {
      req = (url.protocol === 'https:' ? https : http).request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/gu, ''),
          port: url.port || undefined,
          method: request.method,
          path: destination.path,
          headers: outgoing,
          agent: false,
        },
        (res) => {
          status = res.statusCode ?? 0;
          responseHeaders = pairsFromRaw(res.rawHeaders);
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RELAY_BYTES) {
              fail(`The target's answer is larger than ${MAX_RELAY_BYTES / (1024 * 1024)} MiB`);
              req.destroy();
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            const body = Buffer.concat(chunks, size);
            const relayed = endToEndHeaders(responseHeaders, ['content-length']);
            finish({
              response: { status: status ?? 502, headers: relayed, body },
              record: {
                url: displayUrl,
                method: request.method,
                startedAt,
                status,
                headers: responseHeaders,
                body: body.subarray(0, storeLimit),
                bodySize: size,
                bodyTruncated: size > storeLimit,
                sameAsResponse: false,
                durationMs: performance.now() - started,
                error: null,
              },
            });
          });
          res.on('error', (error) => fail(describeError(error, url, timeoutMs)));
          res.on('aborted', () => fail(`${url.host} closed the connection mid-answer`));
        },
      );
    } catch (error) {
      fail(describeError(error, url, timeoutMs));
      return;
    }
    const timer = setTimeout(() => {
      fail(describeError({ code: 'ETIMEDOUT_CONVOSCOPE' }, url, timeoutMs));
      req.destroy();
    }, timeoutMs);
    const onAbort = () => {
      fail(typeof signal.reason === 'string' ? signal.reason : 'Forwarding was cancelled');
      req.destroy();
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => fail(describeError(error, url, timeoutMs)));
    req.end(request.body);
  });
}

function failed(
  url: string,
  method: string,
  startedAt: number,
  durationMs: number,
  error: string,
): ForwardResult {
  return {
    response: null,
    record: {
      url,
      method,
      startedAt,
      status: null,
      headers: [],
      body: null,
      bodySize: 0,
      bodyTruncated: false,
      sameAsResponse: false,
      durationMs,
      error,
    },
  };
}
