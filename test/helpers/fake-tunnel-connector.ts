import type {
  OpenTunnel,
  TunnelConnector,
  TunnelRequest,
} from '../../electron/core/tunnel/localtunnel-connector.js';
import type { HealthChecker, HealthResult } from '../../electron/core/tunnel/health-check.js';
import { TunnelOpenError } from '../../electron/core/tunnel/tunnel-errors.js';

export class FakeTunnel implements OpenTunnel {
  closed = false;
  private listener: ((reason: string) => void) | null = null;

  constructor(
    readonly clientId: string,
    readonly url: string,
    readonly maxSockets: number,
  ) {}

  onFailure(listener: (reason: string) => void): void {
    this.listener = listener;
  }

  /** What the client library's 'error' event leads to (the connector reports only the first). */
  fail(reason: string): void {
    this.listener?.(reason);
  }

  close(): void {
    this.closed = true;
  }
}

/** How the next try ends. */
export type FakeOutcome =
  | { grant?: string; maxSockets?: number }
  | { error: string; fatal?: boolean }
  /** Never settles unless aborted. */
  | { hang: true }
  /** Ignores the abort signal and succeeds when `release()` is called. */
  | { late: true };

/**
 * A scripted stand-in for the localtunnel connector and health check, for state-machine tests with
 * a fake clock. Each try takes the next scripted outcome (default: granted as asked).
 */
export class FakeTunnelServer {
  readonly requests: TunnelRequest[] = [];
  readonly tunnels: FakeTunnel[] = [];
  readonly outcomes: FakeOutcome[] = [];
  health: HealthResult = { kind: 'ok', connectedSockets: 10 };
  healthChecks = 0;
  private pendingLate: (() => void)[] = [];

  readonly connect: TunnelConnector = (request, signal) => {
    this.requests.push(request);
    const outcome = this.outcomes.shift() ?? {};
    if ('error' in outcome) return Promise.reject(new TunnelOpenError(outcome.error, outcome.fatal ?? false));
    if ('hang' in outcome) {
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
    }
    const make = (): FakeTunnel => {
      const id = request.subdomain;
      const tunnel = new FakeTunnel(id, `https://${id}.tunnel.test`, 10);
      this.tunnels.push(tunnel);
      return tunnel;
    };
    if ('late' in outcome) return new Promise((resolve) => this.pendingLate.push(() => resolve(make())));
    const id = outcome.grant ?? request.subdomain;
    const tunnel = new FakeTunnel(id, `https://${id}.tunnel.test`, outcome.maxSockets ?? 10);
    this.tunnels.push(tunnel);
    return Promise.resolve(tunnel);
  };

  readonly checkHealth: HealthChecker = () => {
    this.healthChecks++;
    return Promise.resolve(this.health);
  };

  /** Lets every `late` try succeed now. */
  release(): void {
    const pending = this.pendingLate;
    this.pendingLate = [];
    for (const resolve of pending) resolve();
  }

  get last(): FakeTunnel | undefined {
    return this.tunnels.at(-1);
  }
}
