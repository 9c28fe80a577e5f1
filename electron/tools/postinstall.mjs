#!/usr/bin/env node
// Runs after `npm install` / `npm ci`. Electron 45 fetches its binary lazily, so npm itself never
// downloads it; here we fetch it when its download host is reachable and carry on quietly when it
// is not (CI, offline machines): `npm start` then falls back to serve mode. With the binary present,
// better-sqlite3 is also built for Electron's ABI (electron-native.mjs). Never fails the install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary, electronDir } from './electron-binary.mjs';
import { buildElectronNative } from './electron-native.mjs';

if (!fs.existsSync(electronDir)) process.exit(0); // production install without devDependencies
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('convoscope: ELECTRON_SKIP_BINARY_DOWNLOAD is set; `npm start` will use serve mode.');
  process.exit(0);
}
if (!electronBinary()) {
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 5 * 60 * 1000,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !electronBinary()) {
    const reason = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? 'unknown error';
    console.log(
      `convoscope: Electron's binary could not be downloaded here (${reason.trim().slice(0, 160)}); ` +
        '`npm start` will run serve mode in your browser instead.',
    );
    process.exit(0);
  }
  console.log("convoscope: downloaded Electron's binary.");
}
const problem = buildElectronNative();
console.log(
  problem
    ? `convoscope: could not build SQLite for Electron (${problem}); \`npm start\` will use serve mode until it can.`
    : 'convoscope: SQLite is built for both Node (tests, serve mode) and Electron (npm start).',
);
