import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives apart from the Node build npm installs, so one
 * `npm install` serves tests (Node) and `npm start` (Electron). Packaged apps are rebuilt by
 * electron-builder and need no override.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  const candidate = path.join(appRoot, '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
