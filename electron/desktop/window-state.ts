import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1360, height: 860 }, maximized: false };

/** The window's size and place from last time, kept only if it still fits on a connected display. */
export function loadWindowState(dataDir: string): WindowState & { placed: boolean } {
  try {
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')) as WindowState;
    const { bounds } = saved;
    const visible = screen.getAllDisplays().some(({ workArea }) => {
      return (
        bounds.x + 100 < workArea.x + workArea.width &&
        bounds.x + bounds.width - 100 > workArea.x &&
        bounds.y >= workArea.y - 20 &&
        bounds.y + 40 < workArea.y + workArea.height
      );
    });
    if (bounds.width >= 600 && bounds.height >= 400) return { ...saved, placed: visible };
  } catch {
    // First run or an unreadable file: defaults.
  }
  return { ...DEFAULT, placed: false };
}

/** Remembers size, place and maximized state whenever they settle. */
export function trackWindowState(window: BrowserWindow, dataDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
      try {
        fs.writeFileSync(path.join(dataDir, 'window-state.json'), JSON.stringify(state));
      } catch {
        // Not worth an error: the next move tries again.
      }
    }, 400);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const)
    window.on(event as 'resize', save);
  window.on('close', save);
}
