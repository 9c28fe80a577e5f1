import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest } from '../helpers/http.js';
import { connectRaw, pause, type RawConnection } from '../helpers/raw-socket.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

/** Resident memory of a process in bytes (Linux). */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/mu.exec(status)?.[1];
  return Number(kb) * 1024;
}

const MALFORMED = [
  'GET\r\n\r\n',
  'GET / HTTP/1.1\r\nHost\r\n\r\n',
  'POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
  'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  'POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n',
  '\u0000\u0001\u0002 / HTTP/1.1\r\n\r\n',
  'GET /\u0000 HTTP/1.1\r\n\r\n',
  'GET / HTTP/1.1\r\n Folded: header\r\n\r\n',
  'GET / HTTP/1.1\r\nX: \u0000\r\n\r\n',
  `GET /${'a'.repeat(70_000)} HTTP/1.1\r\n\r\n`,
];

/** Streams `size` bytes of body as fast as the listener takes them; resolves with the status (or 0). */
function sendHugeBody(url: string, size: number): Promise<number> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.setHeader('Content-Length', size);
    req.on('error', () => resolve(0));
    req.setTimeout(20_000, () => req.destroy());
    const chunk = Buffer.alloc(1024 * 1024, 0x62);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(sent <= size ? chunk : chunk.subarray(0, size - (sent - chunk.length)))) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

// One bounded abuse run (about 15 s) against the real serve process, with well-formed webhooks
// sent alongside: the process stays up, memory stays bounded, and every webhook is captured.
describe('listener abuse run (the real serve process)', () => {
  let app: ServeProcess | undefined;
  const open: RawConnection[] = [];
  afterEach(async () => {
    for (const conn of open.splice(0)) conn.destroy();
    await app?.stop();
  });

  it('survives garbage, malformed HTTP, huge headers, slow drips and thousands of connections', async () => {
    app = await startServe();
    const pid = app.child.pid!;
    const url = app.listenerUrl;
    await httpRequest(`${url}/warm-up`, { body: 'x' });
    const baseline = rssOf(pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 200);
    let abusing = true;

    // Thousands of connections that never send anything (as the tunnel's idle sockets do).
    for (let i = 0; i < 2500; i++) open.push(await connectRaw(url));

    const garbage = (async () => {
      let answered400 = 0;
      for (let i = 0; i < 300; i++) {
        const conn = await connectRaw(url);
        conn.write(
          i < MALFORMED.length * 10 ? MALFORMED[i % MALFORMED.length]! : randomBytes(1 + (i % 8) * 1024),
        );
        conn.write('\r\n\r\n');
        await Promise.race([conn.closed, pause(500)]);
        if (conn.received().startsWith('HTTP/1.1 400')) answered400++;
        conn.destroy();
      }
      return answered400;
    })();

    const headers = (async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) {
        const big = await httpRequest(`${url}/big-header`, {
          headers: { 'x-big': 'h'.repeat(64 * 1024) },
          body: 'x',
        });
        const many: [string, string][] = Array.from({ length: 4000 }, (_, n) => [`x-${n}`, '1']);
        const lots = await httpRequest(`${url}/many-headers`, { headers: many, body: 'x' });
        statuses.push(big.status, lots.status);
      }
      return statuses;
    })();

    // Slowloris: headers and bodies dripped a byte at a time while everything else goes on.
    const drips = (async () => {
      const conns = await Promise.all(Array.from({ length: 150 }, () => connectRaw(url)));
      open.push(...conns);
      conns.forEach((conn, i) =>
        conn.write(
          i % 2 === 0 ? 'POST /drip HTTP/1.1\r\n' : 'POST /drip HTTP/1.1\r\nContent-Length: 100000\r\n\r\n',
        ),
      );
      while (abusing) {
        for (const conn of conns) conn.write(Math.random() < 0.5 ? 'X' : '-');
        await pause(300);
      }
    })();

    const oversized = Promise.all([1, 2, 3].map(() => sendHugeBody(`${url}/huge`, 40 * 1024 * 1024)));

    // The webhooks that matter, sent alongside all of it.
    const webhooks = (async () => {
      const sent: string[] = [];
      const statuses: number[] = [];
      const send = async (n: number) => {
        const message = `real webhook ${n} ${randomBytes(6).toString('hex')}`;
        const res = await httpRequest(`${url}/kindly`, {
          body: JSON.stringify({ chat_id: `abuse-${n % 5}`, bot_id: 1, message }),
          timeoutMs: 10_000,
        });
        statuses.push(res.status);
        sent.push(message);
      };
      for (let n = 0; n < 200; n += 4) {
        await Promise.all([send(n), send(n + 1), send(n + 2), send(n + 3)]);
        await pause(40);
      }
      return { sent, statuses };
    })();

    const [answered400, headerStatuses, oversizedStatuses, real] = await Promise.all([
      garbage,
      headers,
      oversized,
      webhooks,
    ]);
    await pause(1000);
    abusing = false;
    await drips;
    clearInterval(sampler);

    expect(app.child.exitCode).toBeNull();
    expect(real.statuses.every((status) => status === 200)).toBe(true);
    expect(answered400).toBeGreaterThan(50);
    expect(new Set(headerStatuses)).toEqual(new Set([431, 200]));
    expect(oversizedStatuses).toEqual([413, 413, 413]);
    // Bounded: thousands of sockets and 120 MB of oversized bodies cost far less than their size.
    expect(peak - baseline).toBeLessThan(200 * 1024 * 1024);

    const stored = new Set<string>();
    let before: number | undefined;
    for (;;) {
      const page = await app.call('captures.list', {
        provider: 'kindly',
        limit: 1000,
        ...(before ? { before } : {}),
      });
      for (const item of page.items) stored.add(item.summary);
      if (page.next === null) break;
      before = page.next;
    }
    expect(real.sent.filter((message) => !stored.has(message))).toEqual([]);
    // Still answering after the idle sockets and drips are gone.
    for (const conn of open.splice(0)) conn.destroy();
    expect((await httpRequest(`${url}/kindly`, { body: '{"chat_id":"after","bot_id":1}' })).status).toBe(200);
    process.stdout.write(
      `abuse run: RSS baseline ${Math.round(baseline / 2 ** 20)} MB, peak ${Math.round(peak / 2 ** 20)} MB\n`,
    );
  }, 40_000);
});
