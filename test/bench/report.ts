import type { IngestRun } from './ingest.js';
import type { MachineInfo } from './machine.js';
import type { StartupResults } from './startup.js';
import { mb, ms, round } from './stats.js';
import type { StoreResults } from './store.js';
import type { UiResults, UiVariant } from './ui.js';
import { median } from './stats.js';

export interface Report {
  date: string;
  machine: MachineInfo;
  quick: boolean;
  captures: number;
  loadAtEnd: number;
  ingest?: { runs: IngestRun[] };
  store?: StoreResults;
  startup?: StartupResults;
  ui?: UiResults;
}

const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'n/a');

function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

function ingestSection(runs: IngestRun[], targets: Target[]): string {
  const out: string[] = ['## 1. Ingest: a bare server against the listener', ''];
  out.push(
    'autocannon in the benchmark process, one request shape per request from a pool of realistic bodies ' +
      '(48 % Kindly dialogue JSON as in docs/kindly.md §5, 48 % Dashly form bodies as in docs/dashly.md §1, ' +
      '4 % other JSON of a few KB). (a) is `test/bench/bare-server.mjs`: node:http, reads the body, answers ' +
      '200 `{}`. (b) is the real serve process (`convoscope serve`, built bundle) on a new data folder, ack ' +
      'mode. Each run is preceded by a 1 s warm-up that is not measured. Every request carries a unique ' +
      '`?seq=`; after each serve run the database is opened and every request that was answered 2xx is ' +
      'looked up. "CPU/req" is the server process\'s CPU time (all threads, /proc) per answered request: it ' +
      'moves far less with machine load than req/s does.',
    '',
  );
  const rows = runs.map((run) => [
    run.target,
    run.connections,
    `${run.seconds} s`,
    int(run.requestsPerSecond),
    `${run.p50} ms`,
    `${run.p99} ms`,
    `${run.max} ms`,
    `${int(run.cpuPerRequestUs)} µs`,
    int(run.ok2xx),
    run.stored === undefined ? '–' : int(run.stored),
    run.missing === undefined ? '–' : String(run.missing),
  ]);
  out.push(
    table(
      [
        'server',
        'connections',
        'duration',
        'req/s',
        'p50',
        'p99',
        'max',
        'CPU/req',
        '2xx',
        'rows stored',
        'acknowledged but missing',
      ],
      rows,
    ),
    '',
  );
  const byConn = new Map<number, IngestRun[]>();
  for (const run of runs) byConn.set(run.connections, [...(byConn.get(run.connections) ?? []), run]);
  const ratioRows: (string | number)[][] = [];
  for (const [connections, group] of byConn) {
    const bare = group.find((run) => run.target.startsWith('bare'));
    const app = group.find((run) => run.target === 'Convoscope');
    if (!bare || !app) continue;
    const ratio = app.requestsPerSecond / bare.requestsPerSecond;
    const cpuRatio = bare.cpuPerRequestUs / app.cpuPerRequestUs;
    ratioRows.push([connections, round(ratio, 2), round(cpuRatio, 2)]);
    targets.push({
      what: `Ingest ratio b/a, ${connections} connections`,
      target: '≥ 0.7',
      measured: `${round(ratio, 2)} (req/s); ${round(cpuRatio, 2)} (CPU per request)`,
      met: ratio >= 0.7,
    });
    if (connections === 32)
      targets.push({
        what: 'Ingest p99 at 32 connections',
        target: '≤ 10 ms',
        measured: `${app.p99} ms`,
        met: app.p99 <= 10,
      });
  }
  const serveRuns = runs.filter((run) => run.missing !== undefined);
  const missing = serveRuns.reduce((sum, run) => sum + (run.missing ?? 0), 0);
  const acknowledged = serveRuns.reduce((sum, run) => sum + run.ok2xx, 0);
  targets.push({
    what: 'Acknowledged requests missing from the database',
    target: '0',
    measured: `${missing} of ${int(acknowledged)} (all serve runs)`,
    met: missing === 0,
  });
  out.push(table(['connections', 'ratio b/a (req/s)', 'ratio b/a (CPU per request)'], ratioRows), '');

  const variants = runs.filter((run) => run.target !== 'Convoscope' && !run.target.startsWith('bare'));
  if (variants.length > 0) {
    out.push(
      '### What each ingest optimisation bought (A/B in the same run)',
      '',
      'The same serve build with `CONVOSCOPE_PERF_OFF=<name>` (electron/core/perf-switches.ts), run right ' +
        'after the optimised one at the same connection count. Positive "CPU saved" means the optimisation ' +
        'makes each request cheaper.',
      '',
    );
    const abRows: (string | number)[][] = [];
    for (const variant of variants) {
      const base = runs.find((run) => run.target === 'Convoscope' && run.connections === variant.connections);
      if (!base) continue;
      abRows.push([
        variant.target,
        variant.connections,
        `${int(variant.requestsPerSecond)} → ${int(base.requestsPerSecond)}`,
        `${variant.p99} → ${base.p99} ms`,
        `${int(variant.cpuPerRequestUs)} → ${int(base.cpuPerRequestUs)} µs`,
        `${int(variant.cpuPerRequestUs - base.cpuPerRequestUs)} µs (${round((100 * (variant.cpuPerRequestUs - base.cpuPerRequestUs)) / variant.cpuPerRequestUs, 0)} %)`,
      ]);
    }
    out.push(
      table(
        [
          'switched off',
          'connections',
          'req/s (off → on)',
          'p99 (off → on)',
          'CPU/req (off → on)',
          'CPU saved',
        ],
        abRows,
      ),
      '',
    );
  }
  return out.join('\n');
}

