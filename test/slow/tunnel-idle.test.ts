import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocaltunnelServer, type LocaltunnelServer } from '../helpers/localtunnel-server.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { sleep, uniqueSubdomain, waitForState } from '../helpers/tunnel.js';

const IDLE_MS = 95_000;

/**
 * docs/localtunnel.md §4.1: with Node's default listener timeouts an idle tunnel dies silently
 * after about a minute (408s written to the pre-opened sockets, then 404). The listener runs with
 * both timeouts off, so after more than 90 s without traffic a burst larger than the tunnel's
 * 10 sockets must still arrive — through the same tunnel, without the supervisor reopening it.
 */
describe('an idle tunnel stays usable (slow: about 100 s)', () => {
  let lt: LocaltunnelServer;
  let app: TestCore;

  beforeAll(async () => {
    lt = await startLocaltunnelServer();
    // Production timings: the health poll must not be what keeps this working.
    app = await startTestCore();
  });
  afterAll(async () => {
    await app.stop();
    await lt.stop();
  });

  it(
    'delivers 12 concurrent webhooks after 95 s of silence, all captured, none answered 408',
    async () => {
      const name = uniqueSubdomain('idle');
      await app.call('tunnel.start', { host: lt.host, subdomain: name });
      const online = await waitForState(app, 'online', 20_000);
      const generation = app.core.tunnel.supervisor.generation;
      expect(await lt.tunnelSockets(name)).toBe(10);

      await sleep(IDLE_MS);

      const paths = Array.from({ length: 12 }, (_, i) => `/kindly/after-idle-${i}`);
      const answers = await Promise.all(
        paths.map((path, i) =>
          lt.send(name, path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ i }),
            timeoutMs: 10_000,
          }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(paths.map(() => 200));

      const { items } = await app.call('captures.list', { limit: 50 });
      const captured = items.filter((item) => paths.includes(item.path));
      expect(captured).toHaveLength(12);
      expect(captured.every((item) => item.viaTunnel)).toBe(true);

      const status = await app.call('tunnel.status');
      expect(status).toMatchObject({ state: 'online', url: online.url, since: online.since });
      expect(app.core.tunnel.supervisor.generation).toBe(generation);
    },
    IDLE_MS + 60_000,
  );
});
