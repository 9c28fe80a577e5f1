#!/usr/bin/env node
// Runs after `npm install` / `npm ci`. Electron 45 fetches its binary lazily, so npm itself never
// downloads it; here we fetch it when its download host is reachable and carry on quietly when it
// is not (CI, offline machines): `npm start` then falls back to serve mode. Never fails the install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinaryPresent() {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    return fs.existsSync(path.join(electronDir, 'dist', relative));
  } catch {
    return false;
  }
}

if (!fs.existsSync(electronDir)) process.exit(0); // production install without devDependencies
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('convoscope: ELECTRON_SKIP_BINARY_DOWNLOAD is set; `npm start` will use serve mode.');
  process.exit(0);
}
if (!electronBinaryPresent()) {
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 5 * 60 * 1000,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !electronBinaryPresent()) {
    const reason = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? 'unknown error';
    console.log(
      `convoscope: Electron's binary could not be downloaded here (${reason.trim().slice(0, 160)}); ` +
        '`npm start` will run serve mode in your browser instead.',
    );
    process.exit(0);
  }
  console.log("convoscope: downloaded Electron's binary.");
}
