/**
 * Keeps one localtunnel tunnel up and says honestly how it is doing (docs/localtunnel.md §8).
 *
 * - Each try is a numbered generation; events, poll results and timers of an older generation
 *   are dropped, so a late answer can never resurrect a closed tunnel.
 * - The subdomain and host are checked before anything is sent (no 403 or 404 loop can start).
 * - Every try is raced against a handshake timeout; a try that succeeds after it was abandoned
 *   is closed at once.
 * - A broken or failed tunnel is reopened after a backoff with full jitter (reset once the
 *   tunnel was stable).
 * - The URL the server granted is what is reported. When it is not the name asked for (often the
 *   server still holds ours from the dropped connection or the previous run), the tunnel works
 *   under it with a loud warning, and after the server's grace period asks once more for ours.
 * - The server's per-tunnel status is polled: 404 or no open sockets means a silently dead
 *   tunnel; unreachable means the server is down. A clock jump (sleep) triggers a check at once.
 * - Nothing here throws into the caller's event loop: failures become states.
 */
import type { ProviderId } from '../../../shared/model/provider.js';
import type { TunnelState, TunnelStatus } from '../../../shared/model/tunnel.js';
import { subdomainProblem } from '../../../shared/tunnel/subdomain.js';
import { normalizeTunnelHost } from '../../../shared/tunnel/tunnel-host.js';
import { backoffDelay } from './backoff.js';
import { systemClock, type Clock, type TimerHandle } from './clock.js';
import { GrantedHosts } from './granted-hosts.js';
import { checkTunnelHealth, type HealthChecker, type HealthResult } from './health-check.js';
import { openLocaltunnel, type OpenTunnel, type TunnelConnector } from './localtunnel-connector.js';
import { TunnelOpenError } from './tunnel-errors.js';
import { startWakeDetector } from './wake-detector.js';

export interface TunnelTarget {
  host: string;
  subdomain: string;
}

export interface TunnelTiming {
  /** A try (handshake plus first socket) that takes longer is abandoned and retried. */
  handshakeTimeoutMs: number;
  /** How often the server is asked whether it still has the tunnel. */
  pollIntervalMs: number;
  pollTimeoutMs: number;
  /** Consecutive unreachable / zero-socket polls before the tunnel is reopened. */
  failedPollsBeforeReopen: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  backoffMinMs: number;
  /** Online this long, the next failure starts the backoff from the beginning. */
  stableAfterMs: number;
  /** Wait before asking again for a name the server still holds; null: the server's grace period plus a margin. */
  reclaimDelayMs: number | null;
  wakeCheckIntervalMs: number;
  /** A tick this much later (or earlier) than due by the wall clock counts as a clock jump. */
  clockJumpThresholdMs: number;
}

export const DEFAULT_TUNNEL_TIMING: TunnelTiming = {
  handshakeTimeoutMs: 15_000,
  pollIntervalMs: 5_000,
  pollTimeoutMs: 4_000,
  failedPollsBeforeReopen: 2,
  backoffBaseMs: 1_000,
  backoffCapMs: 60_000,
  backoffMinMs: 250,
  stableAfterMs: 60_000,
  reclaimDelayMs: null,
  wakeCheckIntervalMs: 5_000,
  clockJumpThresholdMs: 15_000,
};

const PUBLIC_SERVICE = /(^|\.)(localtunnel\.me|loca\.lt)$/iu;

/**
 * How long the server keeps a tunnel whose sockets all dropped: the public service waits 60 s,
 * the upstream server (and most self-hosted ones) 1 s. Asking again sooner gets a random name.
 */
export function serverGraceMs(host: string): number {
  try {
    return PUBLIC_SERVICE.test(new URL(host).hostname) ? 60_000 : 1_000;
  } catch {
    return 1_000;
  }
}

