/** `npm run bench`: the performance benchmark (not part of `npm test`). Usage: help.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HELP } from './help.js';
import { benchIngest, type IngestRun } from './ingest.js';
import { LoadSampler, machineInfo } from './machine.js';
import { INGEST_SWITCHES, renderReport, type Report } from './report.js';
import { benchWritePath } from './write-path.js';
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
  process.stdout.write(HELP);
  process.exit(0);
}
const only = new Set<Section>(
  values.only
    ? (values.only.split(',').filter((s) => (SECTIONS as readonly string[]).includes(s)) as Section[])
    : SECTIONS,
);
if (values.only && only.size === 0) {
  process.stderr.write(`--only takes a comma-separated list of: ${SECTIONS.join(', ')}\n`);
  process.exit(2);
}
const quick = values.quick;
const ab = !values['no-ab'];
const captures = values.captures ? Number(values.captures) : 1_000_000;
if (!Number.isInteger(captures) || captures < 1000) {
  process.stderr.write('--captures takes a whole number of at least 1000\n');
  process.exit(2);
}
const log = (line: string) => process.stdout.write(`${line}\n`);

const report: Report = {
  date: new Date().toISOString(),
  machine: machineInfo(),
  quick,
  captures,
  loadAtEnd: 0,
  ab,
};
const load = new LoadSampler();

log(`Machine: ${report.machine.cpuModel}, ${report.machine.cores} cores, load ${report.machine.loadAtStart}`);

if (only.has('ingest')) {
  log('Ingest…');
  load.section('ingest');
  const seconds = quick ? 3 : 10;
  const variants = [{ label: 'Convoscope', env: {} }];
  if (ab) {
    variants.push({ label: 'all optimisations off', env: { CONVOSCOPE_PERF_OFF: 'all' } });
    for (const name of Object.keys(INGEST_SWITCHES).filter((key) => key !== 'all'))
      variants.push({ label: `${name} off`, env: { CONVOSCOPE_PERF_OFF: name } });
  }
  const runs: IngestRun[] = await benchIngest(
    { seconds, connections: [32, 128], variants, offeredRate: 1000 },
    log,
  );
  log('Write path without HTTP…');
  const writePath = await benchWritePath(quick ? 5_000 : 20_000);
  log(`  ${Math.round(writePath.totalMicrosPerCapture)} µs per capture on the main thread`);
  report.ingest = { runs, writePath };
}

const needsFixture = only.has('store') || only.has('ui') || only.has('startup');
if (needsFixture) load.section('fixture');
const fixture = needsFixture ? await ensureFixture(captures, log) : null;

if (fixture && only.has('store')) {
  log('Store at scale…');
  load.section('store');
  report.store = await benchStore(fixture, { quick }, log);
}
if (fixture && only.has('startup')) {
  log('Startup…');
  load.section('startup');
  report.startup = await benchStartup(fixture, { quick }, log);
}
if (fixture && only.has('ui')) {
  log('UI…');
  load.section('ui');
  report.ui = await benchUi(fixture, { quick, ab }, log);
}

report.loadAtEnd = load.stop();
report.load = load.summary();
const out = path.resolve(ROOT, values.out ?? 'BENCHMARKS.md');
fs.writeFileSync(out, renderReport(report));
log(`Wrote ${path.relative(ROOT, out)}`);
