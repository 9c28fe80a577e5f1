import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { makeTempDir } from '../helpers/temp-dir.js';
import { mixedRequest } from './payloads.js';
import { pacedLoad, type PacedResult } from './paced-load.js';
import { performance } from 'node:perf_hooks';
import { ROOT, startServeForBench, UNSTORED_BIN } from './serve-runner.js';

/** CPU time (user + system, all threads) a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime is the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100;

export interface IngestRun {
  target: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Serve only: acknowledged (2xx) requests not found in the database afterwards. */
  missing?: number;
  stored?: number;
  /** Serve only: captures stored underived when the run ended (parsed after their answers). */
  parseBacklog?: number;
  /** Serve only: how long after the run ended until every capture was parsed, in ms. */
  parsedAfterMs?: number;
  /** Serve only: CPU per request including the parsing done after the run. */
  cpuWithParsingUs?: number;
  /** Serve only: captures still unparsed in the database afterwards (must be 0). */
  unparsed?: number;
  /** Server CPU time per answered request (all threads), in µs: steadier than req/s on a busy machine. */
  cpuPerRequestUs: number;
  /** Set for runs at a fixed offered rate (requests/s over all connections) instead of flat out. */
  offeredRate?: number;
  /** An optimised run made right before the A/B variant with this label, as its "on" side. */
  pairFor?: string;
}

/** The label of the diagnostic runs (a serve build whose writer stores nothing). */
export const UNSTORED_TARGET = 'Convoscope, nothing stored (diagnostic build)';

const POOL = Array.from({ length: 2000 }, (_, i) => mixedRequest(i));

/**
 * One autocannon run. Every request carries a unique `seq` in its query string; the ones answered
 * 2xx are remembered so the database can be checked for each of them afterwards.
 */
/** Never reset, so the warm-up's requests and the measured run's can be told apart. */
let seq = 0;

async function cannon(
  url: string,
  connections: number,
  seconds: number,
  acknowledged: Set<number>,
  overallRate?: number,
): Promise<PacedResult> {
  // At a fixed rate, requests evenly spaced (autocannon's overallRate sends each second's in a burst).
  if (overallRate)
    return pacedLoad({
      url,
      rate: overallRate,
      seconds,
      connections,
      request: () => {
        const n = ++seq;
        const payload = POOL[n % POOL.length]!;
        return { path: `${payload.path}?seq=${n}`, headers: payload.headers, body: payload.body, seq: n };
      },
      onResponse: (status, request) => {
        if (status >= 200 && status < 300) acknowledged.add(request.seq);
      },
    });
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const n = ++seq;
          const payload = POOL[n % POOL.length]!;
          (context as { seq?: number }).seq = n;
          return {
            ...request,
            method: 'POST',
            path: `${payload.path}?seq=${n}`,
            headers: payload.headers,
            body: payload.body,
          };
        },
        onResponse: (status, _body, context) => {
          const n = (context as { seq?: number }).seq;
          if (n !== undefined && status >= 200 && status < 300) acknowledged.add(n);
        },
      },
    ],
  });
  return result;
}

/**
 * A 1 s warm-up that is not measured (JIT, SQLite page cache), then the measured run and the CPU
 * time the server process used during it.
 */
async function measuredRun(
  url: string,
  pid: number | undefined,
  connections: number,
  seconds: number,
  acknowledged = new Set<number>(),
  overallRate?: number,
): Promise<{ result: PacedResult; cpuBefore: number; cpuUsed: number }> {
  await cannon(url, connections, 1, new Set(), overallRate);
  const cpuBefore = cpuMs(pid);
  const result = await cannon(url, connections, seconds, acknowledged, overallRate);
  return { result, cpuBefore, cpuUsed: cpuMs(pid) - cpuBefore };
}

