import http from 'node:http';
import https from 'node:https';

export interface GetResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class HttpGetError extends Error {
  constructor(
    message: string,
    /** The Node error code (ECONNREFUSED, ENOTFOUND, …), `TIMEOUT`, or `TOO_LARGE`. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'HttpGetError';
  }
}

/**
 * One GET to a tunnel server with a hard deadline (the signal) and a size cap. A fresh connection
 * every time (no agent): a pooled keep-alive socket to a server that restarted would fail a
 * health check for no reason. Never follows redirects itself.
 */
export function httpGet(
  url: string,
  options: { signal: AbortSignal; maxBytes?: number; headers?: Record<string, string> },
): Promise<GetResult> {
  const maxBytes = options.maxBytes ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(new HttpGetError('aborted before it started', 'TIMEOUT'));
      return;
    }
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    const req = transport.request(
      target,
      { method: 'GET', agent: false, headers: { accept: 'application/json', ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy(new HttpGetError(`the answer is larger than ${maxBytes} bytes`, 'TOO_LARGE'));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          cleanup();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on('error', fail);
      },
    );
    const onAbort = (): void => {
      req.destroy(new HttpGetError('no answer in time', 'TIMEOUT'));
    };
    function cleanup(): void {
      options.signal.removeEventListener('abort', onAbort);
    }
    function fail(error: Error): void {
      cleanup();
      if (error instanceof HttpGetError) reject(error);
      else reject(new HttpGetError(error.message, (error as NodeJS.ErrnoException).code ?? 'ERROR'));
    }
    options.signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', fail);
    req.end();
  });
}

/** A network failure in plain words, e.g. "connection refused" or "the name x could not be resolved". */
export function describeNetworkError(error: unknown, hostname: string): string {
  const code = error instanceof HttpGetError ? error.code : (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (the server is down or restarting)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the name ${hostname} could not be resolved (offline, or a typo in the address?)`;
    case 'TIMEOUT':
    case 'ETIMEDOUT':
      return 'no answer in time';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was cut';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'the network is unreachable (offline?)';
    case 'TOO_LARGE':
      return 'the answer was unexpectedly large';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
