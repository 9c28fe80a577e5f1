import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  serveStatic,
  withMetaImageSources,
} from '../../../electron/core/api/static-files.js';
import { httpRequest } from '../../helpers/http.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const META =
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; img-src 'self' data: blob:; font-src 'self'\" />";
const PAGE = `<!doctype html><html><head>${META}</head><body><script type="module" src="/assets/a.js"></script></body></html>`;

let server: http.Server | null = null;
const temps: { remove: () => void }[] = [];
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  for (const temp of temps.splice(0)) temp.remove();
});

async function serve(remoteImages: boolean): Promise<string> {
  const temp = makeTempDir('static-meta-');
  temps.push(temp);
  fs.writeFileSync(path.join(temp.dir, 'index.html'), PAGE);
  server = http.createServer((req, res) =>
    serveStatic(temp.dir, req, res, contentSecurityPolicy(1, { remoteImages })),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return (await httpRequest(`http://127.0.0.1:${port}/`, { timeoutMs: 5000 })).text;
}

describe('the page meta policy follows the header for images', () => {
  it('stays strict while remote images are off, and allows https images once they are on', async () => {
    expect(await serve(false)).toContain("img-src 'self' data: blob:;");
    const on = await serve(true);
    expect(on).toContain("img-src 'self' data: blob: https:;");
    // Nothing else of the meta policy changes.
    expect(on).toContain("default-src 'none'; script-src 'self';");
  });

  it('copies only img-src, and leaves pages without a meta policy alone', () => {
    expect(withMetaImageSources('<p>no meta</p>', "img-src 'self' https:")).toBe('<p>no meta</p>');
    expect(withMetaImageSources(META, "script-src *; img-src 'self' https:")).toContain("script-src 'self'");
  });
});
