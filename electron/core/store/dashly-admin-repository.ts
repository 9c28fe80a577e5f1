import type { Database, Statement } from 'better-sqlite3';
import type { DashlyAdmin } from '../../../shared/contract/methods/dashly.js';

interface AdminRow {
  id: string;
  name: string | null;
  type: string | null;
  last_seen_at: number;
}

/** Admins and bots named in Dashly payloads (`from`, `assignee`): Dashly documents no admin list. */
export class DashlyAdminRepository {
  private readonly upsertStmt: Statement;
  private readonly byIdStmt: Statement<[string], AdminRow>;
  private readonly listStmt: Statement<[number], AdminRow>;

  constructor(db: Database) {
    // A later sighting without a name or type keeps the ones already known.
    this.upsertStmt = db.prepare(`
      INSERT INTO dashly_admins (id, name, type, last_seen_at) VALUES (@id, @name, @type, @seenAt)
      ON CONFLICT (id) DO UPDATE SET
        name = coalesce(excluded.name, name),
        type = coalesce(excluded.type, type),
        last_seen_at = max(last_seen_at, excluded.last_seen_at)`);
    this.byIdStmt = db.prepare('SELECT * FROM dashly_admins WHERE id = ?');
    this.listStmt = db.prepare('SELECT * FROM dashly_admins ORDER BY last_seen_at DESC LIMIT ?');
  }

  upsert(admin: { id: string; name: string | null; type: string | null }, seenAt: number): void {
    this.upsertStmt.run({ ...admin, seenAt });
  }

  get(id: string): DashlyAdmin | null {
    const row = this.byIdStmt.get(id);
    return row ? { id: row.id, name: row.name, type: row.type, lastSeenAt: row.last_seen_at } : null;
  }

  list(limit: number): DashlyAdmin[] {
    return this.listStmt
      .all(limit)
      .map((row) => ({ id: row.id, name: row.name, type: row.type, lastSeenAt: row.last_seen_at }));
  }
}
