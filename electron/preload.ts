/**
 * Security boundary: the preload. Runs sandboxed with context isolation; exposes exactly one
 * object, `window.desktopApi`, holding the API port and token and two narrow calls. It never
 * exposes ipcRenderer or any Node API, and the main process validates every call's sender.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, isBridgeBootstrap, type BridgeBootstrap } from './desktop/bridge-channels.js';

/** Asked of the main process, which answers our UI's frame only (never a command-line argument). */
function readBootstrap(): BridgeBootstrap | null {
  try {
    const answer: unknown = ipcRenderer.sendSync(BRIDGE_CHANNELS.bootstrap);
    return isBridgeBootstrap(answer) ? answer : null;
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
