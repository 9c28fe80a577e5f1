/**
 * Security boundary: the preload. Runs sandboxed with context isolation; exposes exactly one
 * object, `window.desktopApi`, holding the API port and token, two narrow calls and a menu-command
 * listener that passes only known command names. It never
 * exposes ipcRenderer or any Node API, and the main process validates every call's sender.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_CHANNELS,
  isBridgeBootstrap,
  MENU_COMMANDS,
  type BridgeBootstrap,
} from './desktop/bridge-channels.js';

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
  /** Menu commands from the main process; only the known command names get through. */
  onMenuCommand: (callback: (command: string) => void): void => {
    ipcRenderer.on(BRIDGE_CHANNELS.menuCommand, (_event, command: unknown) => {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command))
        callback(command);
    });
  },
});
