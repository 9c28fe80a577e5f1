/**
 * Security boundary: the API and UI server. Bound to 127.0.0.1 only. Trusts a caller only after
 * three checks: the Host header names this server (DNS rebinding), the Origin (when a browser
 * sends one) is this server's own, and the per-run bearer token matches (header for HTTP,
 * subprotocol or first message for the WebSocket). Static UI files are public code and need no
 * token; every method and event needs it. Inputs are validated against the shared contract.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { EVENTS_PROTOCOL, type ErrorBody, type EventFrame } from '../../../shared/contract/index.js';
import type { EventBus } from '../events/event-bus.js';
import { ApiError } from './api-error.js';
import { ApiAuth } from './auth.js';
import type { Dispatch } from './dispatcher.js';
import { contentSecurityPolicy, serveStatic } from './static-files.js';

export interface ApiServerOptions {
  port: number;
  token: string;
  dispatch: Dispatch;
  events: EventBus;
  rendererDir: string;
  log: (line: string) => void;
  /** Largest accepted request body (imports can be big). */
  maxBodyBytes?: number;
  /** Whether the UI may load remote (https) images: read when a page is served, for its CSP. */
  remoteImages?: () => boolean;
}

export interface ApiServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
const EVENTS_PATH = '/api/events';
/** A client that does not read its events is dropped rather than buffered without bound. */
const MAX_BUFFERED_EVENT_BYTES = 32 * 1024 * 1024;
const FIRST_MESSAGE_AUTH_MS = 5000;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': data.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(data);
}

function sendError(res: http.ServerResponse, error: ApiError): void {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
  sendJson(res, error.status, body);
}

function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new ApiError('payload_too_large', `Request body larger than ${limit} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') {
        resolve(undefined);
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new ApiError('bad_request', 'The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

export function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { dispatch, events, log } = options;
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024;
  let auth: ApiAuth;
  let port = 0;
  const sockets = new Set<WebSocket>();

  const server = http.createServer((req, res) => {
    if (!auth.hostAllowed(req.headers)) {
      sendError(
        res,
        new ApiError('forbidden', 'Host not allowed: use http://127.0.0.1 or http://localhost.'),
      );
      return;
    }
    const url = req.url ?? '/';
    if (!url.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, new ApiError('method_not_allowed', 'Only GET serves the UI.'));
        return;
      }
      serveStatic(
        options.rendererDir,
        req,
        res,
        contentSecurityPolicy(port, { remoteImages: options.remoteImages?.() ?? false }),
      );
      return;
    }
    void handleApi(req, res);
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      if (!auth.originAllowed(req.headers)) throw new ApiError('forbidden', 'Origin not allowed.');
      if (!auth.bearerMatches(req.headers)) {
        throw new ApiError(
          'unauthorized',
          'Missing or wrong API token (send Authorization: Bearer <token>).',
        );
      }
      if (req.method !== 'POST')
        throw new ApiError('method_not_allowed', 'API methods are called with POST.');
      const name = decodeURIComponent((req.url ?? '').slice(API_PREFIX.length).split('?')[0] ?? '');
      const input = await readJson(req, maxBody);
      const result = await dispatch(name, input);
      sendJson(res, 200, result ?? {});
    } catch (error) {
      if (error instanceof ApiError) {
        sendError(res, error);
        return;
      }
      log(`API error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendError(res, new ApiError('internal', 'Internal error; details are in the log.'));
    }
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(EVENTS_PROTOCOL) ? EVENTS_PROTOCOL : false),
  });

  server.on('upgrade', (req, socket, head) => {
    const reject = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if ((req.url ?? '').split('?')[0] !== EVENTS_PATH) return reject(404, 'Not Found');
    if (!auth.hostAllowed(req.headers)) return reject(403, 'Forbidden');
    if (!auth.originAllowed(req.headers)) return reject(403, 'Forbidden');
    const protocols = new Set(
      (req.headers['sec-websocket-protocol'] ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    );
    const offered = auth.protocolToken(protocols);
    if (offered !== null && !auth.tokenMatches(offered)) return reject(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (offered !== null) {
        attach(ws);
        return;
      }
      // No token in the subprotocol: the first message must carry it.
      const timer = setTimeout(() => ws.close(4401, 'Unauthorized'), FIRST_MESSAGE_AUTH_MS);
      ws.once('message', (data) => {
        clearTimeout(timer);
        let token: unknown;
        try {
          token = (JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '') as { token?: unknown })
            .token;
        } catch {
          token = undefined;
        }
        if (typeof token === 'string' && auth.tokenMatches(token)) attach(ws);
        else ws.close(4401, 'Unauthorized');
      });
    });
  });

  function attach(ws: WebSocket): void {
    sockets.add(ws);
    ws.send(JSON.stringify({ event: 'ready', payload: {} } satisfies EventFrame<'ready'>));
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
    ws.on('message', () => {
      // Clients have nothing to say after authenticating; ignore.
    });
  }

  const unsubscribe = events.subscribe((frame) => {
    if (sockets.size === 0) return;
    const data = JSON.stringify(frame);
    for (const ws of sockets) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED_EVENT_BYTES) {
        ws.terminate();
        continue;
      }
      ws.send(data);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      auth = new ApiAuth(options.token, port);
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        async close() {
          unsubscribe();
          for (const ws of sockets) ws.close(1001, 'Server shutting down');
          wss.close();
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
