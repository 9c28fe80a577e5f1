import type { Database, Statement } from 'better-sqlite3';
import {
  AutoReplyConfig,
  DEFAULT_AUTOREPLY_CONFIG,
  type AutoReplyRule,
} from '../../../shared/model/autoreply.js';

interface AutoReplyRow {
  enabled: number;
  cooldown_seconds: number;
  rules: string;
}

/** The auto-responder configuration: one row. */
export class AutoReplyRepository {
  private readonly getStmt: Statement<[], AutoReplyRow>;
  private readonly putStmt: Statement;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT enabled, cooldown_seconds, rules FROM autoreplies WHERE id = 1');
    this.putStmt = db.prepare(`
      INSERT INTO autoreplies (id, enabled, cooldown_seconds, rules) VALUES (1, @enabled, @cooldownSeconds, @rules)
      ON CONFLICT (id) DO UPDATE SET
        enabled = excluded.enabled, cooldown_seconds = excluded.cooldown_seconds, rules = excluded.rules`);
  }

  get(): AutoReplyConfig {
    const row = this.getStmt.get();
    if (!row) return DEFAULT_AUTOREPLY_CONFIG;
    const parsed = AutoReplyConfig.safeParse({
      enabled: row.enabled === 1,
      cooldownSeconds: row.cooldown_seconds,
      rules: JSON.parse(row.rules) as AutoReplyRule[],
    });
    // A row this build cannot read switches the responder off rather than guessing.
    return parsed.success ? parsed.data : { ...DEFAULT_AUTOREPLY_CONFIG, enabled: false };
  }

  put(config: AutoReplyConfig): void {
    this.putStmt.run({
      enabled: config.enabled ? 1 : 0,
      cooldownSeconds: config.cooldownSeconds,
      rules: JSON.stringify(config.rules),
    });
  }
}
