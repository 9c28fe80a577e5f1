/**
 * Asks the tunnel server whether it still has our tunnel: `GET {host}/api/tunnels/{id}/status`
 * answers `{connected_sockets}` or 404. This is the only way to see a tunnel that died silently
 * (docs/localtunnel.md §4.1); the client library reports nothing in that case.
 */
import { describeNetworkError, httpGet } from './http-get.js';

export type HealthResult =
  | { kind: 'ok'; connectedSockets: number }
  /** The server is up but no longer knows this tunnel (it restarted, or dropped it). */
  | { kind: 'unknown-tunnel' }
  /** The server has no status API at all, so a silent death cannot be seen. */
  | { kind: 'no-status-api' }
  | { kind: 'unreachable'; reason: string };

export type HealthChecker = (host: string, clientId: string, signal: AbortSignal) => Promise<HealthResult>;

function json(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export const checkTunnelHealth: HealthChecker = async (host, clientId, signal) => {
  const hostname = new URL(host).hostname;
  try {
    const res = await httpGet(`${host}/api/tunnels/${encodeURIComponent(clientId)}/status`, { signal });
    if (res.status === 200) {
      const sockets = (json(res.body) as { connected_sockets?: unknown } | undefined)?.connected_sockets;
      if (typeof sockets === 'number') return { kind: 'ok', connectedSockets: sockets };
      return { kind: 'no-status-api' };
    }
    if (res.status === 404) {
      // A 404 means "unknown tunnel" only on a server that has the status API at all.
      const overall = await httpGet(`${host}/api/status`, { signal });
      const body = json(overall.body);
      const hasApi = overall.status === 200 && typeof body === 'object' && body !== null && 'tunnels' in body;
      return hasApi ? { kind: 'unknown-tunnel' } : { kind: 'no-status-api' };
    }
    return { kind: 'unreachable', reason: `the tunnel server answered ${res.status}` };
  } catch (error) {
    return { kind: 'unreachable', reason: describeNetworkError(error, hostname) };
  }
};
