#!/usr/bin/env node
// `npm start`: the desktop window when Electron's binary is installed, a display exists and SQLite
// is built for Electron; otherwise the same app in serve mode, said in one line. Extra arguments
// go to serve mode.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronBinary, root } from './electron-binary.mjs';
import { buildElectronNative } from './electron-native.mjs';

const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const binary = electronBinary();
const nativeProblem = binary && hasDisplay ? buildElectronNative() : null;

if (binary && hasDisplay && !nativeProblem) {
  // `electron .`: the app path is the project root (package.json's main is dist/main.cjs).
  const child = spawn(binary, [root], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
} else {
  const why = !binary
    ? "Electron's binary is not installed"
    : !hasDisplay
      ? 'no display is available'
      : `SQLite could not be built for Electron (${nativeProblem})`;
  console.log(`Starting in serve mode because ${why}; the inspector opens in your browser.`);
  const { runServe } = await import(pathToFileURL(path.join(root, 'dist', 'serve.mjs')).href);
  await runServe(process.argv.slice(2));
}
