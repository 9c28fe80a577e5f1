import { createHash, randomBytes } from 'node:crypto';
import type { TunnelState, TunnelStatus } from '../../shared/model/tunnel.js';
import type { TunnelTiming } from '../../electron/core/tunnel/tunnel-supervisor.js';
import type { LocaltunnelServer } from './localtunnel-server.js';
import type { TestCore } from './test-core.js';

/** Supervisor timings for tests: seconds become tenths, so failures and recoveries take moments. */
export const FAST_TUNNEL_TIMING: Partial<TunnelTiming> = {
  handshakeTimeoutMs: 3000,
  pollIntervalMs: 300,
  pollTimeoutMs: 1000,
  failedPollsBeforeReopen: 2,
  backoffBaseMs: 200,
  backoffCapMs: 1000,
  backoffMinMs: 50,
  reclaimDelayMs: 1500,
  wakeCheckIntervalMs: 1000,
  clockJumpThresholdMs: 10_000,
};

/** A fresh valid subdomain, so no test meets a name another test (or run) left in the server's grace period. */
export function uniqueSubdomain(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `tunnel.status` over the API until `accept` holds; fails with the last status after `timeoutMs`. */
export async function waitForTunnel(
  app: TestCore,
  accept: (status: TunnelStatus) => boolean,
  timeoutMs: number,
  what: string,
): Promise<TunnelStatus> {
  const deadline = Date.now() + timeoutMs;
  let last = await app.call('tunnel.status');
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Tunnel never became ${what} within ${timeoutMs} ms; last status: ${JSON.stringify(last)}`,
      );
    }
    await sleep(100);
    last = await app.call('tunnel.status');
  }
  return last;
}

export function waitForState(app: TestCore, state: TunnelState, timeoutMs = 10_000): Promise<TunnelStatus> {
  return waitForTunnel(app, (status) => status.state === state, timeoutMs, state);
}

/**
 * Sends a webhook through the tunnel until one is answered 200, then returns the capture it made.
 * While a tunnel recovers a request can fail or hang (each try has its own timeout); a hung one may
 * still be delivered late, which is why the capture is looked up by the unique path of the answered try.
 */
export async function sendThroughTunnelUntilCaptured(
  app: TestCore,
  lt: LocaltunnelServer,
  subdomain: string,
  body: Buffer,
  timeoutMs = 15_000,
): Promise<{ id: number; path: string }> {
  const deadline = Date.now() + timeoutMs;
  let tries = 0;
  let lastProblem = '';
  while (Date.now() < deadline) {
    const path = `/kindly/retry-${++tries}-${randomBytes(3).toString('hex')}`;
    try {
      const res = await lt.send(subdomain, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        timeoutMs: 3000,
      });
      if (res.status === 200) {
        const { items } = await app.call('captures.list', { limit: 50 });
        const capture = items.find((item) => item.path === path);
        if (capture) return { id: capture.id, path };
        lastProblem = `answered 200 but no capture has path ${path}`;
      } else lastProblem = `answered ${res.status} ${res.text.slice(0, 100)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`No webhook got through the tunnel in ${timeoutMs} ms (${tries} tries): ${lastProblem}`);
}
