import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocaltunnelServer, type LocaltunnelServer } from '../helpers/localtunnel-server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { uniqueSubdomain } from '../helpers/tunnel.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Serve mode as a user runs it: the real bundle (built like electron/tools/build.mjs does, with
 * node_modules external so the localtunnel client loads the way it does in production) in its own
 * Node process, with the tunnel flags, against a real localtunnel server.
 */
describe('serve mode with --tunnel-host and --subdomain', () => {
  let lt: LocaltunnelServer;
  let bundle: string;
  const data = makeTempDir();

  beforeAll(async () => {
    lt = await startLocaltunnelServer();
    // Inside node_modules so the bundle's bare imports resolve from the project.
    const outDir = path.join(root, 'node_modules', '.cache', 'convoscope-test');
    bundle = path.join(outDir, `serve-${process.pid}.mjs`);
    await esbuild.build({
      entryPoints: [path.join(root, 'electron/serve.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
  });
  afterAll(async () => {
    await lt.stop();
    fs.rmSync(bundle, { force: true });
    data.remove();
  });

  it('prints the public URL when the tunnel is up, delivers through it, and closes it on SIGTERM', async () => {
    const name = uniqueSubdomain('serve');
    const args = ['--data-dir', data.dir, '--listen-port', '0', '--ui-port', '0', '--no-open'];
    args.push('--tunnel-host', `${lt.host}/`, '--subdomain', name);
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '-e',
        `import(${JSON.stringify(pathToFileURL(bundle).href)}).then((m) => m.runServe(${JSON.stringify(args)}))`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 15_000;
      while (!out.includes('Tunnel online:') && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(out).toContain(`Opening a tunnel to ${lt.host} as "${name}"`);
      expect(out).toContain(`Tunnel online: http://${name}.localhost\n`);
      expect(out).toContain(`Kindly webhook URL: http://${name}.localhost/kindly`);

      const res = await lt.send(name, '/kindly', { method: 'POST', body: '{"hello":"serve"}' });
      expect(res.status).toBe(200);
      expect(res.text).toBe('{}');
    } finally {
      child.kill('SIGTERM');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    expect(await exited).toBe(0);
    clearTimeout(timer);
    expect(out).toContain('Tunnel closed.');
    // The tunnel was closed, not just abandoned: the server forgets it after its 1 s grace period.
    const deadline = Date.now() + 5000;
    while ((await lt.tunnelSockets(name)) !== null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await lt.tunnelSockets(name)).toBeNull();
  });
});
