#!/usr/bin/env node
// `npm start`: the desktop window when Electron's binary is installed and a display exists;
// otherwise the same app in serve mode, said in one line. Extra arguments go to serve mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinary() {
  try {
    const binary = path.join(
      electronDir,
      'dist',
      fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8'),
    );
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const binary = electronBinary();

if (binary && hasDisplay) {
  const child = spawn(binary, [path.join(root, 'dist', 'main.cjs')], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
} else {
  const why = binary ? 'no display is available' : "Electron's binary is not installed";
  console.log(`Starting in serve mode because ${why}; the inspector opens in your browser.`);
  const { runServe } = await import(pathToFileURL(path.join(root, 'dist', 'serve.mjs')).href);
  await runServe(process.argv.slice(2));
}
