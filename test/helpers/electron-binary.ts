import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Electron's binary if installed (read from its files: requiring `electron` would download it). */
export function installedElectron(): string | null {
  const dir = path.join(projectRoot, 'node_modules', 'electron');
  try {
    const binary = path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8'));
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Why the desktop app cannot run here, or null when it can. */
export function desktopUnavailableReason(): string | null {
  if (!installedElectron()) return "Electron's binary is not installed here (it could not be downloaded)";
  if (!fs.existsSync(path.join(projectRoot, '.electron-native', 'better_sqlite3.node'))) {
    return 'better-sqlite3 is not built for Electron here (.electron-native/ is missing)';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display is available (run under xvfb-run to include it)';
  }
  return null;
}
