import type http from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** A request's headers must be complete this long after its first byte arrived. */
  headersTimeoutMs: number;
  /** A request body that receives nothing for this long is cut (what arrived is still recorded). */
  bodyIdleTimeoutMs: number;
  /** Upper bound from a request's first byte to the end of its body. */
  requestTimeoutMs: number;
  /** Open connections in all; more are closed at once. */
  maxConnections: number;
  /** Open connections from one address other than loopback (the tunnel client is loopback). */
  maxConnectionsPerAddress: number;
  /** How often connections are checked. */
  sweepIntervalMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 20_000,
  bodyIdleTimeoutMs: 30_000,
  requestTimeoutMs: 10 * 60_000,
  maxConnections: 4096,
  maxConnectionsPerAddress: 256,
  sweepIntervalMs: 1000,
};

type Phase = 'idle' | 'headers' | 'body' | 'handling';

interface Tracked {
  phase: Phase;
  bytes: number;
  /** When the current request's first byte was seen. */
  startedAt: number;
  lastProgressAt: number;
}

export interface GuardCounters {
  refusedConnections: number;
  stalledHeaders: number;
  stalledBodies: number;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/u;

/**
 * Slowloris defence that leaves idle connections alone. localtunnel opens its sockets to the
 * listener long before any request and keeps them idle between requests, so Node's own
 * `headersTimeout` / `requestTimeout` (which also count idle time) must stay off (docs/localtunnel.md
 * §4.1). Instead each connection is watched by the bytes it has read: one that has sent nothing
 * since its last answer is idle and never timed out; one that started a request must finish its
 * headers in `headersTimeoutMs` and keep its body moving. Once the body is complete the request is
 * the responder's (holds may take minutes) and is not timed.
 */
export class ConnectionGuard {
  private readonly sockets = new Map<Socket, Tracked>();
  private readonly perAddress = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  readonly counters: GuardCounters = { refusedConnections: 0, stalledHeaders: 0, stalledBodies: 0 };

  constructor(
    server: http.Server,
    private readonly limits: ConnectionLimits,
    private readonly now: () => number = Date.now,
  ) {
    server.on('connection', (socket: Socket) => this.track(socket));
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => this.onRequest(req, res));
    this.timer = setInterval(() => this.sweep(), limits.sweepIntervalMs);
    this.timer.unref();
  }

  get openConnections(): number {
    return this.sockets.size;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private track(socket: Socket): void {
    const address = socket.remoteAddress ?? '';
    const limited = !LOOPBACK.test(address);
    const fromAddress = limited ? (this.perAddress.get(address) ?? 0) : 0;
    if (
      this.sockets.size >= this.limits.maxConnections ||
      fromAddress >= this.limits.maxConnectionsPerAddress
    ) {
      this.counters.refusedConnections++;
      socket.destroy();
      return;
    }
    const at = this.now();
    this.sockets.set(socket, { phase: 'idle', bytes: socket.bytesRead, startedAt: at, lastProgressAt: at });
    if (limited) this.perAddress.set(address, fromAddress + 1);
    socket.once('close', () => {
      this.sockets.delete(socket);
      if (!limited) return;
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
    });
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const state = this.sockets.get(req.socket);
    if (!state) return;
    const at = this.now();
    if (state.phase === 'idle') state.startedAt = at;
    state.phase = req.complete ? 'handling' : 'body';
    state.lastProgressAt = at;
    state.bytes = req.socket.bytesRead;
    req.once('end', () => {
      if (state.phase === 'body') state.phase = 'handling';
    });
    res.once('finish', () => {
      // Back to idle: whatever the sender does next starts a new request.
      state.phase = 'idle';
      state.bytes = req.socket.bytesRead;
    });
  }

  private sweep(): void {
    const at = this.now();
    for (const [socket, state] of this.sockets) {
      const bytes = socket.bytesRead;
      if (bytes !== state.bytes) {
        state.bytes = bytes;
        state.lastProgressAt = at;
        if (state.phase === 'idle') {
          state.phase = 'headers';
          state.startedAt = at;
        }
      }
      if (state.phase === 'headers' && at - state.startedAt > this.limits.headersTimeoutMs) {
        this.counters.stalledHeaders++;
        socket.destroy();
      } else if (
        state.phase === 'body' &&
        (at - state.lastProgressAt > this.limits.bodyIdleTimeoutMs ||
          at - state.startedAt > this.limits.requestTimeoutMs)
      ) {
        this.counters.stalledBodies++;
        socket.destroy();
      }
    }
  }
}
