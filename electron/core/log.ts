import fs from 'node:fs';
import path from 'node:path';

export type Log = (line: string) => void;

const MAX_LOG_BYTES = 5 * 1024 * 1024;

/**
 * A line logger writing to `convoscope.log` in the data folder (rotated once at 5 MB) and,
 * optionally, to stderr. Callers never pass secrets or payload bodies to it.
 */
export function createLog(dataDir: string, echo: boolean): Log {
  const file = path.join(dataDir, 'convoscope.log');
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    size = 0;
  }
  return (line) => {
    const entry = `${new Date().toISOString()} ${line}\n`;
    if (echo) process.stderr.write(entry);
    try {
      if (size > MAX_LOG_BYTES) {
        fs.renameSync(file, `${file}.1`);
        size = 0;
      }
      fs.appendFileSync(file, entry);
      size += entry.length;
    } catch {
      // Logging must never take the app down (e.g. a full disk).
    }
  };
}
