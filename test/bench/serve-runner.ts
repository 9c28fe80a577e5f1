import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { httpRequest } from '../helpers/http.js';

export const ROOT = process.cwd();
const BIN = path.join(ROOT, 'electron', 'bin', 'convoscope.mjs');

export interface RunningServe {
  child: ChildProcess;
  listenerUrl: string;
  listenerPort: number;
  uiUrl: string;
  apiUrl: string;
  token: string;
  /** From spawn until both URL lines were printed and both ports accepted a connection. */
  readyMs: number;
  call<K extends MethodName>(method: K, input?: MethodInput<K>): Promise<MethodOutput<K>>;
  /** Resident set size of the serve process now (Linux /proc). */
  rssBytes(): number;
  stop(): Promise<void>;
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the real serve process (the built bundle) on free ports with the given data folder.
 * `env` adds variables (e.g. CONVOSCOPE_PERF_OFF to switch an optimisation off for an A/B run).
 */
export async function startServeForBench(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningServe> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      // E.g. BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the serve process only.
      ...(process.env.BENCH_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      BIN,
      'serve',
      '--data-dir',
      dataDir,
      '--listen-port',
      '0',
      '--ui-port',
      '0',
      '--no-open',
    ],
    {
      env: {
        ...process.env,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const { listenerUrl, uiUrl } = await new Promise<{ listenerUrl: string; uiUrl: string }>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start in 60 s:\n${out}`)), 60_000);
      const check = () => {
        const listener = /^Listening for webhooks on (http:\/\/127\.0\.0\.1:\d+)$/mu.exec(out);
        const ui = /^Inspector UI: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/mu.exec(out);
        if (listener?.[1] && ui?.[1]) {
          clearTimeout(timer);
          resolve({ listenerUrl: listener[1], uiUrl: ui[1] });
        }
      };
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        check();
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`serve exited with ${code}:\n${out}`));
      });
    },
  );
  const apiUrl = uiUrl.replace(/\/#token=.*$/u, '');
  const listenerPort = Number(new URL(listenerUrl).port);
  const uiPort = Number(new URL(apiUrl).port);
  // The lines are printed after both servers listen; the connects prove it.
  if (!(await connects(listenerPort)) || !(await connects(uiPort))) throw new Error('a port did not accept');
  const readyMs = performance.now() - started;
  const token = decodeURIComponent(uiUrl.replace(/^.*#token=/u, ''));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    listenerUrl,
    listenerPort,
    uiUrl,
    apiUrl,
    token,
    readyMs,
    async call(method, input) {
      const res = await httpRequest(`${apiUrl}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        timeoutMs: 60_000,
      });
      if (res.status !== 200) throw new Error(`${method} answered ${res.status}: ${res.text}`);
      return JSON.parse(res.text) as never;
    },
    rssBytes() {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = /^VmRSS:\s+(\d+) kB$/mu.exec(status)?.[1];
        return kb ? Number(kb) * 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Timed API call: milliseconds for one round trip over HTTP, result discarded. */
export async function timeCall<K extends MethodName>(
  serve: RunningServe,
  method: K,
  input: MethodInput<K>,
): Promise<{ ms: number; result: MethodOutput<K> }> {
  const t0 = performance.now();
  const result = await serve.call(method, input);
  return { ms: performance.now() - t0, result };
}
