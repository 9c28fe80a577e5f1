#!/usr/bin/env node
// `npm run bench`: builds the app, bundles the benchmark (TypeScript under test/bench) with esbuild
// and runs it. Arguments are passed through (see test/bench/main.ts, or `npm run bench -- --help`).
import { spawnSync } from 'node:child_process';
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

const outfile = path.join(root, '.bench', 'bench.mjs');
await esbuild.build({
  entryPoints: [path.join(root, 'test/bench/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(run.status ?? 1);
