import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrations.js';

export const DATABASE_FILE = 'convoscope.db';

export interface OpenDatabaseOptions {
  /** Path of the native addon built for Electron's ABI (desktop only); see native-binding.ts. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the store in `dataDir`. WAL with synchronous=NORMAL: a committed
 * transaction survives the process being killed (the WAL is in the OS cache), which is the promise
 * the listener makes before it acknowledges a webhook.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    db.pragma('cache_size = -16000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
