/** Usage of `npm run bench`, printed by `--help` and quoted in BENCHMARKS.md. */
export const HELP = `\`npm run bench\`: the performance benchmark (not part of \`npm test\`). Writes BENCHMARKS.md.

  npm run bench                         everything: ingest, store, startup, ui (about 20 minutes)
  npm run bench -- --only ingest,store  some sections (ingest, store, startup, ui)
  npm run bench -- --quick              shorter runs (3-4 s instead of 10 s, fewer repeats)
  npm run bench -- --no-ab              skip the A/B runs with optimisations switched off
  npm run bench -- --captures 30000     a smaller store than the default 1,000,000
  npm run bench -- --out FILE           write the report elsewhere (default BENCHMARKS.md)
  npm run bench -- --help               this text

The store is generated once (a million captures: about 20 minutes) and cached under .bench/,
keyed by size, schema and generator version; a cached store with an older schema is migrated in
place by the app's own migrations instead of being generated again.

Environment: CHROMIUM_PATH (default /usr/bin/chromium); BENCH_SERVE_NODE_ARGS, e.g.
"--cpu-prof --cpu-prof-dir=DIR", profiles the serve processes. Optimisations are switched off
with CONVOSCOPE_PERF_OFF=<names|all> (core) and ?perf-off=<names|all> in the UI's URL (renderer).
`;
