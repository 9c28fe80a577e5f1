#!/usr/bin/env node
// `npm run dist`: desktop packages for this platform with electron-builder (electron-builder.yml).
// Packaging needs Electron's release binaries; where they cannot be downloaded, stop with one
// clear sentence instead of electron-builder's stack trace.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronDir, electronVersion, root } from './electron-binary.mjs';

const require = createRequire(path.join(electronDir, 'package.json'));

async function electronZipReachable() {
  try {
    const { downloadArtifact } = await import(require.resolve('@electron/get'));
    await downloadArtifact({
      version: electronVersion(),
      artifactName: 'electron',
      platform: process.platform,
      arch: process.arch,
    });
    return true;
  } catch {
    return false;
  }
}

const build = spawnSync(process.execPath, [path.join(root, 'electron', 'tools', 'build.mjs'), '--quiet'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

if (!(await electronZipReachable())) {
  console.error(
    `convoscope: packaging needs Electron ${electronVersion()}'s release binaries, which cannot be downloaded from this machine; run \`npm run dist\` where they can be (serve mode needs no packaging).`,
  );
  process.exit(1);
}
const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const result = spawnSync(
  process.execPath,
  [builder, '--config', 'electron-builder.yml', '--publish', 'never'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
