/**
 * Security boundary: the preload. Runs sandboxed with context isolation; exposes exactly one
 * object, `window.desktopApi`, holding the API port and token and two narrow calls. It never
 * exposes ipcRenderer or any Node API, and the main process validates every call's sender.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_ARG_PREFIX, BRIDGE_CHANNELS, type BridgeBootstrap } from './desktop/bridge-channels.js';

function readBootstrap(): BridgeBootstrap | null {
  const arg = process.argv.find((value) => value.startsWith(BRIDGE_ARG_PREFIX));
  if (!arg) return null;
  try {
    return JSON.parse(atob(arg.slice(BRIDGE_ARG_PREFIX.length))) as BridgeBootstrap;
  } catch {
    return null;
  }
}

const bootstrap = readBootstrap();

contextBridge.exposeInMainWorld('desktopApi', {
  apiPort: bootstrap?.apiPort ?? null,
  apiToken: bootstrap?.apiToken ?? null,
  notify: (title: string, body: string): Promise<boolean> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.notify, String(title), String(body)) as Promise<boolean>,
  openExternal: (url: string): Promise<boolean> =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.openExternal, String(url)) as Promise<boolean>,
});
