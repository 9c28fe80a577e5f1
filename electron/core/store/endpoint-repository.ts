import type { Database, Statement } from 'better-sqlite3';

export interface StoredEndpoint {
  prefix: string;
  /** The endpoint's configuration as saved (validated again when loaded). */
  config: unknown;
  updatedAt: number;
}

interface EndpointRow {
  prefix: string;
  config: string;
  updated_at: number;
}

/** Listener endpoints by prefix. Statements are prepared once. */
export class EndpointRepository {
  private readonly allStmt: Statement<[], EndpointRow>;
  private readonly putStmt: Statement;
  private readonly deleteStmt: Statement;

  constructor(db: Database) {
    this.allStmt = db.prepare('SELECT prefix, config, updated_at FROM endpoints ORDER BY prefix');
    this.putStmt = db.prepare(
      'INSERT INTO endpoints (prefix, config, updated_at) VALUES (?, ?, ?) ON CONFLICT (prefix) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at',
    );
    this.deleteStmt = db.prepare('DELETE FROM endpoints WHERE prefix = ?');
  }

  all(): StoredEndpoint[] {
    return this.allStmt.all().map((row) => {
      let config: unknown;
      try {
        config = JSON.parse(row.config);
      } catch {
        config = null;
      }
      return { prefix: row.prefix, config, updatedAt: row.updated_at };
    });
  }

  put(prefix: string, config: unknown, updatedAt: number): void {
    this.putStmt.run(prefix, JSON.stringify(config), updatedAt);
  }

  delete(prefix: string): boolean {
    return this.deleteStmt.run(prefix).changes > 0;
  }
}
