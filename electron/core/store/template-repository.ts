import type { Database, Statement } from 'better-sqlite3';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { ReplyTemplate } from '../../../shared/model/reply-template.js';

interface TemplateRow {
  id: number;
  name: string;
  provider: ProviderId;
  body: string;
  created_at: number;
  updated_at: number;
}

function toTemplate(row: TemplateRow): ReplyTemplate {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Named reply templates; a name is unique per provider. */
export class TemplateRepository {
  private readonly listAllStmt: Statement<[], TemplateRow>;
  private readonly listByProviderStmt: Statement<[string], TemplateRow>;
  private readonly getStmt: Statement<[number], TemplateRow>;
  private readonly byNameStmt: Statement<[string, string], TemplateRow>;
  private readonly insertStmt: Statement;
  private readonly updateStmt: Statement;
  private readonly deleteStmt: Statement<[number]>;

  constructor(db: Database) {
    this.listAllStmt = db.prepare('SELECT * FROM reply_templates ORDER BY provider, name COLLATE NOCASE, id');
    this.listByProviderStmt = db.prepare(
      'SELECT * FROM reply_templates WHERE provider = ? ORDER BY name COLLATE NOCASE, id',
    );
    this.getStmt = db.prepare('SELECT * FROM reply_templates WHERE id = ?');
    this.byNameStmt = db.prepare('SELECT * FROM reply_templates WHERE provider = ? AND name = ?');
    this.insertStmt = db.prepare(`
      INSERT INTO reply_templates (name, provider, body, created_at, updated_at)
      VALUES (@name, @provider, @body, @now, @now)`);
    this.updateStmt = db.prepare(
      'UPDATE reply_templates SET name = @name, provider = @provider, body = @body, updated_at = @now WHERE id = @id',
    );
    this.deleteStmt = db.prepare('DELETE FROM reply_templates WHERE id = ?');
  }

  list(provider?: ProviderId): ReplyTemplate[] {
    const rows = provider ? this.listByProviderStmt.all(provider) : this.listAllStmt.all();
    return rows.map(toTemplate);
  }

  get(id: number): ReplyTemplate | null {
    const row = this.getStmt.get(id);
    return row ? toTemplate(row) : null;
  }

  byName(provider: ProviderId, name: string): ReplyTemplate | null {
    const row = this.byNameStmt.get(provider, name);
    return row ? toTemplate(row) : null;
  }

  insert(template: { name: string; provider: ProviderId; body: string }, now: number): number {
    return Number(this.insertStmt.run({ ...template, now }).lastInsertRowid);
  }

  update(id: number, template: { name: string; provider: ProviderId; body: string }, now: number): boolean {
    return this.updateStmt.run({ ...template, id, now }).changes > 0;
  }

  delete(id: number): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }
}
