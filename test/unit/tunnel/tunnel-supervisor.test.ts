import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TUNNEL_TIMING,
  serverGraceMs,
  TunnelSupervisor,
  type TunnelSupervisorOptions,
} from '../../../electron/core/tunnel/tunnel-supervisor.js';
import type { TunnelStatus } from '../../../shared/model/tunnel.js';
import { FakeClock, settle } from '../../helpers/fake-clock.js';
import { FakeTunnelServer } from '../../helpers/fake-tunnel-connector.js';

const HOST = 'https://tunnel.example.test';
const NAME = 'my-webhooks';
const T = DEFAULT_TUNNEL_TIMING;

describe('TunnelSupervisor state machine (fake clock, scripted server)', () => {
  let clock: FakeClock;
  let server: FakeTunnelServer;
  let statuses: TunnelStatus[];
  let holds: number;
  let port: number;
  let random: number;

  function supervisor(overrides: Partial<TunnelSupervisorOptions> = {}): TunnelSupervisor {
    const created = new TunnelSupervisor({
      localPort: () => port,
      openHolds: () => holds,
      endpoints: () => [
        { provider: 'dashly', prefix: '/dashly' },
        { provider: 'kindly', prefix: '/kindly' },
      ],
      connect: server.connect,
      checkHealth: server.checkHealth,
      clock,
      random: () => random,
      ...overrides,
    });
    created.onStatus((status) => statuses.push(status));
    return created;
  }

  async function online(sup: TunnelSupervisor): Promise<TunnelStatus> {
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(0);
    const status = sup.status();
    expect(status.state).toBe('online');
    return status;
  }

  /** Runs the clock just until the next health poll has answered. */
  async function nextPoll(): Promise<void> {
    const checks = server.healthChecks;
    while (server.healthChecks === checks) await clock.advance(100);
  }

  beforeEach(() => {
    clock = new FakeClock();
    server = new FakeTunnelServer();
    statuses = [];
    holds = 0;
    port = 4545;
    random = 1;
  });

  it('goes connecting → online and reports the granted URL and public endpoints', async () => {
    const sup = supervisor();
    const first = sup.start({ host: `${HOST}/`, subdomain: NAME });
    expect(first).toMatchObject({ state: 'connecting', attempt: 1, host: HOST, requestedSubdomain: NAME });
    await clock.advance(0);
    expect(sup.status()).toMatchObject({
      state: 'online',
      url: `https://${NAME}.tunnel.test`,
      grantedSubdomain: NAME,
      attempt: 0,
      nextRetryAt: null,
      error: null,
      warnings: [],
      maxSockets: 10,
      endpoints: [
        { provider: 'dashly', prefix: '/dashly', url: `https://${NAME}.tunnel.test/dashly` },
        { provider: 'kindly', prefix: '/kindly', url: `https://${NAME}.tunnel.test/kindly` },
      ],
    });
    expect(server.requests).toEqual([{ host: HOST, subdomain: NAME, localPort: 4545 }]);
    expect(statuses.map((status) => status.state)).toEqual(['connecting', 'online']);
    expect(sup.grantedHosts.matches(`${NAME}.tunnel.test`)).toBe(true);
  });

  it('never asks the server for an invalid subdomain or host: error state at once', async () => {
    const sup = supervisor();
    expect(sup.start({ host: HOST, subdomain: 'My_Hook' })).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/uppercase/u) as string,
    });
    expect(sup.start({ host: 'ftp://example.test', subdomain: NAME }).error).toMatch(
      /http:\/\/ or https:\/\//u,
    );
    await clock.advance(10 * 60_000);
    expect(server.requests).toHaveLength(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('retries failures with exponential backoff up to the cap, showing attempt and next try', async () => {
    for (let i = 0; i < 9; i++) server.outcomes.push({ error: 'Could not reach the tunnel server.' });
    const sup = supervisor();
    sup.start({ host: HOST, subdomain: NAME });
    const delays: number[] = [];
    for (let attempt = 2; attempt <= 10; attempt++) {
      await clock.advance(0);
      const status = sup.status();
      expect(status).toMatchObject({
        state: 'reconnecting',
        attempt,
        error: 'Could not reach the tunnel server.',
      });
      const delay = (status.nextRetryAt ?? 0) - clock.now();
      delays.push(delay);
      await clock.advance(delay);
    }
    // random() = 1: each delay is its ceiling.
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    await clock.advance(0);
    expect(sup.status()).toMatchObject({ state: 'online', attempt: 0, error: null });
    expect(server.requests).toHaveLength(10);
  });

  it('starts the backoff over after a stable period online, but not after a short one', async () => {
    const sup = supervisor();
    await online(sup);
    server.outcomes.push({ error: 'down' }, { error: 'down' });
    server.last?.fail('The tunnel server refused the tunnel connection.');
    expect(sup.status()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    expect((sup.status().nextRetryAt ?? 0) - clock.now()).toBe(1000);
    await clock.advance(1000); // try 1 fails
    await clock.advance(2000); // try 2 fails
    await clock.advance(4000); // try 3 succeeds
    expect(sup.status().state).toBe('online');

    // Dropped again after 10 s: still flapping, so the backoff keeps growing.
    await clock.advance(10_000);
    server.last?.fail('dropped');
    expect((sup.status().nextRetryAt ?? 0) - clock.now()).toBe(8000);
    await clock.advance(8000);
    expect(sup.status().state).toBe('online');

    // Online longer than stableAfterMs: the next drop starts from the base again.
    await clock.advance(T.stableAfterMs + 1000);
    server.last?.fail('dropped');
    expect((sup.status().nextRetryAt ?? 0) - clock.now()).toBe(1000);
  });

  it('uses full jitter: a random delay between the floor and the ceiling', async () => {
    random = 0;
    server.outcomes.push({ error: 'down' });
    const sup = supervisor();
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(0);
    expect((sup.status().nextRetryAt ?? 0) - clock.now()).toBe(T.backoffMinMs);
  });

  it('abandons a handshake after the timeout, retries, and closes an abandoned try that succeeds late', async () => {
    server.outcomes.push({ late: true });
    const sup = supervisor();
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(T.handshakeTimeoutMs - 1);
    expect(sup.status().state).toBe('connecting');
    await clock.advance(1);
    expect(sup.status()).toMatchObject({
      state: 'reconnecting',
      attempt: 2,
      error: 'The tunnel server did not open the tunnel within 15 s.',
    });
    // The abandoned try completes after all: it must be closed, not adopted.
    server.release();
    await settle();
    expect(server.tunnels).toHaveLength(1);
    expect(server.tunnels[0]?.closed).toBe(true);
    expect(sup.status().state).toBe('reconnecting');
    await clock.advance(1000);
    expect(sup.status().state).toBe('online');
    expect(server.last?.closed).toBe(false);
  });

  it('aborts a hanging handshake through its signal', async () => {
    server.outcomes.push({ hang: true });
    const sup = supervisor();
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(T.handshakeTimeoutMs);
    expect(sup.status()).toMatchObject({ state: 'reconnecting', attempt: 2 });
  });

  it('reopens once for a burst of errors and ignores events from an older tunnel', async () => {
    const sup = supervisor();
    await online(sup);
    const first = server.last;
    first?.fail('refused 1');
    first?.fail('refused 2');
    first?.fail('refused 3');
    expect(first?.closed).toBe(true);
    expect(sup.status().error).toBe('refused 1');
    await clock.advance(1000);
    expect(server.requests).toHaveLength(2);
    expect(sup.status().state).toBe('online');
    first?.fail('late error from the old generation');
    expect(sup.status().state).toBe('online');
    await clock.advance(5 * 60_000);
    expect(server.requests).toHaveLength(2);
  });

  it('stays in error without retrying when the failure is fatal', async () => {
    server.outcomes.push({ error: 'The tunnel server refused the subdomain.', fatal: true });
    const sup = supervisor();
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(0);
    expect(sup.status()).toMatchObject({ state: 'error', error: 'The tunnel server refused the subdomain.' });
    await clock.advance(10 * 60_000);
    expect(server.requests).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('polls the server: 404 reopens at once, zero sockets or an unreachable server after two polls in a row', async () => {
    const sup = supervisor();
    await online(sup);
    await clock.advance(T.pollIntervalMs);
    expect(server.healthChecks).toBe(1);
    expect(sup.status()).toMatchObject({ state: 'online', connectedSockets: 10 });

    server.health = { kind: 'unreachable', reason: 'connection refused' };
    await clock.advance(T.pollIntervalMs);
    expect(sup.status().state).toBe('online');
    server.health = { kind: 'ok', connectedSockets: 10 };
    await clock.advance(T.pollIntervalMs);
    server.health = { kind: 'unreachable', reason: 'connection refused' };
    await clock.advance(T.pollIntervalMs);
    expect(sup.status().state).toBe('online'); // the success in between reset the count
    await clock.advance(T.pollIntervalMs);
    expect(sup.status()).toMatchObject({
      state: 'reconnecting',
      error: 'The tunnel server is unreachable: connection refused.',
    });

    server.health = { kind: 'ok', connectedSockets: 10 };
    await clock.advance(60_000);
    expect(sup.status().state).toBe('online');
    server.health = { kind: 'ok', connectedSockets: 0 };
    await nextPoll();
    expect(sup.status().state).toBe('online');
    await nextPoll();
    expect(sup.status()).toMatchObject({
      state: 'reconnecting',
      error: 'The tunnel server reports no open tunnel connections.',
    });

    server.health = { kind: 'ok', connectedSockets: 10 };
    await clock.advance(60_000);
    expect(sup.status().state).toBe('online');
    server.health = { kind: 'unknown-tunnel' };
    await nextPoll();
    expect(sup.status()).toMatchObject({
      state: 'reconnecting',
      error: 'The tunnel server no longer knows this tunnel (it restarted or dropped it).',
    });
  });

  it('warns, and stops polling, when the server has no status endpoint', async () => {
    server.health = { kind: 'no-status-api' };
    const sup = supervisor();
    await online(sup);
    await clock.advance(T.pollIntervalMs);
    expect(sup.status().warnings.join(' ')).toMatch(/no status endpoint/u);
    await clock.advance(10 * T.pollIntervalMs);
    expect(server.healthChecks).toBe(1);
    expect(sup.status().state).toBe('online');
  });

  it('re-checks at once after a clock jump (sleep) instead of waiting for the next poll', async () => {
    const sup = supervisor();
    await online(sup);
    await clock.advance(T.pollIntervalMs);
    expect(server.healthChecks).toBe(1);
    server.health = { kind: 'unknown-tunnel' };
    clock.sleep(30 * 60_000);
    // The wake detector's next tick sees the jump; the poll is not due yet at that moment.
    await clock.advance(T.wakeCheckIntervalMs);
    expect(server.healthChecks).toBe(2);
    expect(sup.status().state).toBe('reconnecting');
  });

  it('after a sleep, a long pending retry is tried at once', async () => {
    random = 1;
    for (let i = 0; i < 7; i++) server.outcomes.push({ error: 'offline' });
    const sup = supervisor();
    sup.start({ host: HOST, subdomain: NAME });
    for (let i = 0; i < 7; i++) await clock.advance((sup.status().nextRetryAt ?? clock.now()) - clock.now());
    expect((sup.status().nextRetryAt ?? 0) - clock.now()).toBe(60_000);
    clock.sleep(2 * 60 * 60_000);
    await clock.advance(T.wakeCheckIntervalMs);
    expect(sup.status().state).toBe('online');
  });

  it('grants a different name on the first start: online with a loud warning', async () => {
    server.outcomes.push({ grant: 'random-moose-12' });
    const sup = supervisor();
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(0);
    const status = sup.status();
    expect(status).toMatchObject({
      state: 'online',
      url: 'https://random-moose-12.tunnel.test',
      requestedSubdomain: NAME,
      grantedSubdomain: 'random-moose-12',
    });
    expect(status.warnings[0]).toContain(`did not grant the subdomain "${NAME}"`);
    expect(status.warnings[0]).toContain('https://random-moose-12.tunnel.test');
  });

  it('after the grace period asks once more for the requested name, and switches when it gets it', async () => {
    const sup = supervisor({ timing: { reclaimDelayMs: 5000 } });
    await online(sup);
    server.outcomes.push({ grant: 'random-moose-12' });
    server.last?.fail('dropped');
    await clock.advance(1000);
    // Works under the name it got, meanwhile, and says so.
    const interim = server.last;
    expect(sup.status()).toMatchObject({ state: 'online', grantedSubdomain: 'random-moose-12' });
    expect(sup.status().warnings).toHaveLength(1);
    expect(sup.status().warnings[0]).toMatch(
      /asks for "my-webhooks" again once the server has let go of it \(about 5 s\)/u,
    );
    expect(statuses.at(-1)?.warnings).toEqual(sup.status().warnings);
    await clock.advance(4999);
    expect(server.requests).toHaveLength(2);
    await clock.advance(1);
    expect(server.requests).toHaveLength(3);
    expect(sup.status()).toMatchObject({ state: 'online', grantedSubdomain: NAME, warnings: [] });
    expect(interim?.closed).toBe(true);
    // Events of the replaced tunnel are stale now.
    interim?.fail('late');
    expect(sup.status().state).toBe('online');
    // Polls go on for the new tunnel.
    server.health = { kind: 'unknown-tunnel' };
    await nextPoll();
    expect(sup.status().state).toBe('reconnecting');
  });

  it('keeps the working tunnel (and the warning) when the name is still taken, and asks only once', async () => {
    const sup = supervisor({ timing: { reclaimDelayMs: 5000 } });
    server.outcomes.push({ grant: 'other-one-1' }, { grant: 'other-one-2' });
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(5000);
    const probe = server.last;
    expect(probe?.clientId).toBe('other-one-2');
    expect(probe?.closed).toBe(true);
    expect(sup.status()).toMatchObject({ state: 'online', grantedSubdomain: 'other-one-1' });
    expect(sup.status().warnings).toHaveLength(1);
    expect(sup.status().warnings[0]).toMatch(/If it stays taken, give the platforms the new URL/u);
    expect(statuses.at(-1)?.warnings).toEqual(sup.status().warnings);
    await clock.advance(60 * 60_000);
    expect(server.requests).toHaveLength(2);
  });

  it('waits 60 s (plus a margin) for the public service, 1 s for others, before asking for a held name again', () => {
    expect(serverGraceMs('https://localtunnel.me')).toBe(60_000);
    expect(serverGraceMs('https://loca.lt')).toBe(60_000);
    expect(serverGraceMs('http://127.0.0.1:8111')).toBe(1000);
  });

  it('warns when held requests approach or take all tunnel sockets', async () => {
    const sup = supervisor();
    await online(sup);
    holds = 7;
    expect(sup.status().warnings).toEqual([]);
    holds = 8;
    expect(sup.status().warnings).toEqual([
      '8 of 10 tunnel connections are taken by held requests; at 10 new webhooks will wait at the tunnel server.',
    ]);
    holds = 10;
    expect(sup.status().warnings[0]).toMatch(/^All 10 tunnel connections are taken by held requests/u);
    // refresh() publishes the change to listeners.
    const before = statuses.length;
    sup.refresh();
    expect(statuses.length).toBe(before + 1);
    expect(statuses.at(-1)?.warnings[0]).toMatch(/^All 10/u);
  });

  it('warns when fewer sockets are connected than the server allows', async () => {
    server.health = { kind: 'ok', connectedSockets: 3 };
    const sup = supervisor();
    await online(sup);
    await clock.advance(T.pollIntervalMs);
    expect(sup.status()).toMatchObject({ connectedSockets: 3, maxSockets: 10 });
    expect(sup.status().warnings).toEqual([
      'Only 3 of 10 tunnel connections are open, so fewer webhooks can be delivered at the same time.',
    ]);
  });

  it('stop() cancels everything: no retry, no poll, a late success is closed', async () => {
    const sup = supervisor();
    await online(sup);
    const tunnel = server.last;
    expect(sup.stop()).toMatchObject({ state: 'off', url: null, attempt: 0, error: null, endpoints: [] });
    expect(tunnel?.closed).toBe(true);
    tunnel?.fail('refused after close');
    await clock.advance(10 * 60_000);
    expect(sup.status().state).toBe('off');
    expect(server.requests).toHaveLength(1);
    expect(server.healthChecks).toBe(0);
    expect(clock.pendingTimers).toBe(0);

    server.outcomes.push({ late: true });
    sup.start({ host: HOST, subdomain: NAME });
    sup.stop();
    server.release();
    await settle();
    expect(server.last?.closed).toBe(true);
    expect(sup.status().state).toBe('off');
  });

  it('stop() while waiting for a retry cancels the retry', async () => {
    server.outcomes.push({ error: 'down' });
    const sup = supervisor();
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(0);
    expect(sup.status().state).toBe('reconnecting');
    sup.stop();
    await clock.advance(10 * 60_000);
    expect(server.requests).toHaveLength(1);
  });

  it('reopens towards the listener when it moves to another port', async () => {
    const sup = supervisor();
    await online(sup);
    port = 5000;
    sup.localPortChanged();
    expect(sup.status().state).toBe('reconnecting');
    await clock.advance(0);
    expect(sup.status().state).toBe('online');
    expect(server.requests.at(-1)?.localPort).toBe(5000);
    // Same port again: nothing to do.
    sup.localPortChanged();
    expect(sup.status().state).toBe('online');
  });

  it('turns unexpected exceptions into retries, never into unhandled rejections', async () => {
    let broken = true;
    const sup = supervisor({
      localPort: () => {
        if (broken) throw new Error('listener not ready');
        return 4545;
      },
      connect: (request, signal) => {
        if (request.subdomain === 'throws-sync') throw new Error('connector bug');
        return server.connect(request, signal);
      },
      checkHealth: () => Promise.reject(new Error('checker bug')),
    });
    sup.start({ host: HOST, subdomain: NAME });
    await clock.advance(0);
    expect(sup.status()).toMatchObject({
      state: 'reconnecting',
      error: 'Opening the tunnel failed: listener not ready',
    });
    broken = false;
    await clock.advance(1000);
    expect(sup.status().state).toBe('online');
    // A checker that throws counts as an unreachable server.
    await clock.advance(2 * T.pollIntervalMs);
    expect(sup.status()).toMatchObject({
      state: 'reconnecting',
      error: 'The tunnel server is unreachable: checker bug.',
    });

    sup.start({ host: HOST, subdomain: 'throws-sync' });
    await clock.advance(0);
    expect(sup.status()).toMatchObject({
      state: 'reconnecting',
      error: 'Opening the tunnel failed: connector bug',
    });
    sup.stop();
  });

  it('a listener that throws does not break the supervisor', async () => {
    const sup = supervisor();
    sup.onStatus(() => {
      throw new Error('subscriber bug');
    });
    await online(sup);
  });
});
