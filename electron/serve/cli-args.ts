import { parseArgs } from 'node:util';
import { subdomainProblem } from '../../shared/tunnel/subdomain.js';
import { DEFAULT_TUNNEL_HOST, normalizeTunnelHost } from '../../shared/tunnel/tunnel-host.js';

export interface ServeFlags {
  dataDir: string | undefined;
  listenPort: number;
  uiPort: number;
  token: string | undefined;
  open: boolean;
  /** Open the public tunnel at start (also implied by --tunnel-host and --subdomain). */
  tunnel: boolean;
  tunnelHost: string | undefined;
  subdomain: string | undefined;
  help: boolean;
  version: boolean;
}

export const DEFAULT_LISTEN_PORT = 4545;
export const DEFAULT_UI_PORT = 4546;

export const SERVE_HELP = `Usage: convoscope serve [flags]      (or: npm run serve -- [flags])

Runs Convoscope headless: the webhook listener plus the inspector UI and API for your browser.

Flags:
  --data-dir DIR      Where the database, secrets and log live
                      (default: the OS app-data folder for Convoscope; env CONVOSCOPE_DATA_DIR)
  --listen-port N     Webhook listener port, the one the tunnel exposes (default ${DEFAULT_LISTEN_PORT}; 0 = any free port)
  --ui-port N         Inspector UI + API port, 127.0.0.1 only (default ${DEFAULT_UI_PORT}; 0 = any free port)
  --token T           API token (default: a new random token every run)
  --no-open           Do not open a browser
  --tunnel            Open a public localtunnel URL to the webhook listener and keep it up
                      (also on when the tunnel.startOnLaunch setting is)
  --tunnel-host URL   Tunnel server (default: the tunnel.host setting, initially ${DEFAULT_TUNNEL_HOST});
                      self-hosted servers work too. Implies --tunnel; saved for next time
  --subdomain NAME    Subdomain to ask for: 4-63 lowercase letters, digits and hyphens. Implies
                      --tunnel; saved for next time (default: the saved one, else a generated one)
  --version           Print the version
  --help              Show this help
`;

export class UsageError extends Error {}

function port(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`${flag} must be a port number from 0 to 65535, got "${value}".`);
  return n;
}

export function parseServeFlags(argv: string[]): ServeFlags {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'listen-port': { type: 'string' },
        'ui-port': { type: 'string' },
        token: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        tunnel: { type: 'boolean', default: false },
        'tunnel-host': { type: 'string' },
        subdomain: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  const token = values.token;
  if (token !== undefined && !/^[A-Za-z0-9._~-]{8,200}$/u.test(token)) {
    throw new UsageError('--token must be 8 to 200 characters of letters, digits and . _ ~ -');
  }
  let tunnelHost: string | undefined;
  if (values['tunnel-host'] !== undefined) {
    const result = normalizeTunnelHost(values['tunnel-host']);
    if (!result.ok) throw new UsageError(`--tunnel-host: ${result.problem}`);
    tunnelHost = result.host;
  }
  const subdomain = values.subdomain;
  if (subdomain !== undefined) {
    const problem = subdomainProblem(subdomain);
    if (problem) throw new UsageError(`--subdomain: ${problem}`);
  }
  return {
    dataDir: values['data-dir'],
    listenPort: port(values['listen-port'], '--listen-port', DEFAULT_LISTEN_PORT),
    uiPort: port(values['ui-port'], '--ui-port', DEFAULT_UI_PORT),
    token,
    open: !values['no-open'],
    tunnel: values.tunnel || tunnelHost !== undefined || subdomain !== undefined,
    tunnelHost,
    subdomain,
    help: values.help,
    version: values.version,
  };
}
