import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * An open-loop load generator for the runs at a fixed offered rate. autocannon's `overallRate`
 * lets every connection send its share of a second's requests back to back at the start of each
 * second, so at 1,000/s a server sees a burst of 1,000 once a second and the latency measured is
 * that burst's queue (the bare server's p99 read 23–44 ms that way). Here requests go out evenly
 * spaced over keep-alive connections, and each is timed from when it was due: a late client tick
 * or a stalled server counts against the latency instead of being left out (no coordinated
 * omission).
 */
export interface PacedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface PacedOptions<Request extends PacedRequest> {
  url: string;
  /** Requests per second over all connections. */
  rate: number;
  seconds: number;
  connections: number;
  /** The n-th request (from 0). */
  request: (n: number) => Request;
  /** Its answer's status, with the request it answers. */
  onResponse?: (status: number, request: Request) => void;
  /** Per request, in ms. */
  timeoutMs?: number;
}

/** The parts of an autocannon result the ingest report reads. */
export interface PacedResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function pacedLoad<Request extends PacedRequest>(
  options: PacedOptions<Request>,
): Promise<PacedResult> {
  const { rate, seconds, connections } = options;
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.max(1, Math.round(rate * seconds));
  const spacingMs = 1000 / rate;
  const latencies: number[] = [];
  const counts = { ok: 0, other: 0, errors: 0, timeouts: 0 };
  let sent = 0;
  let settled = 0;

  try {
    await new Promise<void>((resolve) => {
      const settle = () => {
        settled++;
        if (settled === total) resolve();
      };
      const send = (n: number, dueAt: number) => {
        const sending = options.request(n);
        const { path, headers, body } = sending;
        const payload = Buffer.from(body);
        const request = http.request({
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path,
          agent,
          headers: { ...headers, 'content-length': String(payload.length) },
        });
        let done = false;
        const finish = (kind: 'ok' | 'other' | 'errors' | 'timeouts') => {
          if (done) return;
          done = true;
          counts[kind]++;
          settle();
        };
        request.setTimeout(options.timeoutMs ?? 10_000, () => {
          finish('timeouts');
          request.destroy();
        });
        request.on('error', () => finish('errors'));
        request.on('response', (response) => {
          response.resume();
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            latencies.push(performance.now() - dueAt);
            options.onResponse?.(status, sending);
            finish(status >= 200 && status < 300 ? 'ok' : 'other');
          });
        });
        request.end(payload);
      };
      const started = performance.now();
      const tick = () => {
        // Everything due by now goes out; a late tick sends its backlog at once, timed from when due.
        const due = Math.min(total, Math.floor((performance.now() - started) / spacingMs) + 1);
        while (sent < due) {
          send(sent, started + sent * spacingMs);
          sent++;
        }
        if (sent < total) setTimeout(tick, Math.max(0, started + sent * spacingMs - performance.now()));
      };
      tick();
    });
  } finally {
    agent.destroy();
  }

  latencies.sort((a, b) => a - b);
  const at = (fraction: number) =>
    latencies.length === 0
      ? NaN
      : latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))]!;
  // A tenth of a millisecond below 10 ms (a server that keeps up answers in well under one).
  const round = (ms: number) => (ms < 10 ? Math.round(ms * 10) / 10 : Math.round(ms));
  return {
    requests: { average: (counts.ok + counts.other) / seconds, total },
    latency: { p50: round(at(0.5)), p99: round(at(0.99)), max: round(latencies.at(-1) ?? NaN) },
    '2xx': counts.ok,
    non2xx: counts.other,
    errors: counts.errors,
    timeouts: counts.timeouts,
  };
}
