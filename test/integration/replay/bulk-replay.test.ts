import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoServer, type EchoServer } from '../../helpers/echo-server.js';
import { httpRequest } from '../../helpers/http.js';
import { startTestCore, type TestCore } from '../../helpers/test-core.js';

describe('bulk replay (500 captures, concurrency 8, a local server answering 2xx, 5xx or dropping)', () => {
  let app: TestCore;
  let server: EchoServer;
  let inFlight = 0;
  let maxInFlight = 0;
  const ids: number[] = [];

  beforeAll(async () => {
    app = await startTestCore();
    server = await startEchoServer();
    server.setBehaviour(async (req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 3));
      inFlight--;
      const n = (JSON.parse(req.body.toString()) as { n: number }).n;
      if (n % 50 === 7) {
        res.socket?.destroy();
        return;
      }
      const status = n % 10 === 0 ? 503 : 200;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ n }));
    });
    for (let start = 0; start < 500; start += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, k) =>
          httpRequest(`${app.listenerUrl}/bulk/${start + k}`, {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ n: start + k }),
          }),
        ),
      );
    }
    let before: number | undefined;
    for (;;) {
      const page = await app.call('captures.list', { limit: 1000, ...(before ? { before } : {}) });
      ids.push(...page.items.map((item) => item.id));
      if (page.next === null) break;
      before = page.next;
    }
    expect(ids).toHaveLength(500);
  });
  afterAll(async () => {
    await server.close();
    await app.stop();
  });

  it('runs every capture once with at most 8 in flight and sums up the outcomes correctly', async () => {
    const progress: number[] = [];
    const started = await app.call('replays.bulk', {
      ids,
      target: { kind: 'url', url: `${server.url}/bot` },
      concurrency: 8,
    });
    expect(started).toMatchObject({ state: 'running', total: 500, concurrency: 8 });
    const summary = await app.call('replays.bulkStatus', { bulkId: started.bulkId, wait: true });
    progress.push(summary.done);
    expect(summary).toMatchObject({
      state: 'done',
      total: 500,
      done: 500,
      running: 0,
      byClass: { '1xx': 0, '2xx': 440, '3xx': 0, '4xx': 0, '5xx': 50 },
      failed: 10,
      cancelled: 0,
    });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toMatchObject({ count: 10 });
    expect(summary.errors[0]!.message).toMatch(/closed the connection/u);
    expect(summary.timing).not.toBeNull();
    expect(summary.timing!.min).toBeLessThanOrEqual(summary.timing!.p50);
    expect(summary.timing!.p50).toBeLessThanOrEqual(summary.timing!.p95);
    expect(summary.timing!.p95).toBeLessThanOrEqual(summary.timing!.max);
    expect(summary.finishedAt).not.toBeNull();

    // The server saw each capture exactly once, never more than 8 at a time.
    const seen = server.received.map((req) => (JSON.parse(req.body.toString()) as { n: number }).n);
    expect(new Set(seen).size).toBe(500);
    expect(seen).toHaveLength(500);
    expect(maxInFlight).toBeLessThanOrEqual(8);
    expect(maxInFlight).toBeGreaterThan(1);

    // Every replay is stored, linked to its capture and to the run.
    const listed = await app.call('replays.list', { bulkId: started.bulkId, limit: 500 });
    expect(listed.items).toHaveLength(500);
    expect(listed.next).toBeNull();
    expect(new Set(listed.items.map((item) => item.captureId))).toEqual(new Set(ids));
    const one = await app.call('replays.list', { captureId: ids[0]! });
    expect(one.items[0]?.bulkId).toBe(started.bulkId);
  });

  it('replays the current filter and can be cancelled: nothing new starts, the summary counts the rest as cancelled', async () => {
    server.received.length = 0;
    server.setBehaviour(() => {
      // Never answers: every replay waits until cancelled.
    });
    const started = await app.call('replays.bulk', {
      filter: { provider: 'other', q: 'bulk' },
      target: { kind: 'url', url: server.url },
      concurrency: 4,
      timeoutMs: 60_000,
    });
    expect(started.total).toBe(500);
    const deadline = Date.now() + 5000;
    while (server.received.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const cancelled = await app.call('replays.bulkCancel', { bulkId: started.bulkId });
    expect(cancelled).toMatchObject({ state: 'cancelled', total: 500, done: 500, running: 0, failed: 0 });
    expect(cancelled.cancelled).toBe(500);
    // Only the first four were ever sent.
    expect(server.received).toHaveLength(4);
    const unknown = await app.callRaw('replays.bulkStatus', { bulkId: 'nope' });
    expect(unknown.status).toBe(404);
  });
});