export interface TunnelSupervisorOptions {
  /** The listener port the tunnel forwards to, read at every try. */
  localPort: () => number;
  /** Requests currently held open by the operator; each one occupies a tunnel socket. */
  openHolds?: () => number;
  /** The listener's endpoints (read when the status is built: users add and rename them). */
  endpoints?: () => readonly { provider: ProviderId; prefix: string }[];
  connect?: TunnelConnector;
  checkHealth?: HealthChecker;
  clock?: Clock;
  random?: () => number;
  timing?: Partial<TunnelTiming>;
  log?: (line: string) => void;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function seconds(ms: number): string {
  return ms < 10_000 ? (ms / 1000).toFixed(1).replace(/\.0$/u, '') : String(Math.round(ms / 1000));
}

export class TunnelSupervisor {
  readonly grantedHosts = new GrantedHosts();
  private readonly timing: TunnelTiming;
  private readonly clock: Clock;
  private readonly connect: TunnelConnector;
  private readonly checkHealth: HealthChecker;
  private readonly random: () => number;
  private readonly log: (line: string) => void;
  private readonly listeners = new Set<(status: TunnelStatus) => void>();

  private target: TunnelTarget | null = null;
  private state: TunnelState = 'off';
  private since: number;
  /** Numbers every try; anything carrying an older number is stale. */
  private gen = 0;
  private current: OpenTunnel | null = null;
  private currentPort: number | null = null;
  private url: string | null = null;
  private granted: string | null = null;
  private maxSockets: number | null = null;
  private connectedSockets: number | null = null;
  private attempt = 0;
  private nextRetryAt: number | null = null;
  private lastError: string | null = null;
  /** Consecutive failures: the backoff exponent. */
  private failures = 0;
  private onlineSince: number | null = null;
  /** Asked once more for the requested name during this online period (see reclaim()). */
  private reclaimTried = false;
  private reclaimTimer: TimerHandle | null = null;
  /** A second request for the name is scheduled or under way (the warning says so). */
  private reclaimPending = false;
  private pollFailures = 0;
  private statusApi: 'unknown' | 'yes' | 'no' = 'unknown';
  private inFlight: AbortController | null = null;
  private retryTimer: TimerHandle | null = null;
  private pollTimer: TimerHandle | null = null;
  private stopWakeDetector: (() => void) | null = null;
  private lastEmitted = '';

  constructor(private readonly options: TunnelSupervisorOptions) {
    this.timing = { ...DEFAULT_TUNNEL_TIMING, ...options.timing };
    this.clock = options.clock ?? systemClock;
    this.connect = options.connect ?? openLocaltunnel;
    this.checkHealth = options.checkHealth ?? checkTunnelHealth;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? (() => undefined);
    this.since = this.clock.now();
  }

  /** The generation of the latest try; it changes whenever the tunnel is (re)opened or stopped. */
  get generation(): number {
    return this.gen;
  }

  get currentTarget(): TunnelTarget | null {
    return this.target;
  }

  /** Starts (or restarts) keeping a tunnel to `target` up. Invalid input ends in the `error` state. */
  start(target: TunnelTarget): TunnelStatus {
    this.halt();
    const host = normalizeTunnelHost(target.host);
    this.target = { host: host.ok ? host.host : target.host, subdomain: target.subdomain };
    this.failures = 0;
    this.attempt = 0;
    this.reclaimTried = false;
    this.statusApi = 'unknown';
    this.lastError = null;
    const problem = host.ok ? subdomainProblem(target.subdomain) : host.problem;
    if (problem) {
      this.lastError = problem;
      this.enter('error');
      this.log(`Tunnel not started: ${problem}`);
      return this.status();
    }
    this.stopWakeDetector = startWakeDetector(
      this.clock,
      { intervalMs: this.timing.wakeCheckIntervalMs, thresholdMs: this.timing.clockJumpThresholdMs },
      (jumpMs) => {
        this.log(
          `The clock jumped by ${seconds(jumpMs)} s (did the computer sleep?); checking the tunnel now`,
        );
        this.recheck();
      },
    );
    this.attempt = 1;
    this.enter('connecting');
    this.launchTry();
    return this.status();
  }

