/**
 * Desktop entry: runs the same core inside Electron's main process and opens the window.
 * Security: the window is sandboxed with context isolation and no Node; it may only show our own
 * UI origin; navigation and new windows are denied; external links go to the system browser
 * (http/https only); every permission request is refused; IPC is accepted only from our UI frame.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Notification,
  powerMonitor,
  session,
  shell,
  type IpcMainInvokeEvent,
  type Tray,
} from 'electron';
import { PortInUseError, startCore, type Core, type CoreOptions } from './core/app.js';
import { defaultDataDir } from './core/data-dir.js';
import { createLog } from './core/log.js';
import { storeOpenProblem } from './core/store/store-errors.js';
import { FileSecretStore } from './core/secrets/file-secret-store.js';
import { BRIDGE_CHANNELS, type BridgeBootstrap } from './desktop/bridge-channels.js';
import { installAppMenu } from './desktop/app-menu.js';
import { loadDesktopPrefs, saveDesktopPrefs } from './desktop/desktop-prefs.js';
import { electronNativeBinding } from './desktop/native-binding.js';
import { installTray } from './desktop/tray.js';
import { loadWindowState, trackWindowState } from './desktop/window-state.js';
import { nextFreePort } from './core/util/free-port.js';
import { safeStorageCodec } from './desktop/safe-storage-codec.js';
import {
  externalUrl,
  isTrustedSender,
  mayNavigate,
  secureWebPreferences,
} from './desktop/window-security.js';

const VERSION = process.env.CONVOSCOPE_VERSION ?? app.getVersion();
const DEFAULT_LISTEN_PORT = 4545;

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
// Kept referenced so the tray icon is not garbage-collected.
let tray: Tray | null = null;

/** electron/resources in development, the packaged app's resources folder otherwise. */
function resourcesDir(): string {
  return app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'electron', 'resources');
}

function uiOrigin(): string {
  return core ? core.api.url : 'http://127.0.0.1';
}

function isOurFrame(event: IpcMainInvokeEvent): boolean {
  return core !== null && isTrustedSender(event.senderFrame?.url, uiOrigin());
}

/** Opens http(s) links in the system browser; answers whether the link was one. */
function openExternalSafely(url: string): boolean {
  const safe = externalUrl(url);
  if (safe) void shell.openExternal(safe);
  return safe !== null;
}

function setupSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  return true;
}

function setupSecurity(): void {
  // The UI needs no permission at all: camera, notifications (they go through the bridge), devices…
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  session.defaultSession.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!core || !mayNavigate(url, uiOrigin())) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!core || !mayNavigate(url, uiOrigin())) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}

function setupBridge(): void {
  ipcMain.on(BRIDGE_CHANNELS.bootstrap, (event) => {
    const trusted = core !== null && isTrustedSender(event.senderFrame?.url, uiOrigin());
    const answer: BridgeBootstrap | null =
      trusted && core ? { apiPort: core.api.port, apiToken: core.token } : null;
    event.returnValue = answer;
  });
  ipcMain.handle(BRIDGE_CHANNELS.notify, (event, title: unknown, body: unknown) => {
    if (!isOurFrame(event) || typeof title !== 'string' || typeof body !== 'string') return false;
    if (!Notification.isSupported()) return false;
    new Notification({ title: title.slice(0, 200), body: body.slice(0, 1000), silent: false }).show();
    return true;
  });
  ipcMain.handle(BRIDGE_CHANNELS.openExternal, (event, url: unknown) => {
    if (!isOurFrame(event) || typeof url !== 'string') return false;
    return openExternalSafely(url);
  });
}

async function startAppCore(): Promise<Core> {
  const dataDir = process.env.CONVOSCOPE_DATA_DIR ? defaultDataDir() : app.getPath('userData');
  const log = createLog(dataDir, true);
  const codec = safeStorageCodec();
  const nativeBinding = app.isPackaged ? undefined : electronNativeBinding(app.getAppPath());
  const options: CoreOptions = {
    dataDir,
    listenPort: Number(
      process.env.CONVOSCOPE_LISTEN_PORT ?? loadDesktopPrefs(dataDir).listenPort ?? DEFAULT_LISTEN_PORT,
    ),
    uiPort: 0,
    token: randomBytes(18).toString('hex'),
    host: 'desktop',
    version: VERSION,
    rendererDir: path.join(__dirname, 'renderer'),
    log,
    secretStore: codec
      ? new FileSecretStore(dataDir, codec, 'safeStorage')
      : new FileSecretStore(dataDir, undefined, 'file (owner-only; OS keychain unavailable)'),
    ...(nativeBinding ? { nativeBinding } : {}),
  };
  try {
    return await startCore(options);
  } catch (error) {
    if (!(error instanceof PortInUseError && error.which === 'listener')) throw error;
    // Another program holds the listener port: say which, offer the next free one, remember it.
    const next = await nextFreePort(error.port + 1);
    if (next === null) throw error;
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      message: `Port ${error.port} is already in use by another program.`,
      detail: `Convoscope can listen for webhooks on port ${next} instead and remember it. A running tunnel follows the listener, so the public URL does not change; local URLs do.`,
      buttons: [`Use port ${next}`, 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) {
      app.exit(0);
      throw error;
    }
    saveDesktopPrefs(dataDir, { ...loadDesktopPrefs(dataDir), listenPort: next });
    log(`Port ${error.port} was taken; listening on ${next} (remembered).`);
    return startCore({ ...options, listenPort: next });
  }
}

function createWindow(started: Core, dataDir: string): BrowserWindow {
  const saved = loadWindowState(dataDir);
  const window = new BrowserWindow({
    width: saved.bounds.width,
    height: saved.bounds.height,
    ...(saved.placed ? { x: saved.bounds.x, y: saved.bounds.y } : {}),
    minWidth: 900,
    minHeight: 560,
    title: 'Convoscope',
    show: false,
    backgroundColor: '#111318',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  if (saved.maximized) window.maximize();
  trackWindowState(window, dataDir);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${started.api.url}/`);
  return window;
}

async function main(): Promise<void> {
  if (!setupSingleInstance()) return;
  setupSecurity();
  setupBridge();
  await app.whenReady();
  try {
    core = await startAppCore();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const dataDir = process.env.CONVOSCOPE_DATA_DIR ? defaultDataDir() : app.getPath('userData');
    dialog.showErrorBox('Convoscope could not start', storeOpenProblem(error, dataDir) ?? detail);
    app.exit(1);
    return;
  }
  const dataDir = core.dataDir;
  mainWindow = createWindow(core, dataDir);
  installAppMenu(() => mainWindow);
  const showWindow = () => {
    if (!core) return;
    if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow(core, dataDir);
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  tray = installTray({ tunnel: core.tunnel, resourcesDir: resourcesDir(), showWindow });
  core.tunnel.startIfEnabledOnLaunch();
  // After sleep the tunnel is usually dead; check it at once rather than at the next poll.
  powerMonitor.on('resume', () => core?.tunnel.recheck());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    tray?.destroy();
    tray = null;
    void core.close().finally(() => app.quit());
  });
}

void main();
