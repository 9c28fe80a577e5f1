// The localtunnel 2.0.2 client class (the package's own `Tunnel`), typed for what the connector
// uses. `_init` and `_getInfo` are internal; package.json pins the exact version they come from.
declare module 'localtunnel/lib/Tunnel.js' {
  import type { EventEmitter } from 'node:events';

  interface TunnelOptions {
    port: number;
    host: string;
    subdomain?: string;
  }

  interface LocaltunnelClient extends EventEmitter {
    clientId?: string;
    url?: string;
    /** Performs the handshake; calls back with the connection info. Replaced by the connector. */
    _init(callback: (error: Error | null, info?: unknown) => void): void;
    /** Turns a handshake answer into connection info. */
    _getInfo(body: unknown): unknown;
    open(callback: (error?: Error) => void): void;
    close(): void;
  }

  const Tunnel: new (options: TunnelOptions) => LocaltunnelClient;
  export default Tunnel;
}