  /** Closes the tunnel and cancels every retry and check; nothing reopens it. */
  stop(): TunnelStatus {
    this.halt();
    this.attempt = 0;
    this.lastError = null;
    this.enter('off');
    return this.status();
  }

  /** Checks now rather than at the next poll or retry (after a wake from sleep, or a network change). */
  recheck(): void {
    if (this.state === 'online' && this.current) {
      this.clearPollTimer();
      this.background(this.poll(this.gen), 'health check');
    } else if (this.state === 'reconnecting' && this.retryTimer !== null) {
      this.clock.clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.nextRetryAt = null;
      this.emitIfChanged();
      this.launchTry();
    }
  }

  /** The listener moved to another port: a running tunnel is reopened towards it. */
  localPortChanged(): void {
    const port = this.options.localPort();
    if (this.state === 'online' && this.currentPort !== port) {
      this.scheduleRetry(0, `The webhook listener moved to port ${port}; reopening the tunnel.`, false);
    }
  }

  /** Re-evaluates the warnings (e.g. after the number of held requests changed). */
  refresh(): void {
    this.emitIfChanged();
  }

  onStatus(listener: (status: TunnelStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): TunnelStatus {
    const online = this.state === 'online';
    const warnings: string[] = [];
    const requested = this.target?.subdomain ?? null;
    if (online && this.granted !== null && requested !== null && this.granted !== requested) {
      const next = this.reclaimPending
        ? `Convoscope asks for "${requested}" again once the server has let go of it (about ${seconds(this.reclaimDelay())} s).`
        : `If it stays taken, give the platforms the new URL or choose another subdomain.`;
      warnings.push(
        `The server did not grant the subdomain "${requested}" (it is in use) and gave "${this.granted}" instead: the public URL is now ${this.url ?? ''}. Dashly and Kindly still call the old URL, so their webhooks do not arrive. ${next}`,
      );
    }
    if (online && this.maxSockets !== null) {
      const holds = this.openHolds();
      if (holds >= this.maxSockets) {
        warnings.push(
          `All ${this.maxSockets} tunnel connections are taken by held requests: new webhooks wait at the tunnel server until a hold is answered.`,
        );
      } else if (holds >= Math.max(1, this.maxSockets - 2)) {
        warnings.push(
          `${holds} of ${this.maxSockets} tunnel connections are taken by held requests; at ${this.maxSockets} new webhooks will wait at the tunnel server.`,
        );
      }
      if (
        this.connectedSockets !== null &&
        this.connectedSockets > 0 &&
        this.connectedSockets < this.maxSockets
      ) {
        warnings.push(
          `Only ${this.connectedSockets} of ${this.maxSockets} tunnel connections are open, so fewer webhooks can be delivered at the same time.`,
        );
      }
    }
    if (online && this.statusApi === 'no') {
      warnings.push(
        'This tunnel server offers no status endpoint, so a tunnel that dies silently cannot be noticed; if webhooks stop arriving, stop and start the tunnel.',
      );
    }
    const base = this.url?.replace(/\/+$/u, '') ?? null;
    return {
      state: this.state,
      url: online ? this.url : null,
      host: this.target?.host ?? null,
      requestedSubdomain: requested,
      grantedSubdomain: online ? this.granted : null,
      attempt: this.state === 'connecting' || this.state === 'reconnecting' ? this.attempt : 0,
      nextRetryAt: this.state === 'reconnecting' ? this.nextRetryAt : null,
      error: this.state === 'off' || online ? null : this.lastError,
      warnings,
      since: this.since,
      connectedSockets: online ? this.connectedSockets : null,
      maxSockets: online ? this.maxSockets : null,
      endpoints:
        online && base !== null
          ? (this.options.endpoints?.() ?? []).map(({ provider, prefix }) => ({
              provider,
              prefix,
              url: `${base}${prefix}`,
            }))
          : [],
    };
  }

  private openHolds(): number {
    try {
      return this.options.openHolds?.() ?? 0;
    } catch {
      return 0;
    }
  }

  /** Cancels everything in progress and makes every pending callback stale. */
  private halt(): void {
    this.gen++;
    this.inFlight?.abort(new Error('stopped'));
    this.inFlight = null;
    this.clearRetryTimer();
    this.clearPollTimer();
    this.clearReclaimTimer();
    this.stopWakeDetector?.();
    this.stopWakeDetector = null;
    this.closeCurrent();
    this.nextRetryAt = null;
    this.onlineSince = null;
  }

  private closeCurrent(): void {
    const tunnel = this.current;
    this.current = null;
    this.currentPort = null;
    this.url = null;
    this.granted = null;
    this.maxSockets = null;
    this.connectedSockets = null;
    if (tunnel) this.closeSafely(tunnel);
  }

  private closeSafely(tunnel: OpenTunnel): void {
    try {
      tunnel.close();
    } catch (error) {
      this.log(`Closing a tunnel failed: ${errorMessage(error)}`);
    }
  }

  /** Runs a try; whatever goes wrong in it becomes a retry, never an unhandled rejection. */
  private launchTry(): void {
    this.tryOpen().catch((error: unknown) => {
      this.log(`A tunnel try failed unexpectedly: ${errorMessage(error)}`);
      const waiting = this.state === 'reconnecting' && this.retryTimer !== null;
      if ((this.state === 'connecting' || this.state === 'reconnecting') && !waiting) {
        this.fail(`Opening the tunnel failed: ${errorMessage(error)}`, false);
      }
    });
  }

  private background(task: Promise<void>, what: string): void {
    task.catch((error: unknown) =>
      this.log(`The tunnel ${what} failed unexpectedly: ${errorMessage(error)}`),
    );
  }

  private clearRetryTimer(): void {
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearReclaimTimer(): void {
    if (this.reclaimTimer !== null) this.clock.clearTimeout(this.reclaimTimer);
    this.reclaimTimer = null;
    this.reclaimPending = false;
  }

  private clearPollTimer(): void {
    if (this.pollTimer !== null) this.clock.clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  /**
   * One try, raced against the handshake timeout here rather than trusting the connector to
   * honour its signal. A tunnel that opens after losing the race is closed (it would hold the name).
   */
  private async openWithTimeout(
    target: TunnelTarget,
    localPort: number,
  ): Promise<{ tunnel: OpenTunnel } | { error: TunnelOpenError }> {
    const controller = new AbortController();
    this.inFlight = controller;
    const timeoutMs = this.timing.handshakeTimeoutMs;
    let pending: Promise<OpenTunnel>;
    try {
      pending = this.connect(
        { host: target.host, subdomain: target.subdomain, localPort },
        controller.signal,
      );
    } catch (error) {
      pending = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const outcome = await new Promise<{ tunnel: OpenTunnel } | { error: unknown }>((resolve) => {
      let decided = false;
      const timer = this.clock.setTimeout(() => {
        if (decided) return;
        decided = true;
        const reason = new TunnelOpenError(
          `The tunnel server did not open the tunnel within ${seconds(timeoutMs)} s.`,
          false,
        );
        controller.abort(reason);
        resolve({ error: reason });
      }, timeoutMs);
      pending.then(
        (tunnel) => {
          if (decided) {
            this.closeSafely(tunnel);
            return;
          }
          decided = true;
          this.clock.clearTimeout(timer);
          resolve({ tunnel });
        },
        (error: unknown) => {
          if (decided) return;
          decided = true;
          this.clock.clearTimeout(timer);
          resolve({ error });
        },
      );
    });
    if (this.inFlight === controller) this.inFlight = null;
    if ('tunnel' in outcome) return outcome;
    const { error } = outcome;
    return {
      error:
        error instanceof TunnelOpenError
          ? error
          : new TunnelOpenError(`Opening the tunnel failed: ${errorMessage(error)}`, false),
    };
  }

  private async tryOpen(): Promise<void> {
    const target = this.target;
    if (!target) return;
    const gen = ++this.gen;
    const localPort = this.options.localPort();
    const outcome = await this.openWithTimeout(target, localPort);
    if (gen !== this.gen) {
      // Stopped or restarted meanwhile.
      if ('tunnel' in outcome) this.closeSafely(outcome.tunnel);
      return;
    }
    if ('error' in outcome) this.fail(outcome.error.message, outcome.error.fatal);
    else this.opened(gen, outcome.tunnel, localPort);
  }

  private opened(gen: number, tunnel: OpenTunnel, localPort: number): void {
    const target = this.target;
    if (!target) return;
    this.current = tunnel;
    this.currentPort = localPort;
    this.url = tunnel.url;
    this.granted = tunnel.clientId;
    this.maxSockets = tunnel.maxSockets;
    this.connectedSockets = null;
    this.grantedHosts.add(tunnel.url);
    this.onlineSince = this.clock.now();
    this.attempt = 0;
    this.nextRetryAt = null;
    this.lastError = null;
    this.pollFailures = 0;
    const asked = tunnel.clientId === target.subdomain;
    this.log(
      asked
        ? `Tunnel online: ${tunnel.url}`
        : `Tunnel online with a different subdomain than asked for ("${target.subdomain}"): ${tunnel.url}`,
    );
    this.schedulePoll(gen);
    if (!asked && !this.reclaimTried) this.scheduleReclaim(gen, target);
    this.enter('online');
    tunnel.onFailure((reason) => {
      if (gen === this.gen && this.current === tunnel) this.fail(reason, false);
    });
    // The listener moved while this try was under way.
    if (this.current === tunnel) this.localPortChanged();
  }

  private reclaimDelay(): number {
    return this.timing.reclaimDelayMs ?? serverGraceMs(this.target?.host ?? '') + 1_000;
  }

  /**
   * Online under another name than asked for. Often the server still holds ours — from the
   * connection that just dropped, or from the previous run of the app — until its grace period
   * ends. So once that has passed, ask again with a second connection, and switch to it only if
   * it gets our name; otherwise keep the working tunnel (and the warning).
   */
  private scheduleReclaim(gen: number, target: TunnelTarget): void {
    this.clearReclaimTimer();
    this.reclaimTried = true;
    this.reclaimPending = true;
    const delay = this.reclaimDelay();
    this.reclaimTimer = this.clock.setTimeout(() => {
      this.reclaimTimer = null;
      this.background(this.reclaim(gen, target), 'second request for the subdomain');
    }, delay);
  }

  private async reclaim(gen: number, target: TunnelTarget): Promise<void> {
    if (gen !== this.gen || this.state !== 'online') return;
    const localPort = this.currentPort ?? this.options.localPort();
    const outcome = await this.openWithTimeout(target, localPort);
    if (gen === this.gen) {
      this.reclaimPending = false;
      this.emitIfChanged();
    }
    if (!('tunnel' in outcome)) {
      this.log(`Asking again for "${target.subdomain}" failed: ${outcome.error.message}`);
      return;
    }
    const probe = outcome.tunnel;
    if (gen !== this.gen || this.state !== 'online' || probe.clientId !== target.subdomain) {
      if (gen === this.gen) this.log(`"${target.subdomain}" is still taken; keeping ${this.url ?? ''}`);
      this.closeSafely(probe);
      return;
    }
    this.log(`Got "${target.subdomain}" back; switching the tunnel to it`);
    const old = this.current;
    this.clearPollTimer();
    this.current = null;
    const next = ++this.gen;
    this.opened(next, probe, localPort);
    if (old) this.closeSafely(old);
  }

  /** A try failed or the tunnel broke: an error state if retrying cannot help, else a retry after backoff. */
  private fail(reason: string, fatal: boolean): void {
    if (fatal) {
      this.halt();
      this.lastError = reason;
      this.log(`Tunnel failed: ${reason}`);
      this.enter('error');
      return;
    }
    if (this.onlineSince !== null && this.clock.now() - this.onlineSince >= this.timing.stableAfterMs) {
      this.failures = 0;
    }
    this.failures++;
    const delay = backoffDelay(
      this.failures,
      { baseMs: this.timing.backoffBaseMs, capMs: this.timing.backoffCapMs, minMs: this.timing.backoffMinMs },
      this.random,
    );
    this.scheduleRetry(delay, reason, true);
  }

  private scheduleRetry(delayMs: number, reason: string, logIt: boolean): void {
    this.clearPollTimer();
    this.clearRetryTimer();
    this.clearReclaimTimer();
    // A new outage: the next tunnel may ask once more for the requested name.
    this.reclaimTried = false;
    this.closeCurrent();
    this.onlineSince = null;
    this.attempt++;
    this.lastError = reason;
    this.nextRetryAt = this.clock.now() + delayMs;
    if (logIt) this.log(`Tunnel: ${reason} Try ${this.attempt} in ${seconds(delayMs)} s.`);
    this.enter('reconnecting');
    const gen = this.gen;
    this.retryTimer = this.clock.setTimeout(() => {
      if (gen !== this.gen) return;
      this.retryTimer = null;
      this.nextRetryAt = null;
      this.emitIfChanged();
      this.launchTry();
    }, delayMs);
  }

  private schedulePoll(gen: number): void {
    this.clearPollTimer();
    this.pollTimer = this.clock.setTimeout(() => {
      this.pollTimer = null;
      this.background(this.poll(gen), 'health check');
    }, this.timing.pollIntervalMs);
  }

  private async poll(gen: number): Promise<void> {
    const tunnel = this.current;
    const target = this.target;
    if (gen !== this.gen || this.state !== 'online' || !tunnel || !target) return;
    if (this.statusApi === 'no') {
      this.emitIfChanged();
      this.schedulePoll(gen);
      return;
    }
    const controller = new AbortController();
    const timer = this.clock.setTimeout(() => controller.abort(), this.timing.pollTimeoutMs);
    let result: HealthResult;
    try {
      result = await this.checkHealth(target.host, tunnel.clientId, controller.signal);
    } catch (error) {
      result = { kind: 'unreachable', reason: errorMessage(error) };
    }
    this.clock.clearTimeout(timer);
    if (gen !== this.gen || this.current !== tunnel) return;

    let problem: string | null = null;
    switch (result.kind) {
      case 'ok':
        this.statusApi = 'yes';
        this.connectedSockets = result.connectedSockets;
        if (result.connectedSockets === 0) problem = 'The tunnel server reports no open tunnel connections.';
        break;
      case 'unknown-tunnel':
        this.statusApi = 'yes';
        this.fail('The tunnel server no longer knows this tunnel (it restarted or dropped it).', false);
        return;
      case 'no-status-api':
        this.statusApi = 'no';
        this.log('The tunnel server has no status endpoint; silent tunnel deaths cannot be detected');
        break;
      case 'unreachable':
        problem = `The tunnel server is unreachable: ${result.reason}.`;
        break;
    }
    if (problem === null) this.pollFailures = 0;
    else if (++this.pollFailures >= this.timing.failedPollsBeforeReopen) {
      this.fail(problem, false);
      return;
    }
    this.emitIfChanged();
    this.schedulePoll(gen);
  }

  private enter(state: TunnelState): void {
    if (state !== this.state) {
      this.state = state;
      this.since = this.clock.now();
    }
    this.emitIfChanged();
  }

  private emitIfChanged(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        this.log(`A tunnel status listener failed: ${errorMessage(error)}`);
      }
    }
  }
}
