/**
 * Security boundary: the rules the desktop shell enforces on its window, as pure functions so they
 * are unit-tested without Electron. Trusted: our own UI origin (the core's API server on
 * 127.0.0.1); everything else a page could ask for (navigation, new windows, permissions, IPC from
 * another frame) is refused.
 */
import type { WebPreferences } from 'electron';

/** The window's web preferences: Electron's security checklist, nothing left at a default. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Same origin as our UI, compared as parsed origins (so `http://127.0.0.1:1@evil` is not ours). */
export function isOwnOrigin(url: string, uiOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === originOf(uiOrigin);
}

/** The window may only navigate within our UI (reloads, hash routes); anything else is refused. */
export function mayNavigate(url: string, uiOrigin: string): boolean {
  return isOwnOrigin(url, uiOrigin);
}

/** IPC is answered only for our UI's frames; a frame from anywhere else gets nothing. */
export function isTrustedSender(frameUrl: string | undefined, uiOrigin: string): boolean {
  return frameUrl !== undefined && isOwnOrigin(frameUrl, uiOrigin);
}

/** A link the system browser may open: http(s) only, normalized; null for anything else. */
export function externalUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
