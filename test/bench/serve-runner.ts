import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.js';
import { startServe } from '../helpers/serve-process.js';

export const ROOT = process.cwd();
// The benchmark runs as a bundle under .bench/, so the helper cannot find the script from its own path.
const BIN = path.join(ROOT, 'electron', 'bin', 'convoscope.mjs');
/** The diagnostic build whose writer stores nothing (written by test/bench/run.mjs). */
export const UNSTORED_BIN = path.join(ROOT, '.bench', 'convoscope-unstored.mjs');

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
 * Starts the real serve process (the built bundle) on free ports with the given data folder, through
 * the tests' own `startServe`, and measures how long it takes to be ready. The first-run guide is
 * left as the data folder says (the UI section measures what a user sees), and the folder is kept.
 * `env` adds variables (e.g. CONVOSCOPE_PERF_OFF to switch an optimisation off for an A/B run);
 * `bin` runs another build (UNSTORED_BIN).
 */
export async function startServeForBench(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  bin = BIN,
): Promise<RunningServe> {
  const started = performance.now();
  const serve = await startServe({
    dataDir,
    env,
    keepDataDir: true,
    bin,
    firstRun: true,
    // E.g. BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the serve process only.
    nodeArgs: process.env.BENCH_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    startTimeoutMs: 60_000,
    callTimeoutMs: 60_000,
    stopTimeoutMs: 20_000,
  });
  const listenerPort = Number(new URL(serve.listenerUrl).port);
  const uiPort = Number(new URL(serve.apiUrl).port);
  // The lines are printed after both servers listen; the connects prove it.
  if (!(await connects(listenerPort)) || !(await connects(uiPort))) throw new Error('a port did not accept');
  const readyMs = performance.now() - started;
  const { child } = serve;
  return {
    child,
    listenerUrl: serve.listenerUrl,
    listenerPort,
    uiUrl: serve.uiUrl,
    apiUrl: serve.apiUrl,
    token: serve.token,
    readyMs,
    call: (method, input) => serve.call(method, input),
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
      await serve.stop();
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
