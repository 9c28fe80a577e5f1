/**
 * Opens one tunnel generation with the localtunnel client library, after Convoscope's own
 * handshake (handshake.ts). The library does what it is good at — holding `max_conn_count` TCP
 * sockets to the server and piping each to the local listener — and nothing it is bad at:
 * - its handshake (no timeout, endless retries) is replaced by handing it our answer;
 * - an 'error' listener is attached before it can emit, and stays attached (none → crash);
 * - `local_host` is never set (its Host rewriting corrupts binary bodies);
 * - it counts as open only once a socket to the server connected (its 'url' event).
 */
import Tunnel from 'localtunnel/lib/Tunnel.js';
import { requestTunnel } from './handshake.js';
import { TunnelOpenError } from './tunnel-errors.js';

export interface TunnelRequest {
  host: string;
  subdomain: string;
  localPort: number;
}

/** A tunnel that is open: its first socket to the server connected. */
export interface OpenTunnel {
  readonly clientId: string;
  readonly url: string;
  readonly maxSockets: number;
  /** Called once, with a plain reason, when the tunnel breaks (e.g. the server went away). */
  onFailure(listener: (reason: string) => void): void;
  close(): void;
}

/** Opens a tunnel; rejects with TunnelOpenError, or with the signal's reason when aborted. */
export type TunnelConnector = (request: TunnelRequest, signal: AbortSignal) => Promise<OpenTunnel>;

function describeClientError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const refused = /^connection refused: (\S+)/u.exec(message);
  if (refused)
    return `The tunnel server refused the tunnel connection to ${refused[1]} (it probably restarted).`;
  return `The tunnel connection failed: ${message}`;
}

export const openLocaltunnel: TunnelConnector = async (request, signal) => {
  const answer = await requestTunnel(request.host, request.subdomain, signal);
  if (signal.aborted) throw signal.reason;

  const client = new Tunnel({ port: request.localPort, host: request.host, subdomain: request.subdomain });
  let failure: string | null = null;
  let failureListener: ((reason: string) => void) | null = null;
  let settle: ((error: Error | null) => void) | null = null;
  // Attached first and never removed: the client emits one 'error' per socket, in bursts of up
  // to ten, and an emitter with no listener would crash the process.
  client.on('error', (error: unknown) => {
    if (failure !== null) return;
    failure = describeClientError(error);
    if (settle) settle(new TunnelOpenError(failure, false));
    else failureListener?.(failure);
  });
  if (typeof client._init !== 'function' || typeof client._getInfo !== 'function') {
    throw new TunnelOpenError(
      'The installed localtunnel client is not the version Convoscope expects.',
      true,
    );
  }
  client._init = (callback) => callback(null, client._getInfo(answer.raw));

  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => done(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    function done(error: Error | null): void {
      if (!settle) return;
      settle = null;
      signal.removeEventListener('abort', onAbort);
      client.removeListener('url', onUrl);
      if (error) {
        client.close();
        reject(error);
      } else resolve();
    }
    const onUrl = (): void => done(null);
    settle = done;
    signal.addEventListener('abort', onAbort, { once: true });
    client.once('url', onUrl);
    client.open((error) => {
      if (error) done(new TunnelOpenError(`The tunnel could not be opened: ${error.message}`, false));
    });
  });

  return {
    clientId: answer.id,
    url: answer.url,
    maxSockets: answer.maxConnections,
    onFailure(listener) {
      failureListener = listener;
      if (failure !== null) listener(failure);
    },
    close() {
      failureListener = null;
      client.close();
    },
  };
};
