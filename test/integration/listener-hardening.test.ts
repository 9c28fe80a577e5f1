import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '../helpers/http.js';
import { connectRaw, pause } from '../helpers/raw-socket.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { waitFor } from '../helpers/wait-for.js';

const REQUEST_HEAD = 'POST /kindly HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n';

// Slowloris defences with short limits: a connection that started a request and stalls is cut;
// one that has sent nothing (what localtunnel keeps open) is never touched.
describe('listener hardening (in process, short limits)', () => {
  let app: TestCore;
  beforeAll(async () => {
    app = await startTestCore({
      listenerLimits: {
        headersTimeoutMs: 400,
        bodyIdleTimeoutMs: 400,
        requestTimeoutMs: 1500,
        sweepIntervalMs: 50,
      },
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  const latest = async () => {
    const { items } = await app.call('captures.list', { limit: 1 });
    return items[0] ? app.call('captures.get', { id: items[0].id }) : null;
  };

  it('leaves an idle connection that sent nothing open well past every limit, then serves it', async () => {
    const idle = await connectRaw(app.listenerUrl);
    await pause(2000);
    expect(idle.isClosed()).toBe(false);
    const body = '{"chat_id":"idle","bot_id":1,"message":"late but fine"}';
    idle.write(`${REQUEST_HEAD}Content-Length: ${body.length}\r\n\r\n${body}`);
    await waitFor(() => idle.received().startsWith('HTTP/1.1 200'), 'the answer on the idle socket');
    // Idle again between requests (keep-alive, as the tunnel reuses sockets): still not cut.
    await pause(1000);
    expect(idle.isClosed()).toBe(false);
    idle.destroy();
    expect((await latest())?.summary).toBe('late but fine');
  });

  it('cuts a connection whose headers stall', async () => {
    const slow = await connectRaw(app.listenerUrl);
    slow.write('POST /kindly HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await slow.closed;
    expect(slow.received()).toBe('');
  });

  it('cuts a slowloris that keeps dribbling header bytes', async () => {
    const drip = await connectRaw(app.listenerUrl);
    drip.write('POST /kindly HTTP/1.1\r\n');
    for (let i = 0; i < 40 && !drip.isClosed(); i++) {
      drip.write(`X-Drip-${i}: a\r\n`);
      await pause(100);
    }
    expect(drip.isClosed()).toBe(true);
  });

  it('cuts a body that stalls, and keeps what arrived', async () => {
    const stalled = await connectRaw(app.listenerUrl);
    stalled.write(`${REQUEST_HEAD}Content-Length: 100\r\n\r\n{"chat_id":"stall",`);
    await stalled.closed;
    const detail = await waitFor(async () => {
      const capture = await latest();
      return capture?.body.base64 === Buffer.from('{"chat_id":"stall",').toString('base64') && capture;
    }, 'the partial body stored');
    expect(detail.body.truncated).toBe(true);
    expect(detail.parseErrorMessage).not.toBeNull();
  });

  it('cuts a body that drips slower than the request limit allows', async () => {
    const drip = await connectRaw(app.listenerUrl);
    drip.write(`${REQUEST_HEAD}Content-Length: 1000\r\n\r\n`);
    for (let i = 0; i < 60 && !drip.isClosed(); i++) {
      drip.write('a');
      await pause(100);
    }
    expect(drip.isClosed()).toBe(true);
  });

  it('answers 431 to headers over 32 KiB and keeps every header of a large but legal set', async () => {
    const huge = await httpRequest(`${app.listenerUrl}/other`, {
      headers: { 'x-huge': 'a'.repeat(40 * 1024) },
      body: 'x',
    });
    expect(huge.status).toBe(431);
    const many: [string, string][] = Array.from({ length: 2500 }, (_, i) => [`x-h${i}`, String(i)]);
    const ok = await httpRequest(`${app.listenerUrl}/other/many-headers`, { headers: many, body: 'x' });
    expect(ok.status).toBe(200);
    const detail = await latest();
    expect(detail?.path).toBe('/other/many-headers');
    // Node's default would have dropped all but 2000.
    expect(detail?.headers.filter(([name]) => name.startsWith('x-h'))).toHaveLength(2500);
  });

  it('answers 400 to malformed requests and stays up', async () => {
    for (const garbage of [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      'POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n',
    ]) {
      const conn = await connectRaw(app.listenerUrl);
      conn.write(garbage);
      await conn.closed;
      expect(conn.received()).toMatch(/^HTTP\/1\.1 400 Bad Request/u);
    }
    expect((await httpRequest(`${app.listenerUrl}/kindly`, { body: '{}' })).status).toBe(200);
  });
});
