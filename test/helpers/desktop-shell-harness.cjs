// Runs the BUILT desktop entry (dist/main.cjs) under plain Node with a stand-in for the `electron`
// module that records what the shell asks of Electron (window options, session handlers, IPC
// handlers), then drives those handlers the way Electron would and prints one JSON report line.
// Electron's binary and a display are not needed; the core it starts is the real one.
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const http = require('node:http');
const path = require('node:path');

const dataDir = process.env.CONVOSCOPE_DATA_DIR;
const windows = [];
const session = {};
const ipc = new Map();
const ipcSync = new Map();
const opened = [];

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new EventEmitter();
    windows.push(this);
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1360, height: 860 };
  }
  static getAllWindows() {
    return windows;
  }
}

const app = Object.assign(new EventEmitter(), {
  getVersion: () => '0.0.0-harness',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  getPath: () => dataDir,
  getAppPath: () => dataDir,
  isPackaged: false,
  quit: () => process.exit(0),
  exit: (code) => process.exit(code),
});

const electron = {
  app,
  BrowserWindow,
  ipcMain: {
    handle: (channel, handler) => ipc.set(channel, handler),
    on: (channel, handler) => ipcSync.set(channel, handler),
  },
  Notification: class {
    static isSupported() {
      return false;
    }
  },
  powerMonitor: new EventEmitter(),
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler) => (session.request = handler),
      setPermissionCheckHandler: (handler) => (session.check = handler),
      setDevicePermissionHandler: (handler) => (session.device = handler),
      setDisplayMediaRequestHandler: (handler) => (session.displayMedia = handler),
    },
  },
  shell: {
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
  },
  safeStorage: { isEncryptionAvailable: () => false },
  Menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: () => {} },
  Tray: class extends EventEmitter {
    setToolTip() {}
    setContextMenu() {}
    destroy() {}
  },
  nativeImage: {
    createFromPath: () => ({
      resize() {
        return this;
      },
    }),
  },
  clipboard: { writeText: () => {} },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  dialog: {
    showErrorBox: (title, message) => {
      process.stderr.write(`${title}: ${message}\n`);
      process.exit(3);
    },
  },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ headers: res.headers, body }));
      })
      .on('error', reject)
      .setTimeout(5000, function () {
        this.destroy(new Error('timeout'));
      });
  });
}

async function drive() {
  const window = windows[0];
  const uiUrl = window.url;
  const origin = new URL(uiUrl).origin;
  const port = Number(new URL(uiUrl).port);

  const permissions = {};
  for (const name of [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
  ]) {
    session.request({}, name, (granted) => (permissions[name] = granted));
  }

  const contents = new EventEmitter();
  let openHandler = null;
  contents.setWindowOpenHandler = (handler) => (openHandler = handler);
  app.emit('web-contents-created', {}, contents);
  const blocked = (eventName, url) => {
    let prevented = false;
    contents.emit(eventName, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const navigation = {};
  for (const url of [
    `${origin}/#/captures`,
    `${origin}/`,
    'https://evil.example/',
    `http://127.0.0.1:${port + 1}/`,
    `http://127.0.0.1:${port}@evil.example/`,
    'file:///etc/passwd',
    'javascript:alert(1)',
  ]) {
    navigation[url] = { navigate: blocked('will-navigate', url), redirect: blocked('will-redirect', url) };
  }

  const windowOpen = {};
  for (const url of [
    'https://example.com/docs',
    'http://example.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<b>x</b>',
  ]) {
    windowOpen[url] = openHandler({ url }).action;
  }
  const openedByWindowOpen = [...opened];

  const ipcResults = {};
  for (const [frame, label] of [
    [`${origin}/`, 'own'],
    ['https://evil.example/', 'foreign'],
    [`http://127.0.0.1:${port + 1}/`, 'other port'],
    [undefined, 'no frame'],
  ]) {
    const event = { senderFrame: frame === undefined ? undefined : { url: frame } };
    const syncEvent = { ...event, returnValue: 'unset' };
    ipcSync.get('convoscope:bootstrap')(syncEvent);
    ipcResults[label] = {
      bootstrap: syncEvent.returnValue,
      openExternal: await ipc.get('convoscope:open-external')(event, 'https://example.com/from-ipc'),
      openJavascript: await ipc.get('convoscope:open-external')(event, 'javascript:alert(1)'),
      notify: await ipc.get('convoscope:notify')(event, 'title', 'body'),
    };
  }

  const page = await get(uiUrl);
  const report = {
    webPreferences: window.options.webPreferences,
    uiUrl,
    windowOptions: windows.map((w) => JSON.stringify(w.options)),
    permissions,
    permissionCheck: session.check({}, 'media', origin, {}),
    devicePermission: session.device({ deviceType: 'usb', origin }),
    displayMedia: await new Promise((resolve) => session.displayMedia({}, resolve)),
    attachWebviewBlocked: blocked('will-attach-webview', undefined),
    navigation,
    windowOpen,
    openedByWindowOpen,
    ipc: ipcResults,
    openedTotal: opened,
    csp: page.headers['content-security-policy'],
    pageHasRoot: page.body.includes('<div id="root">'),
  };
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
  app.emit('before-quit', { preventDefault() {} });
}

require(path.resolve(__dirname, '../../dist/main.cjs'));
const started = Date.now();
const timer = setInterval(() => {
  if (windows[0]?.url) {
    clearInterval(timer);
    drive().catch((error) => {
      process.stderr.write(`harness failed: ${error.stack}\n`);
      process.exit(2);
    });
  } else if (Date.now() - started > 15000) {
    process.stderr.write('the desktop entry opened no window\n');
    process.exit(4);
  }
}, 20);
