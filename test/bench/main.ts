/**
 * `npm run bench`: the performance benchmark (not part of `npm test`). Writes BENCHMARKS.md.
 *
 *   npm run bench                      everything (ingest, store, startup, ui)
 *   npm run bench -- --only ingest,store
 *   npm run bench -- --quick           shorter runs (a smoke test of the benchmark itself)
 *   npm run bench -- --no-ab           skip the A/B runs with optimisations switched off
 *   npm run bench -- --out FILE        write the report elsewhere (default BENCHMARKS.md)
 *
 * The 1M-capture database is generated once and cached under .bench/ (see store-fixture.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchIngest, type IngestRun } from './ingest.js';
import { loadNow, machineInfo } from './machine.js';
import { renderReport, type Report } from './report.js';
import { ROOT } from './serve-runner.js';
import { benchStartup } from './startup.js';
import { benchStore } from './store.js';
import { ensureFixture } from './store-fixture.js';
import { benchUi } from './ui.js';

const SECTIONS = ['ingest', 'store', 'startup', 'ui'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-ab': { type: 'boolean', default: false },
    out: { type: 'string' },
    captures: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    fs
      .readFileSync(new URL(import.meta.url))
      .toString()
      .split('*/')[0] ?? '',
  );
  process.exit(0);
}
const only = new Set<Section>(
  values.only
    ? (values.only.split(',').filter((s) => (SECTIONS as readonly string[]).includes(s)) as Section[])
    : SECTIONS,
);
const quick = values.quick;
const ab = !values['no-ab'];
const captures = values.captures ? Number(values.captures) : 1_000_000;
const log = (line: string) => process.stdout.write(`${line}\n`);

const report: Report = {
  date: new Date().toISOString(),
  machine: machineInfo(),
  quick,
  captures,
  loadAtEnd: 0,
};

log(`Machine: ${report.machine.cpuModel}, ${report.machine.cores} cores, load ${report.machine.loadAtStart}`);

if (only.has('ingest')) {
  log('Ingest…');
  const seconds = quick ? 3 : 10;
  const variants = [{ label: 'Convoscope', env: {} }];
  if (ab) {
    variants.push({ label: 'all optimisations off', env: { CONVOSCOPE_PERF_OFF: 'all' } });
    for (const name of ['checkpoint-worker', 'deferred-fts', 'admin-cache'])
      variants.push({ label: `${name} off`, env: { CONVOSCOPE_PERF_OFF: name } });
  }
  const runs: IngestRun[] = await benchIngest({ seconds, connections: [32, 128], variants }, log);
  report.ingest = { runs };
}

const needsFixture = only.has('store') || only.has('ui') || only.has('startup');
const fixture = needsFixture ? await ensureFixture(captures, log) : null;

if (fixture && only.has('store')) {
  log('Store at scale…');
  report.store = await benchStore(fixture, { quick }, log);
}
if (fixture && only.has('startup')) {
  log('Startup…');
  report.startup = await benchStartup(fixture, { quick }, log);
}
if (fixture && only.has('ui')) {
  log('UI…');
  report.ui = await benchUi(fixture, { quick, ab }, log);
}

report.loadAtEnd = loadNow();
const out = path.resolve(ROOT, values.out ?? 'BENCHMARKS.md');
fs.writeFileSync(out, renderReport(report));
log(`Wrote ${path.relative(ROOT, out)}`);
