import fs from 'node:fs';
import path from 'node:path';

/** Small desktop-only preferences (e.g. the listener port chosen after a conflict). */
export interface DesktopPrefs {
  listenPort?: number;
}

export function loadDesktopPrefs(dataDir: string): DesktopPrefs {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'desktop.json'), 'utf8')) as DesktopPrefs;
  } catch {
    return {};
  }
}

export function saveDesktopPrefs(dataDir: string, prefs: DesktopPrefs): void {
  fs.writeFileSync(path.join(dataDir, 'desktop.json'), JSON.stringify(prefs, null, 2));
}
