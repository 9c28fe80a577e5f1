/**
 * Security boundary: the webhook listener. This port is public (the tunnel forwards the internet
 * to it), so everything it receives is untrusted: method, path, headers and body are recorded as
 * bytes and parsed defensively, and nothing here can read or change stored data beyond appending
 * captures. It serves no API and no UI.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import type { HeaderList } from '../../../shared/model/http.js';
import { classifyAndParse } from '../providers/registry.js';
import type { ReceivedRequest } from '../providers/provider.js';
import type { CaptureWriter } from '../store/capture-writer.js';
import type { CaptureAnnotations, NewCapture, StoredResponse } from '../store/records.js';
import { headerValue, pairsFromRaw } from '../util/headers.js';
import { readBody } from './read-body.js';
import { isClose, isDeferred, jsonResponse, type Responder, type ResponsePlan } from './responder.js';

export interface ListenerOptions {
  writer: CaptureWriter;
  responder: () => Responder;
  maxBodyBytes: () => number;
  /** True when a request's Host header names the public tunnel rather than this machine. */
  isTunnelHost: (host: string | undefined) => boolean;
  log: (line: string) => void;
}

export interface Listener {
  readonly port: number;
  readonly url: string;
  /** Stops accepting; waits for in-flight requests (their answers are already decided) then closes. */
  close(): Promise<void>;
}

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/iu;

/** Requests that reach us from a Host other than this machine came through the tunnel. */
export function defaultIsTunnelHost(host: string | undefined): boolean {
  return host !== undefined && host !== '' && !LOOPBACK_HOST.test(host);
}

/** Statuses that never carry a body (RFC 9110 §6.4.1); Node drops one anyway. */
function bodyless(status: number): boolean {
  return status === 204 || status === 304;
}

function sendPlan(res: http.ServerResponse, plan: ResponsePlan): void {
  const headers: HeaderList = plan.headers.filter(([name]) => name.toLowerCase() !== 'content-length');
  res.statusCode = plan.status;
  for (const [name, value] of headers) {
    try {
      res.appendHeader(name, value);
    } catch {
      // A header a user typed that HTTP forbids is skipped rather than failing the answer.
    }
  }
  if (bodyless(plan.status)) {
    res.end();
    return;
  }
  res.setHeader('Content-Length', plan.body.length);
  // HEAD: Node sends the headers (Content-Length included) and drops the body itself.
  res.end(plan.body);
}

/** What is recorded of a sent answer; bodies past `storeLimit` keep their first part. */
function toStored(plan: ResponsePlan, latencyMs: number | null, storeLimit: number): StoredResponse {
  const body = bodyless(plan.status) ? Buffer.alloc(0) : plan.body;
  const truncated = body.length > storeLimit;
  return {
    status: plan.status,
    headers: [
      ...plan.headers.filter(([name]) => name.toLowerCase() !== 'content-length'),
      ...(bodyless(plan.status) ? [] : [['Content-Length', String(body.length)] as [string, string]]),
    ],
    body: truncated ? body.subarray(0, storeLimit) : body,
    bodySize: body.length,
    bodyTruncated: truncated,
    source: plan.source,
    ruleIndex: plan.ruleIndex ?? null,
    latencyMs,
  };
}

/** A forward record whose body was not stored with a response must keep its own copy. */
function standalone(annotations: CaptureAnnotations): CaptureAnnotations {
  return annotations.forward
    ? { ...annotations, forward: { ...annotations.forward, sameAsResponse: false } }
    : annotations;
}

