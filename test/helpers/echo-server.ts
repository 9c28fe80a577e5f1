import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedByEcho {
  method: string;
  url: string;
  rawHeaders: [string, string][];
  body: Buffer;
}

export type EchoBehaviour = (req: ReceivedByEcho, res: http.ServerResponse) => void | Promise<void>;

export interface EchoServer {
  url: string;
  port: number;
  received: ReceivedByEcho[];
  /** Replaces how the server answers (default: echo the request back as JSON). */
  setBehaviour(behaviour: EchoBehaviour): void;
  close(): Promise<void>;
}

/** Answers with a JSON description of the request it got: method, url, headers and body (base64). */
export const echoJson: EchoBehaviour = (req, res) => {
  const body = Buffer.from(
    JSON.stringify({
      method: req.method,
      url: req.url,
      headers: req.rawHeaders,
      bodyBase64: req.body.toString('base64'),
    }),
  );
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
};

/** A real HTTP server on 127.0.0.1 standing in for the user's own bot server. */
export function startEchoServer(): Promise<EchoServer> {
  const received: ReceivedByEcho[] = [];
  let behaviour: EchoBehaviour = echoJson;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const pairs: [string, string][] = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
        pairs.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: pairs,
        body: Buffer.concat(chunks),
      };
      received.push(entry);
      void Promise.resolve(behaviour(entry, res)).catch(() => res.destroy());
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        received,
        setBehaviour(next) {
          behaviour = next;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
