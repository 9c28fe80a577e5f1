import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { perfEnabled } from '../perf-switches.js';
import { migrate } from './migrations.js';
import { isCorruption } from './store-errors.js';

export const DATABASE_FILE = 'convoscope.db';
/** Left by the running app when a write found the file damaged; the next start checks it fully. */
export const DAMAGED_MARKER_FILE = 'convoscope.db.damaged';
const BUSY_TIMEOUT_MS = 2000;

export interface OpenDatabaseOptions {
  /** Path of the native addon built for Electron's ABI (desktop only); see native-binding.ts. */
  nativeBinding?: string;
  /** Called when a damaged database was moved aside and a new one created; `movedTo` is its new path. */
  onMovedAside?: (info: { movedTo: string; reason: string }) => void;
}

function open(file: string, options: OpenDatabaseOptions): Database {
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // 64 MB of page cache (SQLite's default is 2 MB): the listener's writes touch index pages all
    // over the conversation and full-text b-trees, and every page found here is a read not made.
    // Pages are cached only as they are used, so a small store stays small.
    db.pragma(`cache_size = ${perfEnabled('page-cache') ? -64_000 : -16_000}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Renames the database and its WAL/SHM files with a timestamp suffix, so a damaged store is kept
 * for inspection or recovery and never overwritten. Answers the new path of the main file.
 */
function moveAside(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/gu, '-');
  const target = `${file}.corrupt-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(`${file}${suffix}`)) fs.renameSync(`${file}${suffix}`, `${target}${suffix}`);
  }
  return target;
}

/** A full check of a file the previous run flagged as damaged; false when it is not sound. */
function passesIntegrityCheck(file: string, options: OpenDatabaseOptions): boolean {
  try {
    const db = new BetterSqlite3(file, {
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      return db.pragma('integrity_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch (error) {
    if (isCorruption(error)) return false;
    throw error;
  }
}

/**
 * Opens (creating if needed) the store in `dataDir`. WAL with synchronous=NORMAL: a committed
 * transaction survives the process being killed (the WAL is in the OS cache), which is the promise
 * the listener makes before it acknowledges a webhook.
 *
 * A file that is not a database (or that the last run found damaged and fails its integrity check)
 * is moved aside with a timestamp and a new store is created: the app starts, the old data stays
 * on disk, and `onMovedAside` tells the user where.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Database {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DATABASE_FILE);
  const marker = path.join(dataDir, DAMAGED_MARKER_FILE);
  if (fs.existsSync(marker)) {
    if (fs.existsSync(file) && !passesIntegrityCheck(file, options)) {
      const movedTo = moveAside(file);
      options.onMovedAside?.({ movedTo, reason: 'it failed its integrity check after a write error' });
    }
    fs.rmSync(marker, { force: true });
  }
  try {
    return open(file, options);
  } catch (error) {
    if (!isCorruption(error)) throw error;
    const movedTo = moveAside(file);
    options.onMovedAside?.({
      movedTo,
      reason: `it could not be read (${error instanceof Error ? error.message : String(error)})`,
    });
    return open(file, options);
  }
}

/** How long a write waits for another connection's lock: normally 2 s, briefly while failing. */
export function setBusyTimeout(db: Database, ms: number = BUSY_TIMEOUT_MS): void {
  db.pragma(`busy_timeout = ${ms}`);
}
