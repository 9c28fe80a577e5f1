import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { BRIDGE_CHANNELS } from './bridge-channels.js';

/**
 * The application menu. Ctrl/Cmd+W closes the current panel in the UI (a hold, a dialog, the
 * detail pane) and never the app: users reach for it by habit (peers.md: HTTP Toolkit quits on it).
 */
export function installAppMenu(window: () => BrowserWindow | null): void {
  const send = (command: string) => window()?.webContents.send(BRIDGE_CHANNELS.menuCommand, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Close Panel', accelerator: 'CmdOrCtrl+W', click: () => send('close-panel') },
        { type: 'separator' },
        isMac ? { role: 'close', accelerator: 'Shift+CmdOrCtrl+W' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Getting Started', click: () => send('show-guide') },
        {
          label: 'Keyboard Shortcuts',
          accelerator: 'Shift+/',
          click: () => send('show-shortcuts'),
          registerAccelerator: false,
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
