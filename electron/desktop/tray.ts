import path from 'node:path';
import { clipboard, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { TunnelStatus } from '../../shared/model/tunnel.js';
import type { TunnelService } from '../core/tunnel/tunnel-service.js';

const STATE_LABEL: Record<TunnelStatus['state'], string> = {
  off: 'Tunnel off',
  connecting: 'Tunnel connecting…',
  online: 'Tunnel online',
  reconnecting: 'Tunnel reconnecting…',
  error: 'Tunnel error',
};

/** The tray / menu-bar icon: tunnel status at a glance, the public URLs to copy, start/stop. */
export function installTray(options: {
  tunnel: TunnelService;
  resourcesDir: string;
  showWindow: () => void;
}): Tray {
  const image = nativeImage
    .createFromPath(path.join(options.resourcesDir, 'icon.png'))
    .resize({ width: 18, height: 18 });
  const tray = new Tray(image);
  const render = (status: TunnelStatus) => {
    const items: MenuItemConstructorOptions[] = [
      { label: STATE_LABEL[status.state], enabled: false },
      ...(status.error && status.state !== 'online'
        ? [{ label: status.error.slice(0, 80), enabled: false }]
        : []),
      ...status.warnings.map((warning) => ({ label: `⚠ ${warning.slice(0, 80)}`, enabled: false })),
    ];
    if (status.state === 'online' && status.url) {
      const url = status.url;
      items.push({ type: 'separator' }, { label: `Copy ${url}`, click: () => void clipboard.writeText(url) });
      for (const endpoint of status.endpoints) {
        items.push({
          label: `Copy ${endpoint.prefix} webhook URL`,
          click: () => void clipboard.writeText(endpoint.url),
        });
      }
    }
    items.push(
      { type: 'separator' },
      status.state === 'off' || status.state === 'error'
        ? { label: 'Start tunnel', click: () => safely(() => options.tunnel.start()) }
        : { label: 'Stop tunnel', click: () => safely(() => options.tunnel.stop()) },
      { label: 'Show Convoscope', click: options.showWindow },
      { role: 'quit' },
    );
    tray.setToolTip(`Convoscope — ${STATE_LABEL[status.state]}${status.url ? `: ${status.url}` : ''}`);
    tray.setContextMenu(Menu.buildFromTemplate(items));
  };
  render(options.tunnel.status());
  options.tunnel.onStatus(render);
  tray.on('click', options.showWindow);
  return tray;
}

function safely(action: () => unknown): void {
  try {
    action();
  } catch {
    // A refused start (invalid settings) shows in the status and the window.
  }
}