function toRun(
  target: string,
  connections: number,
  seconds: number,
  result: PacedResult,
  cpuUsedMs: number,
): IngestRun {
  return {
    cpuPerRequestUs: (cpuUsedMs * 1000) / Math.max(1, result['2xx'] + result.non2xx),
    target,
    connections,
    seconds,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function startBare(): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'test/bench/bare-server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs the serve process on a fresh data folder and checks every 2xx against the database. */
async function runServe(
  connections: number,
  seconds: number,
  label: string,
  env: NodeJS.ProcessEnv,
  overallRate?: number,
  /** Wait until everything stored is parsed (headline runs); A/B runs only read the backlog. */
  waitForParsing = true,
): Promise<IngestRun> {
  const temp = makeTempDir('convoscope-bench-ingest-');
  try {
    const serve = await startServeForBench(temp.dir, env);
    const acknowledged = new Set<number>();
    let result;
    let cpuUsed = NaN;
    let parseBacklog = NaN;
    let cpuWithParsing = NaN;
    let parsedAfterMs = NaN;
    try {
      // The warm-up's rows are counted too.
      const measured = await measuredRun(
        serve.listenerUrl,
        serve.child.pid,
        connections,
        seconds,
        acknowledged,
        overallRate,
      );
      result = measured.result;
      cpuUsed = measured.cpuUsed;
      ({ parseBacklog, parsedAfterMs } = await waitUntilParsed(temp.dir, waitForParsing));
      if (waitForParsing) cpuWithParsing = cpuMs(serve.child.pid) - measured.cpuBefore;
    } finally {
      await serve.stop();
    }
    const db = new Database(path.join(temp.dir, 'convoscope.db'), { readonly: true });
    let stored = 0;
    let missing = 0;
    let unparsed = 0;
    try {
      const seqs = new Set<number>();
      for (const row of db.prepare<[], { path: string }>('SELECT path FROM captures').iterate()) {
        stored++;
        const m = /[?&]seq=(\d+)/u.exec(row.path);
        if (m?.[1]) seqs.add(Number(m[1]));
      }
      for (const n of acknowledged) if (!seqs.has(n)) missing++;
      // A stop leaves a large backlog to the next start (by design); only a waited-for run must have none.
      if (waitForParsing)
        unparsed =
          db.prepare<[], { n: number }>('SELECT count(*) AS n FROM captures_underived').get()?.n ?? 0;
    } finally {
      db.close();
    }
    return {
      ...toRun(label, connections, seconds, result, cpuUsed),
      missing,
      stored,
      parseBacklog,
      ...(waitForParsing
        ? {
            parsedAfterMs,
            unparsed,
            cpuWithParsingUs: (cpuWithParsing * 1000) / Math.max(1, result['2xx'] + result.non2xx),
          }
        : {}),
      ...(overallRate ? { offeredRate: overallRate } : {}),
    };
  } finally {
    temp.remove();
  }
}

/**
 * Captures answered during a flood are parsed after their answers (capture-deriver.ts): reads the
 * backlog from the database (a reader of its own, so no API call speeds it up) until it is empty.
 */
async function waitUntilParsed(
  dataDir: string,
  wait: boolean,
): Promise<{ parseBacklog: number; parsedAfterMs: number }> {
  const started = performance.now();
  const db = new Database(path.join(dataDir, 'convoscope.db'), { readonly: true });
  try {
    const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM captures_underived');
    const parseBacklog = count.get()?.n ?? 0;
    while (wait && (count.get()?.n ?? 0) > 0) {
      if (performance.now() - started > 300_000)
        throw new Error('Captures were still unparsed after 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { parseBacklog, parsedAfterMs: performance.now() - started };
  } finally {
    db.close();
  }
}

/**
 * The diagnostic build (test/bench/unstored-writer.ts): the same serve process with a writer that
 * stores nothing, so its CPU per request is everything but the SQLite work. Nothing to look up after.
 */
async function runUnstored(connections: number, seconds: number): Promise<IngestRun> {
  const temp = makeTempDir('convoscope-bench-unstored-');
  try {
    const serve = await startServeForBench(temp.dir, {}, UNSTORED_BIN);
    try {
      const { result, cpuUsed } = await measuredRun(serve.listenerUrl, serve.child.pid, connections, seconds);
      return toRun(UNSTORED_TARGET, connections, seconds, result, cpuUsed);
    } finally {
      await serve.stop();
    }
  } finally {
    temp.remove();
  }
}

export interface IngestOptions {
  seconds: number;
  connections: number[];
  /** Extra serve variants for A/B: label → env. */
  variants: { label: string; env: NodeJS.ProcessEnv }[];
  /**
   * Also run the bare server and Convoscope at this fixed rate (requests/s) with the first
   * connection count: the latency of a request when the server is not flat out.
   */
  offeredRate?: number;
}

async function runBare(connections: number, seconds: number, overallRate?: number): Promise<IngestRun> {
  const bare = await startBare();
  try {
    const { result, cpuUsed } = await measuredRun(
      bare.url,
      bare.pid,
      connections,
      seconds,
      new Set(),
      overallRate,
    );
    return {
      ...toRun('bare node:http', connections, seconds, result, cpuUsed),
      ...(overallRate ? { offeredRate: overallRate } : {}),
    };
  } finally {
    await bare.stop();
  }
}

/** Bare server and serve variants, interleaved per connection count so machine load hits both. */
export async function benchIngest(options: IngestOptions, log: (line: string) => void): Promise<IngestRun[]> {
  const runs: IngestRun[] = [];
  for (const connections of options.connections) {
    const run = await runBare(connections, options.seconds);
    runs.push(run);
    log(
      `  bare ${connections} conns: ${Math.round(run.requestsPerSecond)} req/s p99 ${run.p99} ms, ${Math.round(run.cpuPerRequestUs)} µs CPU/req`,
    );
    for (const [index, variant] of options.variants.entries()) {
      // Every A/B variant gets its own optimised run right before it, so both see the same machine
      // load (it moves on a shared machine); the first optimised run is the headline one.
      if (index > 0) {
        const pair = await runServe(connections, options.seconds, 'Convoscope', {}, undefined, false);
        pair.pairFor = variant.label;
        runs.push(pair);
        log(
          `  Convoscope (pair for ${variant.label}) ${connections} conns: ${Math.round(pair.requestsPerSecond)} req/s ` +
            `p99 ${pair.p99} ms, ${Math.round(pair.cpuPerRequestUs)} µs CPU/req, ${pair.missing} missing`,
        );
      }
      // The first variant is the headline run: it waits until its backlog is parsed.
      const run = await runServe(
        connections,
        options.seconds,
        variant.label,
        variant.env,
        undefined,
        index === 0,
      );
      runs.push(run);
      log(
        `  ${variant.label} ${connections} conns: ${Math.round(run.requestsPerSecond)} req/s p99 ${run.p99} ms, ` +
          `${Math.round(run.cpuPerRequestUs)} µs CPU/req, ${run.ok2xx} acknowledged, ${run.missing} missing, ` +
          (run.parsedAfterMs === undefined
            ? `${run.parseBacklog} left to parse`
            : `${run.parseBacklog} left to parse (done after ${Math.round(run.parsedAfterMs)} ms), ${run.unparsed} unparsed`),
      );
      if (index === 0) {
        const unstored = await runUnstored(connections, options.seconds);
        runs.push(unstored);
        log(
          `  nothing stored (diagnostic) ${connections} conns: ${Math.round(unstored.requestsPerSecond)} req/s ` +
            `p99 ${unstored.p99} ms, ${Math.round(unstored.cpuPerRequestUs)} µs CPU/req`,
        );
      }
    }
  }
  const rate = options.offeredRate;
  const connections = options.connections[0];
  if (rate && connections) {
    const bare = await runBare(connections, options.seconds, rate);
    runs.push(bare);
    log(`  bare ${connections} conns at ${rate}/s: p50 ${bare.p50} ms, p99 ${bare.p99} ms`);
    const app = await runServe(connections, options.seconds, 'Convoscope', {}, rate);
    runs.push(app);
    log(
      `  Convoscope ${connections} conns at ${rate}/s: p50 ${app.p50} ms, p99 ${app.p99} ms, ${app.ok2xx} acknowledged, ${app.missing} missing`,
    );
  }
  return runs;
}
