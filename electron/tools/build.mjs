#!/usr/bin/env node
// Builds everything `npm start`, `npm run serve` and the tests run: the serve-mode bundle, the
// Electron main and preload bundles (esbuild), and the renderer (Vite). Skips work that is up to date.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const force = args.has('--force');
const say = (line) => quiet || process.stdout.write(`${line}\n`);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function newestMtime(entries) {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) if (name !== 'node_modules') visit(path.join(entry, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  entries.forEach((entry) => visit(path.join(root, entry)));
  return newest;
}

function upToDate(stampName, inputs) {
  if (force) return false;
  try {
    return fs.statSync(path.join(dist, stampName)).mtimeMs >= newestMtime(inputs);
  } catch {
    return false;
  }
}

function stamp(stampName) {
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, stampName), new Date().toISOString());
}

const define = { 'process.env.CONVOSCOPE_VERSION': JSON.stringify(pkg.version) };
const coreInputs = ['electron', 'shared', 'package.json'];

if (!upToDate('.core-stamp', coreInputs)) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    define,
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'electron/serve.ts')],
      outfile: path.join(dist, 'serve.mjs'),
      format: 'esm',
      packages: 'external',
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'electron/main.ts')],
      outfile: path.join(dist, 'main.cjs'),
      format: 'cjs',
      packages: 'external',
      external: ['electron'],
    }),
    // The sandboxed preload can only require('electron'): everything else is bundled in.
    esbuild.build({
      ...common,
      entryPoints: [path.join(root, 'electron/preload.ts')],
      outfile: path.join(dist, 'preload.cjs'),
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
    }),
  ]);
  stamp('.core-stamp');
  say('Built dist/serve.mjs, dist/main.cjs, dist/preload.cjs');
}

if (!upToDate('.renderer-stamp', ['renderer', 'shared', 'package.json'])) {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'renderer/vite.config.ts', ...(quiet ? ['--logLevel', 'warn'] : [])],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    process.stderr.write('Renderer build failed.\n');
    process.exit(result.status ?? 1);
  }
  stamp('.renderer-stamp');
  say('Built dist/renderer');
}
