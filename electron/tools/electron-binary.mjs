// Where Electron's binary is, if it is installed (Electron 45 downloads it lazily; requiring the
// `electron` package from Node would try to download it, so this reads its files instead).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const electronDir = path.join(root, 'node_modules', 'electron');

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
}

export function electronBinary() {
  try {
    const binary = path.join(
      electronDir,
      'dist',
      fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8'),
    );
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
