import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  externalUrl,
  isTrustedSender,
  mayNavigate,
  secureWebPreferences,
} from '../../electron/desktop/window-security.js';
import { contentSecurityPolicy } from '../../electron/core/api/static-files.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `directive → sources` of a Content-Security-Policy. */
function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/u))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** What the UI's policy must say, whichever way it is delivered (header or meta). */
function expectStrictPolicy(policy: Map<string, string[]>): void {
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  for (const [directive, sources] of policy) {
    expect([directive, sources.filter((s) => /unsafe-eval|^\*$|^https?:$/u.test(s))]).toEqual([
      directive,
      [],
    ]);
    if (directive !== 'style-src')
      expect([directive, sources.includes("'unsafe-inline'")]).toEqual([directive, false]);
  }
  expect(policy.get('img-src')).not.toContain('http:');
}

interface HarnessReport {
  webPreferences: Record<string, unknown>;
  uiUrl: string;
  permissions: Record<string, boolean>;
  permissionCheck: boolean;
  devicePermission: boolean;
  displayMedia: Record<string, unknown>;
  attachWebviewBlocked: boolean;
  navigation: Record<string, { navigate: boolean; redirect: boolean }>;
  windowOpen: Record<string, string>;
  openedByWindowOpen: string[];
  ipc: Record<
    string,
    { bootstrap: unknown; openExternal: boolean; openJavascript: boolean; notify: boolean }
  >;
  windowOptions: string[];
  openedTotal: string[];
  csp: string;
  pageHasRoot: boolean;
}

function runHarness(): Promise<HarnessReport> {
  const temp = makeTempDir('convoscope-desktop-');
  return new Promise<HarnessReport>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'test/helpers/desktop-shell-harness.cjs')], {
      env: { ...process.env, CONVOSCOPE_DATA_DIR: temp.dir, CONVOSCOPE_LISTEN_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('REPORT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('REPORT '.length)) as HarnessReport);
      else reject(new Error(`harness exited ${code}:\n${out}\n${err}`));
    });
  }).finally(() => temp.remove());
}

describe('desktop shell security (pure rules)', () => {
  const ui = 'http://127.0.0.1:4999';

  it('navigation and IPC trust our UI origin only, compared as parsed origins', () => {
    expect(mayNavigate(`${ui}/#/settings`, ui)).toBe(true);
    for (const url of [
      'http://127.0.0.1:49990/',
      'http://127.0.0.1:4999@evil.example/',
      'http://localhost:4999/',
      'https://127.0.0.1:4999/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect([url, mayNavigate(url, ui)]).toEqual([url, false]);
      expect([url, isTrustedSender(url, ui)]).toEqual([url, false]);
    }
    expect(isTrustedSender(undefined, ui)).toBe(false);
    expect(isTrustedSender(`${ui}/index.html`, ui)).toBe(true);
  });

  it('only http(s) links reach the system browser', () => {
    expect(externalUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'smb://host/share',
      'vbscript:x',
      '',
    ]) {
      expect([url, externalUrl(url)]).toEqual([url, null]);
    }
  });

  it('web preferences: the whole checklist', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('the served policy is strict, and allows https images only when the user turned them on', () => {
    const off = parseCsp(contentSecurityPolicy(4999));
    expectStrictPolicy(off);
    expect(off.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(off.get('frame-ancestors')).toEqual(["'none'"]);
    expect(off.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4999', 'ws://localhost:4999']);
    const on = parseCsp(contentSecurityPolicy(4999, { remoteImages: true }));
    expect(on.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:']);
  });
});

// Needs the built bundle (`npm test` builds first).
describe('desktop shell security (the built dist/main.cjs with a recording stand-in for Electron)', () => {
  it('opens one window with the checklist applied and refuses everything else a page may ask', async () => {
    const report = await runHarness();
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(report.webPreferences.preload).toBe(path.join(root, 'dist', 'preload.cjs'));
    expect(fs.existsSync(report.webPreferences.preload as string)).toBe(true);
    expect(report.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);

    expect(Object.values(report.permissions)).toEqual(Array(6).fill(false));
    expect(report.permissionCheck).toBe(false);
    expect(report.devicePermission).toBe(false);
    expect(report.displayMedia).toEqual({});
    expect(report.attachWebviewBlocked).toBe(true);

    const origin = new URL(report.uiUrl).origin;
    for (const [url, blocked] of Object.entries(report.navigation)) {
      const own = url.startsWith(`${origin}/`);
      expect([url, blocked]).toEqual([url, { navigate: !own, redirect: !own }]);
    }
    expect(new Set(Object.values(report.windowOpen))).toEqual(new Set(['deny']));
    expect(report.openedByWindowOpen).toEqual(['https://example.com/docs', 'http://example.com/']);
    expect(report.ipc.own?.openExternal).toBe(true);
    expect(report.ipc.own?.openJavascript).toBe(false);
    // The preload gets the port and token over IPC, for our frame only, never on a command line.
    const own = report.ipc.own?.bootstrap as { apiPort: number; apiToken: string };
    expect(own.apiPort).toBe(Number(new URL(report.uiUrl).port));
    expect(own.apiToken).toMatch(/^[0-9a-f]{36}$/u);
    expect(report.windowOptions.join('\n')).not.toContain(own.apiToken);
    expect(report.webPreferences).not.toHaveProperty('additionalArguments');
    for (const label of ['foreign', 'other port', 'no frame'])
      expect(report.ipc[label]).toEqual({
        bootstrap: null,
        openExternal: false,
        openJavascript: false,
        notify: false,
      });
    expect(report.openedTotal).toEqual([...report.openedByWindowOpen, 'https://example.com/from-ipc']);

    expect(report.pageHasRoot).toBe(true);
    expectStrictPolicy(parseCsp(report.csp));
    expect(parseCsp(report.csp).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the packaged app sets the Electron fuses (electron-builder.yml)', () => {
    const config = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?:[ \t]+\S.*\n)+)/mu.exec(config)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/:\s*/u)),
    ) as Record<string, string>;
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('the built index.html carries a strict policy of its own (meta), no inline script', () => {
    const html = fs.readFileSync(path.join(root, 'dist', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html)?.[1];
    expect(meta).toBeDefined();
    expectStrictPolicy(parseCsp(meta!));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gu)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/assets\//u);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/iu);
  });
});
