import http from 'node:http';

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
  text: string;
}

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string | string[]> | [string, string][];
  body?: Buffer | string;
  timeoutMs?: number;
}

/**
 * A plain node:http request (unlike fetch, it keeps a custom Host header and sends exact bytes).
 * Always times out, so a test can never hang on a server that does not answer.
 */
export function httpRequest(url: string, options: HttpRequestOptions = {}): Promise<HttpResult> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    // Raw header arrays keep order and duplicates; Node then adds no Host header by itself.
    let headers: Record<string, string | string[]> | string[] | undefined;
    if (Array.isArray(options.headers)) {
      const pairs = options.headers.some(([name]) => name.toLowerCase() === 'host')
        ? options.headers
        : [['Host', target.host] as [string, string], ...options.headers];
      headers = pairs.flat();
    } else headers = options.headers;
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body,
            text: body.toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`Request to ${url} timed out`)));
    req.on('error', reject);
    req.end(options.body);
  });
}