export function startListener(port: number, options: ListenerOptions): Promise<Listener> {
  const { writer, log } = options;
  const inflight = new Set<Promise<void>>();

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const receivedAt = Date.now();
    const rawPath = req.url ?? '/';
    const queryIndex = rawPath.indexOf('?');
    const pathname = queryIndex === -1 ? rawPath : rawPath.slice(0, queryIndex);
    const headers = pairsFromRaw(req.rawHeaders);
    const outcome = await readBody(req, options.maxBodyBytes());
    const bodyDone = performance.now();

    const complete = outcome.kind === 'complete';
    const body = outcome.kind === 'complete' ? outcome.body : outcome.prefix;
    const request: ReceivedRequest = {
      method: req.method ?? 'GET',
      path: rawPath,
      pathname,
      headers,
      body,
      complete,
      receivedAt,
    };
    const { provider, result } = classifyAndParse(request);
    const capture: NewCapture = {
      receivedAt,
      method: request.method,
      path: rawPath,
      httpVersion: req.httpVersion,
      provider,
      conversationKey: result.conversationKey,
      summary: result.summary,
      remoteAddress: req.socket.remoteAddress ?? null,
      viaTunnel: options.isTunnelHost(headerValue(headers, 'host')),
      headers,
      body,
      bodySize: outcome.kind === 'complete' ? body.length : outcome.size,
      bodyTruncated: !complete,
      parsedAs: result.parsedAs,
      parseError: result.error,
      messages: result.messages,
      searchText: result.searchText,
      response: null,
    };

    if (outcome.kind === 'aborted') {
      // The sender went away mid-body: keep what arrived, there is nobody to answer.
      capture.parseError = capture.parseError ?? 'The sender disconnected before the body was complete.';
      await writer
        .insert(capture)
        .catch((error: unknown) => log(`Could not store an aborted request: ${String(error)}`));
      return;
    }

    const plan =
      outcome.kind === 'too-large'
        ? jsonResponse(413, { error: `Body larger than ${options.maxBodyBytes()} bytes` }, 'limit')
        : options.responder().decide({ request, provider, parse: result });

    const storeLimit = options.maxBodyBytes();
    if (!isDeferred(plan)) {
      capture.response = toStored(plan, null, storeLimit);
      let stored: CaptureSummary;
      try {
        stored = await writer.insert(capture);
      } catch (error) {
        answerStoreFailure(res, error);
        return;
      }
      if (plan.annotations) writer.setAnnotations(stored.id, standalone(plan.annotations));
      if (outcome.kind === 'too-large') res.setHeader('Connection', 'close');
      res.once('finish', () => writer.setLatency(stored.id, performance.now() - bodyDone));
      sendPlan(res, plan);
      return;
    }

    const senderGone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) senderGone.abort();
    });
    let stored: CaptureSummary;
    try {
      stored = await writer.insert(capture);
    } catch (error) {
      answerStoreFailure(res, error);
      return;
    }
    const answer = await plan.deferred(stored, senderGone.signal).catch((error: unknown) => {
      log(`Responder failed for capture ${stored.id}: ${String(error)}`);
      return jsonResponse(502, { error: 'Convoscope could not produce a response' }, 'error');
    });
    if (isClose(answer) || senderGone.signal.aborted) {
      // Nothing is sent: an aborted hold really closes the connection (no synthetic 503).
      if (answer?.annotations) writer.setAnnotations(stored.id, standalone(answer.annotations));
      if (!res.destroyed) res.destroy();
      return;
    }
    let finished = false;
    res.once('finish', () => {
      finished = true;
      writer.setResponse(stored.id, toStored(answer, performance.now() - bodyDone, storeLimit));
      if (answer.annotations) writer.setAnnotations(stored.id, answer.annotations);
    });
    res.once('close', () => {
      if (!finished && answer.annotations) writer.setAnnotations(stored.id, standalone(answer.annotations));
    });
    sendPlan(res, answer);
  };

  function answerStoreFailure(res: http.ServerResponse, error: unknown): void {
    // Never acknowledge what was not stored: 503 makes the platform retry.
    log(`Could not store a webhook, answered 503: ${error instanceof Error ? error.message : String(error)}`);
    if (res.headersSent) return;
    sendPlan(res, {
      ...jsonResponse(503, { error: 'Convoscope could not store this request; retry later' }, 'error'),
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['Retry-After', '5'],
      ],
    });
  }

  const server = http.createServer(
    // Both timeouts off: localtunnel pre-opens idle sockets, and Node's 408 on them kills the tunnel
    // silently (docs/localtunnel.md §4.1).
    { requestTimeout: 0, headersTimeout: 0, keepAliveTimeout: 65_000 },
    (req, res) => {
      const task = handle(req, res)
        .catch((error: unknown) => {
          log(`Listener error: ${error instanceof Error ? error.stack : String(error)}`);
          if (!res.headersSent) sendPlan(res, jsonResponse(500, { error: 'Internal error' }, 'error'));
        })
        .finally(() => inflight.delete(task));
      inflight.add(task);
    },
  );
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        async close() {
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            void Promise.allSettled([...inflight]).then(() => server.closeAllConnections());
          });
        },
      });
    });
  });
}
