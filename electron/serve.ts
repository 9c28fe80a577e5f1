/**
 * Serve mode: the core under plain Node, the UI in any browser. Used by `npm run serve`, the
 * `convoscope serve` bin, tests, CI and any machine without Electron's binary.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PortInUseError, startCore } from './core/app.js';
import { defaultDataDir } from './core/data-dir.js';
import { createLog } from './core/log.js';
import { storeOpenProblem } from './core/store/store-errors.js';
import { nextFreePort } from './core/util/free-port.js';
import { parseServeFlags, SERVE_HELP, UsageError } from './serve/cli-args.js';
import { openBrowser } from './serve/open-browser.js';
import { tunnelLinePrinter } from './serve/tunnel-lines.js';

const VERSION = process.env.CONVOSCOPE_VERSION ?? '0.0.0-dev';
const here = path.dirname(fileURLToPath(import.meta.url));

function fail(message: string): never {
  process.stderr.write(`convoscope: ${message}\n`);
  process.exit(1);
}

export async function runServe(argv: string[]): Promise<void> {
  let flags;
  try {
    flags = parseServeFlags(argv);
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message} (see --help)`);
    throw error;
  }
  if (flags.help) {
    process.stdout.write(SERVE_HELP);
    return;
  }
  if (flags.version) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }

  const dataDir = flags.dataDir ? path.resolve(flags.dataDir) : defaultDataDir();
  const log = createLog(dataDir, false);
  let core;
  try {
    core = await startCore({
      dataDir,
      listenPort: flags.listenPort,
      uiPort: flags.uiPort,
      token: flags.token ?? randomBytes(18).toString('hex'),
      host: 'serve',
      version: VERSION,
      rendererDir: path.join(here, 'renderer'),
      log,
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      const flag = error.which === 'listener' ? '--listen-port' : '--ui-port';
      const what = error.which === 'listener' ? 'webhook listener' : 'inspector UI';
      const free = await nextFreePort(error.port + 1);
      const offer = free === null ? '0 picks a free one' : `${flag} ${free} is free; 0 picks any`;
      fail(`port ${error.port} (${what}) is already in use; choose another with ${flag} (${offer}).`);
    }
    log(`Startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    fail(
      `could not start: ${storeOpenProblem(error, dataDir) ?? (error instanceof Error ? error.message : String(error))}`,
    );
  }

  process.stdout.write(
    [
      `Listening for webhooks on ${core.listener.url}`,
      `Inspector UI: ${core.uiUrl}`,
      `Dashly webhook URL: ${core.listener.url}/dashly   Kindly webhook URL: ${core.listener.url}/kindly`,
      `Data folder: ${dataDir}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  log(`Serve mode started: listener ${core.listener.port}, UI ${core.api.port}`);
  // E.g. a damaged database that was moved aside: said once, also shown in the UI.
  for (const notice of core.health.current().notices) process.stderr.write(`convoscope: ${notice.message}\n`);

  const linesFor = tunnelLinePrinter();
  core.tunnel.onStatus((status) => {
    for (const line of linesFor(status)) process[line.stream].write(`${line.text}\n`);
  });
  if (flags.tunnel) {
    // The flags were validated when parsed; the settings hold validated values.
    const status = core.tunnel.start({ host: flags.tunnelHost, subdomain: flags.subdomain });
    process.stdout.write(
      `Opening a tunnel to ${status.host ?? ''} as "${status.requestedSubdomain ?? ''}"…\n`,
    );
  } else core.tunnel.startIfEnabledOnLaunch();
  if (flags.open) openBrowser(core.uiUrl);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      process.stderr.write('convoscope: forced exit\n');
      process.exit(130);
    }
    stopping = true;
    process.stdout.write(`Stopping (${signal})…\n`);
    void core.close().then(() => {
      log('Stopped cleanly');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
