#!/usr/bin/env node
// `npm run bench`: builds the app, bundles the benchmark (TypeScript under test/bench) with esbuild
// and runs it. Arguments are passed through (see test/bench/main.ts, or `npm run bench -- --help`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const helpOnly = process.argv.includes('--help');
const build = helpOnly
  ? { status: 0 }
  : spawnSync(process.execPath, [path.join(root, 'electron/tools/build.mjs'), '--quiet'], {
      stdio: 'inherit',
    });
if (build.status !== 0) process.exit(build.status ?? 1);

// Node ESM bundles whose bare imports resolve from the project's node_modules.
const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
};
const outfile = path.join(root, '.bench', 'bench.mjs');
await esbuild.build({
  ...nodeBundle,
  entryPoints: [path.join(root, 'test/bench/main.ts')],
  outfile,
  sourcemap: true,
});
// A diagnostic build of the serve process for the ingest section: the same bundle, except that
// app.ts gets a writer that stores nothing (test/bench/unstored-writer.ts). It never ships; it
// measures how much of the listener's cost is storing the capture before the answer.
if (!helpOnly) {
  const benchDir = path.join(root, '.bench');
  await esbuild.build({
    ...nodeBundle,
    entryPoints: [path.join(root, 'electron/serve.ts')],
    outfile: path.join(benchDir, 'serve-unstored.mjs'),
    define: { 'process.env.CONVOSCOPE_VERSION': JSON.stringify('bench-unstored') },
    plugins: [
      {
        name: 'unstored-writer',
        setup(build) {
          build.onResolve({ filter: /capture-writer\.js$/ }, (args) =>
            args.importer.endsWith(path.join('electron', 'core', 'app.ts'))
              ? { path: path.join(root, 'test/bench/unstored-writer.ts') }
              : undefined,
          );
        },
      },
    ],
  });
  fs.writeFileSync(
    path.join(benchDir, 'convoscope-unstored.mjs'),
    '// Written by test/bench/run.mjs: `node convoscope-unstored.mjs serve [flags]`, the diagnostic build.\n' +
      "import { runServe } from './serve-unstored.mjs';\nawait runServe(process.argv.slice(3));\n",
  );
}

const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(run.status ?? 1);
