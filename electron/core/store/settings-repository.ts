import type { Database, Statement } from 'better-sqlite3';

/** Non-secret settings as JSON values by dotted key. */
export class SettingsRepository {
  private readonly allStmt: Statement<[], { key: string; value: string }>;
  private readonly putStmt: Statement;
  private readonly deleteStmt: Statement;

  constructor(db: Database) {
    this.allStmt = db.prepare('SELECT key, value FROM settings');
    this.putStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.deleteStmt = db.prepare('DELETE FROM settings WHERE key = ?');
  }

  all(): Map<string, unknown> {
    const values = new Map<string, unknown>();
    for (const row of this.allStmt.all()) values.set(row.key, JSON.parse(row.value));
    return values;
  }

  put(key: string, value: unknown): void {
    this.putStmt.run(key, JSON.stringify(value));
  }

  delete(key: string): void {
    this.deleteStmt.run(key);
  }
}
