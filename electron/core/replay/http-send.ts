/**
 * Sends one prepared request to an http(s) URL and collects the answer. The URL comes from the
 * local API (trusted user input, but checked to be http/https); the answer is untrusted bytes,
 * kept up to a cap while its real size is counted.
 */
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { HeaderList } from '../../../shared/model/http.js';
import { pairsFromRaw } from '../util/headers.js';

export interface OutgoingRequest {
  method: string;
  url: URL;
  /** Sent in this order; Host and Content-Length are set here. */
  headers: HeaderList;
  body: Buffer;
}

export interface SendOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** Bytes of the answer's body kept; the rest is counted and dropped. */
  storeLimit: number;
}

export interface SendResult {
  /** null when there was no (complete) answer. */
  status: number | null;
  headers: HeaderList | null;
  body: Buffer | null;
  size: number | null;
  truncated: boolean;
  durationMs: number;
  error: string | null;
  cancelled: boolean;
}

function describe(error: unknown, url: URL): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return `Connection refused by ${url.host} (is the server running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Host not found: ${url.hostname}`;
    case 'ECONNRESET':
      return `${url.host} closed the connection before answering`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${url.host} is unreachable`;
    case 'ERR_UNESCAPED_CHARACTERS':
    case 'ERR_INVALID_CHAR':
      return 'The request has characters that cannot be sent (in the path or a header)';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `${url.host}'s TLS certificate is not trusted (${code})`;
    default:
      return `${url.host}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Sends the request; never throws. */
export function sendRequest(request: OutgoingRequest, options: SendOptions): Promise<SendResult> {
  const { url } = request;
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let status: number | null = null;
    let headers: HeaderList | null = null;
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    let req: http.ClientRequest | null = null;
    let timer: NodeJS.Timeout | undefined = undefined;

    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve({ ...result, durationMs: performance.now() - started });
    };
    const fail = (error: string, cancelled = false) => {
      // A partial answer is kept for the record, but the replay counts as failed.
      finish({
        status,
        headers,
        body: status === null ? null : Buffer.concat(chunks, kept),
        size: status === null ? null : size,
        truncated: size > kept,
        error,
        cancelled,
      });
      req?.destroy();
    };
    const onAbort = () => fail('Cancelled', true);
    if (options.signal.aborted) {
      onAbort();
      return;
    }
    options.signal.addEventListener('abort', onAbort, { once: true });

    const outgoing: string[] = ['Host', url.host];
    for (const [name, value] of request.headers) outgoing.push(name, value);
    const method = request.method.toUpperCase();
    if (request.body.length > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'].includes(method))
      outgoing.push('Content-Length', String(request.body.length));

    try {
      req = (url.protocol === 'https:' ? https : http).request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[|\]$/gu, ''),
          port: url.port || undefined,
          method,
          path: `${url.pathname}${url.search}`,
          headers: outgoing,
          agent: false,
          setHost: false,
        },
        (res) => {
          status = res.statusCode ?? 0;
          headers = pairsFromRaw(res.rawHeaders);
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (kept < options.storeLimit) {
              const part = chunk.subarray(0, options.storeLimit - kept);
              chunks.push(part);
              kept += part.length;
            }
          });
          res.on('end', () =>
            finish({
              status,
              headers,
              body: Buffer.concat(chunks, kept),
              size,
              truncated: size > kept,
              error: null,
              cancelled: false,
            }),
          );
          res.on('error', (error) => fail(describe(error, url)));
          res.on('aborted', () => fail(`${url.host} closed the connection mid-answer`));
        },
      );
    } catch (error) {
      fail(describe(error, url));
      return;
    }
    timer = setTimeout(
      () => fail(`${url.host} did not answer within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    req.on('error', (error) => fail(describe(error, url)));
    req.end(request.body);
  });
}
