import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Content-Security-Policy of the UI: our own scripts only, no inline script, no framing, no
 * connections but to this server. Remote images are allowed (https only) only when the user turned
 * `privacy.loadRemoteImages` on; the policy is fixed per page, so the UI reloads after that change.
 * index.html carries a meta policy too; a browser enforces both, so this header is what narrows.
 */
export function contentSecurityPolicy(port: number, options: { remoteImages?: boolean } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // CodeMirror and React style attributes need inline styles; no script can come through them.
    "style-src 'self' 'unsafe-inline'",
    options.remoteImages ? "img-src 'self' data: blob: https:" : "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const MISSING_UI = `<!doctype html><meta charset="utf-8"><title>Convoscope</title>
<p>The inspector UI has not been built. Run <code>npm run build</code>, then reload.</p>`;

/** Serves the renderer build; unknown paths get index.html (the UI routes in its hash). */
export function serveStatic(
  rootDir: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  csp: string,
): void {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  } catch {
    res.writeHead(400).end();
    return;
  }
  const root = path.resolve(rootDir);
  let file = path.resolve(root, `.${urlPath}`);
  if (!file.startsWith(root + path.sep) && file !== root) {
    res.writeHead(404).end();
    return;
  }
  if (urlPath === '/' || !fs.existsSync(file) || fs.statSync(file).isDirectory())
    file = path.join(root, 'index.html');

  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');

  if (!fs.existsSync(file)) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
    res.end(MISSING_UI);
    return;
  }
  const ext = path.extname(file);
  const immutable = urlPath.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(ext === '.html' ? { 'Content-Security-Policy': csp } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (ext === '.html') {
    res.end(withMetaImageSources(fs.readFileSync(file, 'utf8'), csp));
    return;
  }
  fs.createReadStream(file).pipe(res);
}

/**
 * The page's meta policy (strict, for a page opened without our header) gets the header's
 * `img-src`: a browser enforces both policies, so without this the meta would keep blocking the
 * https images the user allowed (`privacy.loadRemoteImages`). Only `img-src` is ever copied.
 */
export function withMetaImageSources(html: string, csp: string): string {
  const imgSrc = csp
    .split(';')
    .map((directive) => directive.trim())
    .find((directive) => directive.startsWith('img-src '));
  if (!imgSrc) return html;
  return html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?)img-src [^;"]*/u,
    (_match, before: string) => `${before}${imgSrc}`,
  );
}
