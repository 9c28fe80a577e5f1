import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { httpRequest } from './http.js';
import { makeTempDir } from './temp-dir.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CONVOSCOPE_BIN = path.join(root, 'electron', 'bin', 'convoscope.mjs');

export interface ServeProcess {
  child: ChildProcess;
  dataDir: string;
  listenerUrl: string;
  /** The UI URL with the token fragment, exactly as printed. */
  uiUrl: string;
  apiUrl: string;
  token: string;
  output: () => string;
  call<K extends MethodName>(method: K, input?: MethodInput<K>): Promise<MethodOutput<K>>;
  /** SIGTERM and wait for exit; returns the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real serve mode (`convoscope serve`, built bundle) on free ports with its own data
 * folder, and resolves once it printed its two URL lines.
 */
export async function startServe(
  options: {
    dataDir?: string;
    args?: string[];
    env?: NodeJS.ProcessEnv;
    keepDataDir?: boolean;
    /** Leave the first-run guide to open by itself (by default it is marked seen, as for a returning user). */
    firstRun?: boolean;
    /** Node options before the script, e.g. `--cpu-prof` (the benchmark profiles serve this way). */
    nodeArgs?: string[];
    /** The entry script (default CONVOSCOPE_BIN, found from this file; a bundle of it must say). */
    bin?: string;
    /** How long the two URL lines may take (default 15 s; a million-capture store wants more). */
    startTimeoutMs?: number;
    /** Per API call (default: the HTTP helper's). */
    callTimeoutMs?: number;
    /** SIGKILL after this long if `stop()`'s signal did not end the process (default 10 s). */
    stopTimeoutMs?: number;
  } = {},
): Promise<ServeProcess> {
  const temp = options.dataDir ? null : makeTempDir('convoscope-serve-');
  const dataDir = options.dataDir ?? temp!.dir;
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      options.bin ?? CONVOSCOPE_BIN,
      'serve',
      '--data-dir',
      dataDir,
      '--listen-port',
      '0',
      '--ui-port',
      '0',
      '--no-open',
      ...(options.args ?? []),
    ],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));

  const { listenerUrl, uiUrl } = await new Promise<{ listenerUrl: string; uiUrl: string }>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`serve mode did not start in time:\n${out}`)),
        options.startTimeoutMs ?? 15_000,
      );
      const check = () => {
        const listener = /^Listening for webhooks on (http:\/\/127\.0\.0\.1:\d+)$/mu.exec(out);
        const ui = /^Inspector UI: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/mu.exec(out);
        if (listener?.[1] && ui?.[1]) {
          clearTimeout(timer);
          resolve({ listenerUrl: listener[1], uiUrl: ui[1] });
        }
      };
      child.stdout.on('data', check);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`serve mode exited with ${code}:\n${out}`));
      });
    },
  );
  const apiUrl = uiUrl.replace(/\/#token=.*$/u, '');
  const token = decodeURIComponent(uiUrl.replace(/^.*#token=/u, ''));

  const serve: ServeProcess = {
    child,
    dataDir,
    listenerUrl,
    uiUrl,
    apiUrl,
    token,
    output: () => out,
    async call(method, input) {
      const res = await httpRequest(`${apiUrl}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        ...(options.callTimeoutMs === undefined ? {} : { timeoutMs: options.callTimeoutMs }),
      });
      if (res.status !== 200) throw new Error(`${method} answered ${res.status}: ${res.text}`);
      return JSON.parse(res.text) as never;
    },
    async stop(signal = 'SIGTERM') {
      const exited = new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) resolve(child.exitCode);
        else child.once('exit', (code) => resolve(code));
      });
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 10_000);
      const code = await exited;
      clearTimeout(timer);
      if (!options.keepDataDir) temp?.remove();
      return code;
    },
  };
  // Tests look at the app as a returning user sees it unless they test the first run itself.
  if (!options.firstRun) {
    try {
      await serve.call('settings.update', { 'ui.guideSeen': true });
    } catch (error) {
      await serve.stop();
      throw error;
    }
  }
  return serve;
}