function storeSection(store: StoreResults, targets: Target[]): string {
  const out: string[] = ['## 2. Store at scale', ''];
  out.push(
    `A store of ${int(store.captures)} captures generated by \`test/bench/store-fixture.ts\` through the ` +
      'real parsers and repositories (the same mix of Kindly, Dashly and other bodies, 1 in 1,000 a ~60 KB ' +
      'body, Kindly bot replies for half of the Kindly captures, ~50,000 conversations, every capture in the ' +
      'full-text index), cached under `.bench/` and regenerated when the schema or generator version ' +
      'changes. Every query goes over the real HTTP API of a serve process (so the time includes HTTP, ' +
      'input and output validation and JSON); the first call after start is reported apart, then the ' +
      'median and worst of the following runs.',
    '',
  );
  out.push(
    table(
      ['query', 'detail', 'first (cold)', 'median', 'worst', 'target', 'rows'],
      store.queries.map((query) => [
        query.name,
        query.detail,
        ms(query.firstMs),
        ms(query.medianMs),
        ms(query.worstMs),
        query.targetMs === null ? '–' : `≤ ${query.targetMs} ms`,
        query.rows,
      ]),
    ),
    '',
  );
  for (const query of store.queries) {
    if (query.targetMs === null) continue;
    targets.push({
      what: query.name,
      target: `≤ ${query.targetMs} ms`,
      measured: `median ${ms(query.medianMs)}, worst ${ms(query.worstMs)}`,
      met: query.medianMs <= query.targetMs,
    });
  }
  out.push(
    `- On disk: ${mb(store.fileBytes)} for ${int(store.captures)} captures, **${int(store.bytesPerCapture)} bytes per capture** ` +
      '(request and response bytes, headers, messages, conversations, indexes and the full-text index).',
    `- RSS of the serve process: ${mb(store.rssAfterStartBytes)} after start, **${mb(store.rssAfterBrowsingBytes)} after browsing** (${store.browsing}).`,
    '',
  );
  targets.push({
    what: 'Serve RSS after browsing the 1M store',
    target: '≤ 300 MB',
    measured: mb(store.rssAfterBrowsingBytes),
    met: store.rssAfterBrowsingBytes <= 300 * 1024 * 1024,
  });
  return out.join('\n');
}

