/**
 * Security boundary: the webhook listener. This port is public (the tunnel forwards the internet
 * to it), so everything it receives is untrusted: method, path, headers and body are recorded as
 * bytes and parsed defensively, and nothing here can read or change stored data beyond appending
 * captures. It serves no API and no UI.
 *
 * Abuse limits: headers are capped at 32 KiB (431 beyond), bodies past the configured size are
 * drained up to a cap and cut, connections that start a request and stall are closed (idle ones
 * are not: the tunnel keeps idle sockets open, see connection-guard.ts), open connections are
 * capped, and clients can be rate-limited (429 + Retry-After; see rate-limiter.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { UNPARSED_SUMMARY, type CaptureSummary } from '../../../shared/model/capture.js';
import type { HeaderList } from '../../../shared/model/http.js';
import { classify, classifyAndParse, parseAs } from '../providers/registry.js';
import type { ParseResult, ReceivedRequest } from '../providers/provider.js';
import type { CaptureWriter } from '../store/capture-writer.js';
import type { CaptureAnnotations, NewCapture, StoredResponse } from '../store/records.js';
import { headerValue, pairsFromRaw } from '../util/headers.js';
import { ConnectionGuard, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './connection-guard.js';
import { clientKey, RateLimiter, type RateDecision, type RateLimitConfig } from './rate-limiter.js';
import { OVERSIZE_PREFIX_BYTES, readBody } from './read-body.js';
import { isClose, isDeferred, jsonResponse, type Responder, type ResponsePlan } from './responder.js';

export interface ListenerOptions {
  writer: CaptureWriter;
  responder: () => Responder;
  maxBodyBytes: () => number;
  /** True when a request's Host header names the public tunnel rather than this machine. */
  isTunnelHost: (host: string | undefined) => boolean;
  log: (line: string) => void;
  /** Rate limiting per client, read per request (settings may change). */
  rateLimit?: () => RateLimitConfig;
  /** Slowloris and connection limits; tests shorten them. */
  limits?: Partial<ConnectionLimits>;
  /** A capture could not be stored and was answered 503 (the store's health counts these). */
  onStoreFailure?: (error: unknown) => void;
  /**
   * Store captures answered without looking at their content underived (a capture deriver parses
   * them after the answer); otherwise every capture is parsed before it is stored.
   */
  deriveLater?: boolean;
}

/** Largest request head (request line + headers) accepted; larger ones get 431. */
export const MAX_HEADER_BYTES = 32 * 1024;
/** How often refusal counts of rate-limit records are written. */
const RATE_RECORD_FLUSH_MS = 2000;

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

function rateSummary(client: string, refused: number): string {
  return `Rate limited: ${refused} request(s) from ${client} refused with 429 (only the first is stored)`;
}

