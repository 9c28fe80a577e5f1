import { UNSTORED_TARGET, type IngestRun } from './ingest.js';
import type { WritePathPart, WritePathResult } from './write-path.js';
import { HELP } from './help.js';
import type { LoadSummary, MachineInfo } from './machine.js';
import type { StartupResults } from './startup.js';
import { mb, ms, round } from './stats.js';
import type { StoreResults } from './store.js';
import type { FrameStats, StreamRounds, UiResults, UiVariant } from './ui.js';
import { median } from './stats.js';

export interface Report {
  date: string;
  machine: MachineInfo;
  quick: boolean;
  captures: number;
  loadAtEnd: number;
  /** Whether the A/B runs (optimisations switched off) were made. */
  ab: boolean;
  load?: LoadSummary[];
  ingest?: { runs: IngestRun[]; writePath?: WritePathResult };
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

/** The optimised run an A/B variant is compared with: its own pair, else the headline run. */
function baselineFor(runs: IngestRun[], variant: IngestRun): IngestRun | undefined {
  const same = runs.filter((run) => run.target === 'Convoscope' && run.connections === variant.connections);
  return same.find((run) => run.pairFor === variant.target) ?? same.find((run) => !run.pairFor);
}

function ingestSection(allRuns: IngestRun[], targets: Target[], writePath?: WritePathResult): string {
  const out: string[] = ['## 1. Ingest: a bare server against the listener', ''];
  const runs = allRuns.filter((run) => run.offeredRate === undefined);
  const paced = allRuns.filter((run) => run.offeredRate !== undefined);
  out.push(
    'autocannon in the benchmark process, one request shape per request from a pool of realistic bodies ' +
      '(48 % Kindly dialogue JSON as in docs/kindly.md §5, 48 % Dashly form bodies as in docs/dashly.md §1, ' +
      '4 % other JSON of a few KB). (a) is `test/bench/bare-server.mjs`: node:http, reads the body, answers ' +
      '200 `{}`. (b) is the real serve process (`convoscope serve`, built bundle) on a new data folder, ack ' +
      'mode. Each run is preceded by a 1 s warm-up that is not measured. Every request carries a unique ' +
      '`?seq=`; after each serve run the database is opened and every request that was answered 2xx is ' +
      'looked up. "CPU/req" is the server process\'s CPU time (all threads, /proc) per answered request: it ' +
      'moves far less with machine load than req/s does (it leaves out parsing done after the run). ' +
      'While the listener is flat out, acks are stored as received and parsed after their answers ' +
      '(electron/core/store/capture-deriver.ts); "left to parse at the end" is that backlog when the run ' +
      'ended and how long the serve process took to parse it, read from the database.',
    '',
  );
  const rows = runs.map((run) => [
    run.pairFor ? `Convoscope (pair for ${run.pairFor})` : run.target,
    run.connections,
    `${run.seconds} s`,
    int(run.requestsPerSecond),
    `${run.p50} ms`,
    `${run.p99} ms`,
    `${run.max} ms`,
    run.cpuWithParsingUs === undefined || Math.abs(run.cpuWithParsingUs - run.cpuPerRequestUs) < 1
      ? `${int(run.cpuPerRequestUs)} µs`
      : `${int(run.cpuPerRequestUs)} µs (${int(run.cpuWithParsingUs)} with the parsing after)`,
    int(run.ok2xx),
    run.stored === undefined ? '–' : int(run.stored),
    run.missing === undefined ? '–' : String(run.missing),
    run.parseBacklog === undefined
      ? '–'
      : run.parseBacklog === 0
        ? '0'
        : run.parsedAfterMs === undefined
          ? `${int(run.parseBacklog)} (A/B run: not waited for)`
          : `${int(run.parseBacklog)}, parsed ${round(run.parsedAfterMs / 1000, 1)} s later`,
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
        'left to parse at the end',
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
    const app = group.find((run) => run.target === 'Convoscope' && !run.pairFor);
    if (!bare || !app) continue;
    const ratio = app.requestsPerSecond / bare.requestsPerSecond;
    const cpuRatio = bare.cpuPerRequestUs / app.cpuPerRequestUs;
    const unstored = group.find((run) => run.target === UNSTORED_TARGET);
    ratioRows.push([
      connections,
      round(ratio, 2),
      round(cpuRatio, 2),
      unstored ? round(unstored.requestsPerSecond / bare.requestsPerSecond, 2) : '–',
      unstored ? `${int(app.cpuPerRequestUs - unstored.cpuPerRequestUs)} µs` : '–',
    ]);
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
  const serveRuns = allRuns.filter((run) => run.missing !== undefined);
  const missing = serveRuns.reduce((sum, run) => sum + (run.missing ?? 0), 0);
  const acknowledged = serveRuns.reduce((sum, run) => sum + run.ok2xx, 0);
  targets.push({
    what: 'Acknowledged requests missing from the database',
    target: '0',
    measured: `${missing} of ${int(acknowledged)} (all serve runs)`,
    met: missing === 0,
  });
  const unparsed = serveRuns.reduce((sum, run) => sum + (run.unparsed ?? 0), 0);
  const slowest = Math.max(0, ...serveRuns.map((run) => run.parsedAfterMs ?? 0));
  targets.push({
    what: '(for reference) Captures left unparsed once the parse backlog was worked off',
    target: '0',
    measured: `${unparsed} (the headline runs; the longest catch-up took ${round(slowest / 1000, 1)} s)`,
    met: unparsed === 0,
  });
  out.push(
    table(
      [
        'connections',
        'ratio b/a (req/s)',
        'ratio b/a (CPU per request)',
        'nothing stored: ratio (req/s)',
        'storing: CPU per request',
      ],
      ratioRows,
    ),
    '',
  );
  if (runs.some((run) => run.target === UNSTORED_TARGET))
    out.push(
      `"${UNSTORED_TARGET}" is the same serve process built with a writer that stores nothing ` +
        '(`test/bench/unstored-writer.ts`, swapped in by `test/bench/run.mjs`; never part of the app): ' +
        'inserts are settled once per turn of the event loop and announced as the real commits are. It ' +
        'runs right after the headline run and measures everything the listener does except the SQLite ' +
        'work, so "storing: CPU per request" is what storing each capture before its answer costs.',
      '',
    );
  if (paced.length > 0) {
    out.push(
      '### Below saturation',
      '',
      'The runs above are flat out: autocannon sends the next request as soon as an answer arrives, so ' +
        "latency there is mostly queueing (32 connections at N req/s wait 32/N s on average, Little's " +
        'law). These runs offer a fixed rate instead, the same for both servers, to show what one ' +
        'request costs when the server keeps up: `test/bench/paced-load.ts` sends the requests evenly ' +
        "spaced over keep-alive connections and times each from when it was due (autocannon's " +
        "`overallRate` sends every second's share in one burst at its start, so its latency there is " +
        "that burst's queue).",
      '',
      table(
        ['server', 'connections', 'offered', 'answered', 'p50', 'p99', 'max', 'acknowledged but missing'],
        paced.map((run) => [
          run.target,
          run.connections,
          `${int(run.offeredRate ?? NaN)}/s`,
          `${int(run.requestsPerSecond)}/s`,
          `${run.p50} ms`,
          `${run.p99} ms`,
          `${run.max} ms`,
          run.missing === undefined ? '–' : String(run.missing),
        ]),
      ),
      '',
    );
    const app = paced.find((run) => run.target === 'Convoscope');
    if (app)
      targets.push({
        what: `(for reference) Ingest p99 at ${app.connections} connections, ${int(app.offeredRate ?? NaN)} req/s offered`,
        target: '≤ 10 ms',
        measured: `${app.p99} ms`,
        met: app.p99 <= 10,
      });
  }

  const variants = runs.filter(
    (run) => run.target !== 'Convoscope' && run.target !== UNSTORED_TARGET && !run.target.startsWith('bare'),
  );
  if (variants.length > 0) {
    out.push(
      '### What each ingest optimisation bought (A/B in the same run)',
      '',
      'The same serve build with `CONVOSCOPE_PERF_OFF=<name>` (electron/core/perf-switches.ts), run right ' +
        'after an optimised run of its own (its pair) at the same connection count. Positive "CPU saved" means the optimisation ' +
        'makes each request cheaper.',
      '',
    );
    const abRows: (string | number)[][] = [];
    for (const variant of variants) {
      const base = baselineFor(runs, variant);
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
  if (writePath) out.push(writePathSection(writePath, runs));
  return out.join('\n');
}

/** The write path without HTTP, timed statement by statement: where an acknowledged webhook's CPU goes. */
function writePathSection(result: WritePathResult, runs: IngestRun[]): string {
  const bare = runs.find((run) => run.target.startsWith('bare') && run.connections === 32);
  const budget = bare ? bare.cpuPerRequestUs / 0.7 - bare.cpuPerRequestUs : NaN;
  const total = (parts: WritePathPart[]) => parts.reduce((sum, part) => sum + part.microsPerCapture, 0);
  const before = total(result.burst.beforeAnswer);
  const after = total(result.burst.afterAnswer);
  const rows = (parts: WritePathPart[], label: string) => [
    ...parts.map((part) => [part.part, round(part.microsPerCapture, 1)]),
    [`**${label}**`, `**${round(total(parts), 0)}**`],
  ];
  return [
    '### Where the time goes: the write path without HTTP',
    '',
    `\`test/bench/write-path.ts\`: the listener's parser, the group-commit writer (batches of ${result.batch}, ` +
      'as a busy listener commits), the deferred full-text index and what runs after a commit, on a new ' +
      `store with the checkpoint worker, fed ${int(result.captures)} of the payloads above. Every SQLite statement ` +
      'is timed (they run synchronously on the main thread); "JavaScript" is the rest, the cost of the timing ' +
      'included. First a quiet listener, which parses every capture before it commits and answers:',
    '',
    table(['part', 'µs per capture'], rows(result.parts, 'total, before the answer')),
    '',
    'Then the same captures during a burst (the writer stores them as received and the capture deriver ' +
      'parses them after their answers, `electron/core/store/capture-deriver.ts`):',
    '',
    table(
      ['before the answer', 'µs per capture'],
      rows(result.burst.beforeAnswer, 'total, before the answer'),
    ),
    '',
    table(['after the answer', 'µs per capture'], rows(result.burst.afterAnswer, 'total, after the answer')),
    '',
    ...(bare
      ? [
          `A ratio of 0.7 leaves ${int(budget)} µs per request on top of the bare server's ` +
            `${int(bare.cpuPerRequestUs)} µs (same load generator, same cores) for everything Convoscope adds. ` +
            `Storing a capture before its answer takes ${int(before)} µs during a burst ` +
            `(${int(result.totalMicrosPerCapture)} µs when it is parsed first); parsing it afterwards ` +
            `${int(after)} µs, spent once the listener has time to spare again (it waits while the ` +
            'listener is saturated).',
          '',
        ]
      : []),
  ].join('\n');
}

function storeSection(store: StoreResults, targets: Target[]): string {
  const out: string[] = ['## 2. Store at scale', ''];
  out.push(
    `A store of ${int(store.captures)} captures generated by \`test/bench/store-fixture.ts\` through the ` +
      'real parsers and repositories (the same mix of Kindly, Dashly and other bodies, 1 in 1,000 a ~60 KB ' +
      'body, Kindly bot replies for half of the Kindly captures, ~50,000 conversations, every capture in the ' +
      'full-text index), cached under `.bench/`: generated again when the generator changes, migrated ' +
      "in place by the app's own migrations when only the schema did. Every query goes over the real HTTP API of a serve process (so the time includes HTTP, " +
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
    `- Keyset pagination against OFFSET for the same page ${int(store.paging.depth)} rows deep, straight ` +
      `from SQLite: ${ms(store.paging.keysetMs)} against ${ms(store.paging.offsetMs)} (OFFSET 0: ` +
      `${ms(store.paging.firstPageOffsetMs)}).`,
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

const dash = '–';

function roundsSummary(entry: StreamRounds): { longest: number; p95: number; fps: number } {
  const pick = (field: keyof FrameStats) => median(entry.rounds.map((round) => round[field]));
  return { longest: pick('longestFrameMs'), p95: pick('p95FrameMs'), fps: pick('fps') };
}

function interactiveText(variant: UiVariant): string {
  const times = variant.interactiveMs;
  return times ? `${int(median(times))} ms (worst ${int(Math.max(...times))})` : dash;
}

function scrollText(variant: UiVariant): string {
  const scroll = variant.scroll;
  return scroll
    ? `${round(scroll.fps, 1)} fps, p95 ${round(scroll.p95FrameMs, 1)} ms, longest ${int(scroll.longestFrameMs)} ms (${int(scroll.rowsPassed)} rows)`
    : dash;
}

function deepText(variant: UiVariant): string {
  const deep = variant.deepScroll;
  return deep
    ? `${int(deep.rowsPassed)} rows in ${round(deep.seconds, 1)} s, ${int(deep.rowsInMemory)} rows held, heap ${mb(deep.heapBytes)}`
    : dash;
}

function streamText(variant: UiVariant): string {
  const stream = variant.stream;
  return stream
    ? `${int(stream.ratePerSecond)}/s × ${round(stream.sent / stream.ratePerSecond, 0)} s: ${int(stream.shown)} of ${int(stream.shown + stream.missing)} shown, ${round(stream.fps, 1)} fps, p95 ${round(stream.p95FrameMs, 1)} ms, longest frame ${int(stream.longestFrameMs)} ms`
    : dash;
}

function uiSection(ui: UiResults, targets: Target[]): string {
  const out: string[] = ['## 3. The inspector UI', ''];
  out.push(
    `Playwright driving ${ui.browser} (/usr/bin/chromium, headless, \`--no-sandbox --disable-gpu ` +
      '--disable-background-networking --disable-component-update`, so software rendering) against the ' +
      'serve process on the same store, viewport 1360×860. Frames are measured in the page with ' +
      'requestAnimationFrame. "Interactive" is the time from navigation start until the first rows are in ' +
      'the DOM and the main thread has run the next frame and a task after it. "Scrolling at speed" moves ' +
      'the list 240 px (~4 rows) every frame; "deep scroll" moves it 3,000 px per frame, as fast as pages ' +
      'load. The live stream sends 500 webhooks per second to the listener while the page shows the newest ' +
      'rows; afterwards the list is scrolled through and every stored capture of the stream must have been ' +
      'rendered. The JS heap is read over CDP after a forced garbage collection. The variants switch ' +
      'renderer optimisations off with `?perf-off=<name>` (renderer/lib/perf-switches.ts; the page confirms ' +
      'the switches it read) and measure only what the switch affects.',
    '',
  );
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
      ui.variants.map((variant) => [
        variant.label,
        interactiveText(variant),
        scrollText(variant),
        deepText(variant),
        streamText(variant),
        mb(variant.heapBytes),
      ]),
    ),
    '',
  );
  if (ui.streamRounds.length > 0) {
    out.push(
      '### Live stream A/B, interleaved',
      '',
      'Each configuration streams 500 captures/s in turn, once per round, so load from other work hits ' +
        "them alike; medians over the rounds, and every round's longest frame.",
      '',
      table(
        [
          'configuration',
          'rounds',
          'longest frame (median)',
          'longest frame per round',
          'p95 frame (median)',
          'fps (median)',
        ],
        ui.streamRounds.map((entry) => {
          const summary = roundsSummary(entry);
          return [
            entry.label,
            entry.rounds.length,
            `${int(summary.longest)} ms`,
            entry.rounds.map((round) => int(round.longestFrameMs)).join(' / ') + ' ms',
            `${round(summary.p95, 1)} ms`,
            round(summary.fps, 1),
          ];
        }),
      ),
      '',
    );
  }
  const main = ui.variants[0];
  if (main) {
    if (main.interactiveMs) {
      const interactive = median(main.interactiveMs);
      targets.push({
        what: 'UI interactive after load',
        target: '≤ 1.5 s',
        measured: `${int(interactive)} ms (median)`,
        met: interactive <= 1500,
      });
    }
    if (main.scroll)
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
    const heapMax = Math.max(main.heapBytes, main.deepScroll?.heapBytes ?? 0);
    targets.push({
      what: 'Renderer JS heap',
      target: '≤ 200 MB',
      measured: mb(heapMax),
      met: heapMax <= 200 * 1024 * 1024,
    });
  }
  return out.join('\n');
}

interface Bought {
  optimisation: string;
  where: string;
  measure: string;
  off: string;
  on: string;
}

export const INGEST_SWITCHES: Record<string, [string, string]> = {
  'checkpoint-worker': ['WAL checkpoints in a worker thread', 'electron/core/store/checkpointer.ts'],
  'deferred-fts': [
    'Full-text index written in background batches (search catches up first)',
    'electron/core/store/fts-indexer.ts',
  ],
  'admin-cache': ['Dashly admins not rewritten on every webhook', 'electron/core/dashly/dashly-inbound.ts'],
  'fast-json': [
    'JSON bodies without 16-digit runs parsed by JSON.parse (lossless parser only when needed)',
    'electron/core/util/lossless-json.ts',
  ],
  'page-cache': ['64 MB of SQLite page cache instead of 16 MB', 'electron/core/store/database.ts'],
  'settings-cache': [
    'Settings read per request kept parsed (no validation per read)',
    'electron/core/settings/settings-service.ts',
  ],
  'derive-later': [
    'Acks stored as received and parsed after the answer while the listener is saturated',
    'electron/core/store/capture-deriver.ts',
  ],
  all: ['All core optimisations together', 'CONVOSCOPE_PERF_OFF=all'],
};

const UI_SWITCHES: Record<string, [string, string]> = {
  'live-batching': [
    'Live events paced in bursts (≤ 1 list update per 100 ms)',
    'renderer/api/event-batcher.ts',
  ],
  'cached-scroll-offset': [
    'No forced layout per live update (cached scroll offset)',
    'renderer/features/captures/capture-list.tsx',
  ],
  'time-formatter': ['One cached time formatter for all rows', 'renderer/lib/format.ts'],
  'list-window': ['Bounded window of 3,000 rows in memory', 'renderer/state/list-window.ts'],
  all: ['All renderer optimisations together', '?perf-off=all'],
};

/** How far the same optimised build moved between its runs (the A/B pairs) at one connection count. */
function spreadOf(same: IngestRun[]): string {
  if (same.length < 2) return '';
  const rates = same.map((run) => run.requestsPerSecond);
  return (
    `The same build ran ${same.length} times at this connection count (the A/B pairs): ` +
    `${int(Math.min(...rates))}–${int(Math.max(...rates))} req/s, ratio ` +
    `${round(Math.min(...rates) / Math.max(...rates), 2)} between its slowest and fastest run.`
  );
}

/** The diagnostic run (nothing stored) at the headline run's connection count. */
function unstoredFor(runs: IngestRun[], app: IngestRun): IngestRun | undefined {
  return runs.find((run) => run.target === UNSTORED_TARGET && run.connections === app.connections);
}

/** What the diagnostic build (nothing stored) says about a ratio target. */
function unstoredNote(runs: IngestRun[], app: IngestRun, bare: IngestRun): string {
  const unstored = unstoredFor(runs, app);
  if (!unstored) return '';
  return (
    `The same serve process with a writer that stores nothing reached ${int(unstored.requestsPerSecond)} ` +
    `req/s (ratio ${round(unstored.requestsPerSecond / bare.requestsPerSecond, 2)}) at ` +
    `${int(unstored.cpuPerRequestUs)} µs of CPU per request, so storing each capture before its answer ` +
    `costs ${int(app.cpuPerRequestUs - unstored.cpuPerRequestUs)} µs per request here. Storing from a worker ` +
    'thread instead was tried: on cores shared with the load generator it ' +
    'adds CPU (every capture is copied to the thread) and served fewer requests per second; not kept. '
  );
}

/** Why a target failed, where the run itself says why; every failed target gets a line. */
function notMetSection(report: Report, targets: Target[]): string {
  const failed = targets.filter((target) => !target.met);
  if (failed.length === 0) return '';
  const out = ['## Targets not met', ''];
  const saturated = (report.ingest?.runs ?? []).filter((run) => run.offeredRate === undefined);
  const load = (section: string) => report.load?.find((row) => row.section === section);
  for (const target of failed) {
    let why = '';
    const connections = Number(/(\d+) connections/u.exec(target.what)?.[1] ?? NaN);
    const app = saturated.find(
      (run) => run.target === 'Convoscope' && !run.pairFor && run.connections === connections,
    );
    const bare = saturated.find((run) => run.target.startsWith('bare') && run.connections === connections);
    if (target.what.startsWith('Ingest ratio') && app && bare) {
      why =
        `the bare server spends ${int(bare.cpuPerRequestUs)} µs of CPU per request (read the body, answer), ` +
        `Convoscope ${int(app.cpuPerRequestUs)} µs: during a burst it classifies the request, stores ` +
        'request, response and headers and commits before it answers (the crash-safety promise), announces ' +
        'the capture, and leaves parsing until the flood is over. The load generator runs on the same ' +
        `${report.machine.cores} cores and takes about one of them, so requests per second follow CPU per ` +
        'request. A profile of the serve process (`BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"`) ' +
        'shows the capture insert and its commit, the socket writes and garbage collection as the largest ' +
        'parts; there is no single hot spot left to remove ("Where the time goes" breaks the write path ' +
        'down statement by statement). ' +
        unstoredNote(saturated, app, bare) +
        spreadOf(saturated.filter((run) => run.target === 'Convoscope' && run.connections === connections));
    } else if (target.what.startsWith('Ingest p99') && app) {
      const unstored = unstoredFor(saturated, app);
      why =
        `flat out, latency is queueing: ${app.connections} connections at ${int(app.requestsPerSecond)} req/s wait ` +
        `${round((1000 * app.connections) / app.requestsPerSecond, 1)} ms on average (Little's law), so a p99 of ` +
        `10 ms needs well over ${int((1000 * app.connections) / 10)} req/s. ` +
        (unstored && bare
          ? `Flat out in the same run, the bare server's p99 was ${bare.p99} ms and the build that stores ` +
            `nothing ${unstored.p99} ms. `
          : '') +
        'See "Below saturation" for the latency of a request when the server keeps up.';
    } else if (target.what.startsWith('(for reference)')) {
      why = 'measured at a fixed offered rate; the load generator and the server still share the cores.';
    } else if (/scroll|stream|UI|heap/iu.test(target.what)) {
      const ui = load('ui');
      why =
        'frames are measured in headless Chromium with software rendering on the same cores as the server ' +
        `and the load generator${ui ? ` (load average ${ui.min}–${ui.max} during the UI section)` : ''}.`;
    } else if (/ready/u.test(target.what)) {
      why = 'startup includes spawning Node and loading the bundle on a shared machine.';
    }
    out.push(`- **${target.what}**: ${target.measured} against ${target.target}${why ? `; ${why}` : '.'}`);
  }
  out.push('');
  return out.join('\n');
}

/** One table of before/after pairs from this run: every A/B the sections measured. */
function boughtSection(report: Report): string {
  const rows: Bought[] = [];
  const ingest = (report.ingest?.runs ?? []).filter((run) => run.offeredRate === undefined);
  for (const variant of ingest) {
    const name =
      /^(.+) off$/u.exec(variant.target)?.[1] ?? (variant.target === 'all optimisations off' ? 'all' : null);
    if (!name) continue;
    const base = baselineFor(ingest, variant);
    const meta = INGEST_SWITCHES[name];
    if (!base || !meta) continue;
    rows.push({
      optimisation: meta[0],
      where: `\`${meta[1]}\``,
      measure: `ingest, ${variant.connections} connections: CPU per request; req/s; p99`,
      off: `${int(variant.cpuPerRequestUs)} µs; ${int(variant.requestsPerSecond)}/s; ${variant.p99} ms`,
      on: `${int(base.cpuPerRequestUs)} µs; ${int(base.requestsPerSecond)}/s; ${base.p99} ms`,
    });
  }
  if (report.store?.paging) {
    const paging = report.store.paging;
    rows.push({
      optimisation: 'Keyset pagination (`before`/`after` ids) instead of OFFSET',
      where: '`electron/core/store/capture-repository.ts`',
      measure: `one page of 200, ${int(paging.depth)} rows deep (SQLite only)`,
      off: `${ms(paging.offsetMs)} (OFFSET)`,
      on: `${ms(paging.keysetMs)} (keyset)`,
    });
  }
  const rounds = report.ui?.streamRounds ?? [];
  const onRounds = rounds.find((entry) => entry.off.length === 0);
  if (onRounds) {
    const on = roundsSummary(onRounds);
    for (const entry of rounds) {
      const name = entry.off.length === 1 ? entry.off[0] : null;
      const meta = name ? UI_SWITCHES[name] : undefined;
      if (!meta || entry === onRounds) continue;
      const off = roundsSummary(entry);
      rows.push({
        optimisation: meta[0],
        where: `\`${meta[1]}\``,
        measure: `live stream 500/s (median of ${entry.rounds.length} interleaved rounds): longest frame; p95 frame; fps`,
        off: `${int(off.longest)} ms; ${round(off.p95, 1)} ms; ${round(off.fps, 1)} fps`,
        on: `${int(on.longest)} ms; ${round(on.p95, 1)} ms; ${round(on.fps, 1)} fps`,
      });
    }
  }
  const ui = report.ui?.variants ?? [];
  const main = ui[0];
  if (main) {
    for (const variant of ui.slice(1)) {
      const name = variant.off.length === 1 ? variant.off[0] : null;
      const meta = name ? UI_SWITCHES[name] : undefined;
      if (!meta) continue;
      const where = `\`${meta[1]}\``;
      if (variant.scroll && main.scroll)
        rows.push({
          optimisation: meta[0],
          where,
          measure: 'scrolling at speed: fps; longest frame',
          off: `${round(variant.scroll.fps, 1)} fps; ${int(variant.scroll.longestFrameMs)} ms`,
          on: `${round(main.scroll.fps, 1)} fps; ${int(main.scroll.longestFrameMs)} ms`,
        });
      if (variant.deepScroll && main.deepScroll)
        rows.push({
          optimisation: meta[0],
          where,
          measure: `deep scroll (${int(variant.deepScroll.rowsPassed)} rows): rows held; JS heap`,
          off: `${int(variant.deepScroll.rowsInMemory)} rows; ${mb(variant.deepScroll.heapBytes)}`,
          on: `${int(main.deepScroll.rowsInMemory)} rows; ${mb(main.deepScroll.heapBytes)}`,
        });
    }
  }
  const out = ['## What each optimisation bought', ''];
  if (rows.length === 0) {
    out.push(
      report.ab
        ? 'No A/B pairs in this run (the sections that measure them were not run).'
        : 'Not measured in this run (`--no-ab`).',
      '',
    );
    return out.join('\n');
  }
  out.push(
    'Before/after pairs from this run, on this machine: the same build with one optimisation switched ' +
      'off ("off") against all of them on ("on"). Core switches: `CONVOSCOPE_PERF_OFF=<name>` ' +
      '(electron/core/perf-switches.ts); renderer switches: `?perf-off=<name>` ' +
      '(renderer/lib/perf-switches.ts). Load from other work moves during a run, so each ingest variant ' +
      'has an optimised run of its own right before it, and the live-stream configurations take turns ' +
      'over several rounds (medians); the other UI rows follow each other. CPU per request is the ' +
      'steadier ingest figure. A pair whose difference is smaller than the spread between rounds or ' +
      'between repeated runs shows no measurable effect on this machine. Some optimisations have no switch because there ' +
      'is no slower code path left to compare with (group commit in `capture-writer.ts`, request and ' +
      'response bodies in their own table so list pages never read them, conversations kept as one ' +
      'row each so the list never aggregates messages).',
    '',
    table(
      ['optimisation', 'where', 'measured', 'off', 'on'],
      rows.map((row) => [row.optimisation, row.where, row.measure, row.off, row.on]),
    ),
    '',
  );
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
  if (report.ingest) sections.push(ingestSection(report.ingest.runs, targets, report.ingest.writePath));
  if (report.store) sections.push(storeSection(report.store, targets));
  if (report.ui) sections.push(uiSection(report.ui, targets));
  if (report.startup) sections.push(startupSection(report.startup, targets));
  const m = report.machine;
  return [
    '# Benchmarks',
    '',
    `Measured ${report.date.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\`${report.quick ? ' **(--quick: shortened runs)**' : ''}.`,
    '',
    `**Machine:** ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.platform}, Node ${m.node}.`,
    '',
    `**Load:** the machine is shared with other work (other engineers' builds and test runs) and the ` +
      'load generator, the server and the browser share its cores. 1-minute load average, sampled every ' +
      `5 s: ${m.loadAtStart} at the start, ${report.loadAtEnd} at the end.`,
    '',
    ...(report.load?.length
      ? [
          table(
            ['section', 'samples', 'min', 'median', 'max'],
            report.load.map((row) => [row.section, row.samples, row.min, row.median, row.max]),
          ),
          '',
        ]
      : []),
    `> A load average above the core count (${m.cores}) means other work competed for the cores and ` +
      'every figure is pessimistic. Compare rows of the same run (the A/B runs are paired or interleaved ' +
      'for that reason) rather than runs on different machines.',
    '',
    '## Reproduce',
    '',
    '```text',
    HELP.trimEnd(),
    '```',
    '',
    'The code is in `test/bench/` (`main.ts` runs the sections; `ingest.ts`, `store.ts`, `startup.ts`, ' +
      '`ui.ts`; the store generator in `store-fixture.ts`).',
    '',
    '## Targets',
    '',
    table(
      ['what', 'target', 'measured', 'met'],
      targets.map((target) => [target.what, target.target, target.measured, yes(target.met)]),
    ),
    '',
    ...sections,
    boughtSection(report),
    notMetSection(report, targets),
  ].join('\n');
}