function uiSection(ui: UiResults, targets: Target[]): string {
  const out: string[] = ['## 3. The inspector UI', ''];
  out.push(
    `Playwright driving ${ui.browser} (/usr/bin/chromium, headless, software rendering) against the serve ` +
      'process on the 1M store, viewport 1360×860. Frames are measured in the page with requestAnimationFrame. ' +
      '"Interactive" is the time from navigation start until the first rows are in the DOM and the main ' +
      'thread has run the next frame and a task after it. "Scrolling at speed" moves the list 240 px (~4 rows) ' +
      'every frame; "deep scroll" moves it 3,000 px per frame, as fast as pages load. The live stream sends ' +
      '500 webhooks per second to the listener while the page shows the newest rows; afterwards the list is ' +
      'scrolled through and every stored capture of the stream must have been rendered. The JS heap is read ' +
      'over CDP after a forced garbage collection.',
    '',
  );
  const row = (variant: UiVariant) => [
    variant.label,
    `${int(median(variant.interactiveMs))} ms (worst ${int(Math.max(...variant.interactiveMs))})`,
    `${round(variant.scroll.fps, 1)} fps, p95 ${round(variant.scroll.p95FrameMs, 1)} ms, longest ${int(variant.scroll.longestFrameMs)} ms (${int(variant.scroll.rowsPassed)} rows)`,
    `${int(variant.deepScroll.rowsPassed)} rows in ${round(variant.deepScroll.seconds, 1)} s, ${int(variant.deepScroll.rowsInMemory)} rows held, heap ${mb(variant.deepScroll.heapBytes)}`,
    variant.stream
      ? `${int(variant.stream.ratePerSecond)}/s × ${round(variant.stream.sent / variant.stream.ratePerSecond, 0)} s: ${int(variant.stream.shown)} of ${int(variant.stream.shown + variant.stream.missing)} shown, ${round(variant.stream.fps, 1)} fps, longest frame ${int(variant.stream.longestFrameMs)} ms`
      : '–',
    mb(variant.heapBytes),
  ];
  out.push(
    table(
      [
        'variant',
        'interactive after load',
        'scrolling at speed',
        'deep scroll',
        'live stream',
        'JS heap (after GC)',
      ],
      ui.variants.map(row),
    ),
    '',
  );
  const main = ui.variants[0];
  if (main) {
    const interactive = median(main.interactiveMs);
    targets.push({
      what: 'UI interactive after load (1M store)',
      target: '≤ 1.5 s',
      measured: `${int(interactive)} ms (median)`,
      met: interactive <= 1500,
    });
    targets.push({
      what: 'Scrolling at speed',
      target: '≥ 55 fps',
      measured: `${round(main.scroll.fps, 1)} fps`,
      met: main.scroll.fps >= 55,
    });
    if (main.stream) {
      targets.push({
        what: 'Live stream of 500 captures/s: every capture shown',
        target: 'all',
        measured: `${int(main.stream.shown)} of ${int(main.stream.shown + main.stream.missing)}`,
        met: main.stream.missing === 0,
      });
      targets.push({
        what: 'Live stream: longest frame',
        target: '≤ 100 ms',
        measured: `${int(main.stream.longestFrameMs)} ms`,
        met: main.stream.longestFrameMs <= 100,
      });
    }
    const heapMax = Math.max(main.heapBytes, main.deepScroll.heapBytes);
    targets.push({
      what: 'Renderer JS heap',
      target: '≤ 200 MB',
      measured: mb(heapMax),
      met: heapMax <= 200 * 1024 * 1024,
    });
  }
  return out.join('\n');
}

function startupSection(startup: StartupResults, targets: Target[]): string {
  const out = ['## 4. Startup', ''];
  out.push(
    'From spawning `convoscope serve` until both URL lines are printed and both ports accept a connection; ' +
      'runs with an empty data folder and with the 1M store are interleaved.',
    '',
  );
  out.push(
    table(
      ['store', 'runs', 'median', 'worst'],
      startup.rows.map((row) => [row.store, row.runs, `${int(row.medianMs)} ms`, `${int(row.worstMs)} ms`]),
    ),
    '',
  );
  for (const row of startup.rows)
    targets.push({
      what: `Serve ready, ${row.store}`,
      target: '≤ 1 s',
      measured: `${int(row.medianMs)} ms (median)`,
      met: row.medianMs <= 1000,
    });
  return out.join('\n');
}

export function renderReport(report: Report): string {
  const targets: Target[] = [];
  const sections: string[] = [];
  if (report.ingest) sections.push(ingestSection(report.ingest.runs, targets));
  if (report.store) sections.push(storeSection(report.store, targets));
  if (report.ui) sections.push(uiSection(report.ui, targets));
  if (report.startup) sections.push(startupSection(report.startup, targets));
  const m = report.machine;
  return [
    '# Benchmarks',
    '',
    `Measured ${report.date.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\`${report.quick ? ' **(--quick: shortened runs)**' : ''}.`,
    '',
    `**Machine:** ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.platform}, Node ${m.node}. ` +
      `Load average (1 min) ${m.loadAtStart} at the start and ${report.loadAtEnd} at the end.`,
    '',
    '> Figures depend on the machine and on what else runs on it. The load generator, the server and the ' +
      'browser share the same cores; a load average above the core count means other work competed for ' +
      'them and every figure is pessimistic. Compare rows of the same run (the A/B rows are interleaved for ' +
      'that reason) rather than runs on different machines.',
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                        # everything; writes BENCHMARKS.md',
    'npm run bench -- --only ingest,store # some sections (ingest, store, startup, ui)',
    'npm run bench -- --quick             # shorter runs, to check the benchmark itself',
    'npm run bench -- --no-ab             # without the runs that switch optimisations off',
    '```',
    '',
    'The first run generates the 1M-capture store under `.bench/` (gitignored; 2.6 GB, about 20 minutes on a ' +
      'busy 2-core machine) and later runs reuse it. Chromium is expected at /usr/bin/chromium ' +
      '(`CHROMIUM_PATH` overrides). `BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"` profiles the serve ' +
      'processes. The code is in `test/bench/`.',
    '',
    '## Targets',
    '',
    table(
      ['what', 'target', 'measured', 'met'],
      targets.map((target) => [target.what, target.target, target.measured, yes(target.met)]),
    ),
    '',
    ...sections,
    '',
  ].join('\n');
}