export function startListener(port: number, options: ListenerOptions): Promise<Listener> {
  const { writer, log } = options;
  const inflight = new Set<Promise<void>>();
  const limiter = new RateLimiter();
  /** Capture id → client, for the records of current bursts. */
  const refusedRecords = new Map<number, string>();
  let unrecordedLogged = 0;
  const rateRecordTimer = setInterval(() => {
    for (const [id, refused] of limiter.takeUpdates()) {
      const record = refusedRecords.get(id);
      if (record) writer.setSummary(id, rateSummary(record, refused));
    }
    if (limiter.unrecorded - unrecordedLogged >= 1) {
      log(
        `Rate limit: ${limiter.unrecorded - unrecordedLogged} more request(s) refused with 429, counted only.`,
      );
      unrecordedLogged = limiter.unrecorded;
    }
  }, RATE_RECORD_FLUSH_MS);
  rateRecordTimer.unref();

  /**
   * 429 without storing the request, except the first of a client's burst (within a global
   * budget), which is stored without its messages: the sender retries, and the retry is the
   * capture that counts. Later refusals only raise that record's count, so a flood cannot fill
   * the disk.
   */
  const refuseRateLimited = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    decision: Extract<RateDecision, { limited: true }>,
    capture: Omit<NewCapture, 'body' | 'bodySize' | 'bodyTruncated' | 'response'>,
  ): Promise<void> => {
    const plan: ResponsePlan = {
      ...jsonResponse(429, { error: 'Too many requests; retry later' }, 'rate-limit'),
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['Retry-After', String(decision.retryAfterSeconds)],
      ],
    };
    if (!decision.record) {
      const declared = Number(req.headers['content-length'] ?? 0);
      // Node reads and discards an unread body to keep the connection; past 64 KiB it is cheaper to close.
      if (!(declared <= OVERSIZE_PREFIX_BYTES) || req.headers['transfer-encoding'] !== undefined)
        res.shouldKeepAlive = false;
      sendPlan(res, plan);
      return;
    }
    const outcome = await readBody(req, OVERSIZE_PREFIX_BYTES);
    const body = outcome.kind === 'complete' ? outcome.body : outcome.prefix;
    const record: NewCapture = {
      ...capture,
      conversationKey: null,
      messages: [],
      searchText: '',
      parsedAs: null,
      parseError: null,
      summary: rateSummary(decision.client, 1),
      body,
      bodySize: outcome.kind === 'complete' ? body.length : outcome.size,
      bodyTruncated: outcome.kind !== 'complete',
      response: outcome.kind === 'aborted' ? null : toStored(plan, null, OVERSIZE_PREFIX_BYTES),
    };
    try {
      const stored = await writer.insert(record);
      refusedRecords.set(stored.id, decision.client);
      if (refusedRecords.size > 1000) refusedRecords.delete(refusedRecords.keys().next().value ?? -1);
      limiter.attachRecord(decision.client, stored.id);
    } catch (error) {
      limiter.attachRecord(decision.client, null);
      options.onStoreFailure?.(error);
    }
    if (outcome.kind === 'aborted') return;
    if (outcome.kind === 'too-large') res.shouldKeepAlive = false;
    sendPlan(res, plan);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const receivedAt = Date.now();
    const rawPath = req.url ?? '/';
    const queryIndex = rawPath.indexOf('?');
    const pathname = queryIndex === -1 ? rawPath : rawPath.slice(0, queryIndex);
    const headers = pairsFromRaw(req.rawHeaders);
    const remoteAddress = req.socket.remoteAddress ?? null;
    const viaTunnel = options.isTunnelHost(headerValue(headers, 'host'));
    const rateConfig = options.rateLimit?.();
    const client = rateConfig ? clientKey(rateConfig, { viaTunnel, remoteAddress, headers }) : null;
    if (client !== null && rateConfig) {
      const decision = limiter.check(client, rateConfig.perMinute);
      if (decision.limited) {
        const request: ReceivedRequest = {
          method: req.method ?? 'GET',
          path: rawPath,
          pathname,
          headers,
          body: Buffer.alloc(0),
          complete: false,
          receivedAt,
        };
        await refuseRateLimited(req, res, decision, {
          receivedAt,
          method: request.method,
          path: rawPath,
          httpVersion: req.httpVersion,
          provider: classifyAndParse(request).provider,
          conversationKey: null,
          summary: '',
          remoteAddress,
          viaTunnel,
          headers,
          parsedAs: null,
          parseError: null,
          messages: [],
          searchText: '',
        });
        return;
      }
    }
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
    const provider = classify(request).id;
    // Parsed when the responder looks at the content (or to store it now); an ack needs only the path.
    const parsed: { result: ParseResult | null } = { result: null };
    const parse = (): ParseResult => (parsed.result ??= parseAs(provider, request));
    const captureOf = (result: ParseResult | null): NewCapture => ({
      receivedAt,
      method: request.method,
      path: rawPath,
      httpVersion: req.httpVersion,
      provider,
      conversationKey: result ? result.conversationKey : null,
      summary: result ? result.summary : UNPARSED_SUMMARY,
      remoteAddress,
      viaTunnel,
      headers,
      body,
      bodySize: outcome.kind === 'complete' ? body.length : outcome.size,
      bodyTruncated: !complete,
      parsedAs: result ? result.parsedAs : null,
      parseError: result ? result.error : null,
      messages: result ? result.messages : [],
      searchText: result ? result.searchText : '',
      response: null,
      ...(result ? {} : { underived: true as const }),
    });

    if (outcome.kind === 'aborted') {
      // The sender went away mid-body: keep what arrived, there is nobody to answer.
      const capture = captureOf(parse());
      capture.parseError = capture.parseError ?? 'The sender disconnected before the body was complete.';
      await writer
        .insert(capture)
        .catch((error: unknown) => log(`Could not store an aborted request: ${String(error)}`));
      return;
    }

    const plan =
      outcome.kind === 'too-large'
        ? jsonResponse(413, { error: `Body larger than ${options.maxBodyBytes()} bytes` }, 'limit')
        : options.responder().decide({
            request,
            provider,
            get parse() {
              return parse();
            },
          });
    // Answered without looking at the content: parsing waits until the answer went out. So does an
    // answer that looked (a mock rule) while older captures wait: parsed in arrival order, a
    // conversation's state (closed, tags, assignee) follows the order its webhooks came in.
    const storeUnderived =
      options.deriveLater && !isDeferred(plan) && (parsed.result === null || writer.parsingDeferred());
    const capture = captureOf(storeUnderived ? null : parse());

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
    // A hold or forward works from the parsed capture, stored parsed now: behind a small backlog it
    // waits for the older captures first, so its conversation still follows arrival order (during a
    // flood, past 1,000 waiting, it is parsed ahead of them). With nothing waiting it goes on at once.
    await writer.settleParsing();
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
    if (options.onStoreFailure) options.onStoreFailure(error);
    else
      log(
        `Could not store a webhook, answered 503: ${error instanceof Error ? error.message : String(error)}`,
      );
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
    // Stalled requests are cut by the ConnectionGuard instead, which leaves idle sockets alone.
    { requestTimeout: 0, headersTimeout: 0, keepAliveTimeout: 65_000, maxHeaderSize: MAX_HEADER_BYTES },
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
  // Headers are bounded by size (MAX_HEADER_BYTES), not count: Node would silently drop headers
  // past its count limit, and a capture must keep every header it received.
  server.maxHeadersCount = 0;
  const guard = new ConnectionGuard(server, { ...DEFAULT_CONNECTION_LIMITS, ...options.limits });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  let acceptErrors = 0;
  const reportAcceptError = (error: Error) => {
    // Out of file descriptors and the like: refuse connections for now, never crash.
    if (acceptErrors++ % 1000 === 0) log(`Listener could not accept a connection: ${error.message}`);
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      server.on('error', reportAcceptError);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        async close() {
          guard.close();
          clearInterval(rateRecordTimer);
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
