// better-sqlite3 for Electron's ABI, built into .electron-native/ beside the Node build that npm
// installs, so one `npm install` serves tests and serve mode (Node) and `npm start` (Electron) with
// no manual rebuild. electron/desktop/native-binding.ts loads it through better-sqlite3's
// `nativeBinding` option. Needs Electron's headers, which are downloaded where reachable.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronVersion, root } from './electron-binary.mjs';

const NATIVE_DIR = path.join(root, '.electron-native');
const ADDON = path.join(NATIVE_DIR, 'better_sqlite3.node');
const STAMP = path.join(NATIVE_DIR, 'stamp.json');

function betterSqliteVersion() {
  return JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
  ).version;
}

function wanted() {
  return { electron: electronVersion(), betterSqlite3: betterSqliteVersion(), arch: process.arch };
}

export function electronNativeUpToDate() {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
    const want = wanted();
    return fs.existsSync(ADDON) && Object.entries(want).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

/** npm's own node-gyp (npm sets npm_config_node_gyp in scripts; otherwise find it beside npm). */
function nodeGypScript() {
  if (process.env.npm_config_node_gyp && fs.existsSync(process.env.npm_config_node_gyp))
    return process.env.npm_config_node_gyp;
  const npmCli = process.env.npm_execpath;
  const candidates = [
    npmCli && path.join(path.dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ].filter(Boolean);
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** Builds the addon for Electron; returns null on success, else a one-line reason. */
export function buildElectronNative() {
  if (electronNativeUpToDate()) return null;
  const gyp = nodeGypScript();
  if (!gyp) return "npm's node-gyp was not found";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'convoscope-native-'));
  try {
    fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, {
      recursive: true,
      filter: (source) =>
        !source.includes(`${path.sep}build${path.sep}`) && !source.endsWith(`${path.sep}build`),
    });
    const want = wanted();
    const result = spawnSync(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${want.electron}`,
        `--arch=${want.arch}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, encoding: 'utf8', timeout: 15 * 60 * 1000 },
    );
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !fs.existsSync(built)) {
      const line =
        `${result.stderr ?? ''}`.split('\n').find((text) => /error/iu.test(text)) ?? 'node-gyp failed';
      return line.trim().slice(0, 200);
    }
    fs.mkdirSync(NATIVE_DIR, { recursive: true });
    fs.copyFileSync(built, ADDON);
    fs.writeFileSync(STAMP, JSON.stringify(want, null, 2));
    return null;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
