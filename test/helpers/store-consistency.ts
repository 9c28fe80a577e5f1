import type { Database } from 'better-sqlite3';

function count(db: Database, sql: string): number {
  return (db.prepare<[], { n: number }>(sql).get() ?? { n: 0 }).n;
}

/**
 * Everything that must hold between a capture and what hangs on it, after any delete: no body,
 * message or full-text entry without its capture, conversation summaries equal to a recount of
 * their messages, and SQLite's own integrity and foreign-key checks. Answers the problems found.
 */
export function storeProblems(db: Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys)}`);
  try {
    db.prepare("INSERT INTO captures_fts (captures_fts) VALUES ('integrity-check')").run();
  } catch (error) {
    problems.push(`fts integrity-check: ${(error as Error).message}`);
  }
  const checks: [string, string][] = [
    [
      'bodies without a capture',
      'SELECT count(*) AS n FROM bodies WHERE capture_id NOT IN (SELECT id FROM captures)',
    ],
    [
      'captures without a body',
      'SELECT count(*) AS n FROM captures WHERE id NOT IN (SELECT capture_id FROM bodies)',
    ],
    [
      'messages of deleted captures',
      'SELECT count(*) AS n FROM messages WHERE capture_id IS NOT NULL AND capture_id NOT IN (SELECT id FROM captures)',
    ],
    [
      'full-text entries of deleted captures',
      'SELECT count(*) AS n FROM captures_fts_docsize WHERE id NOT IN (SELECT id FROM captures)',
    ],
    [
      'conversation rows whose count differs from their messages',
      `SELECT count(*) AS n FROM conversations c WHERE c.count <> (SELECT count(*) FROM messages m
         WHERE m.provider = c.provider AND m.conversation_key = c.key AND m.echo_of IS NULL)`,
    ],
    [
      'conversation rows without messages',
      `SELECT count(*) AS n FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM messages m
         WHERE m.provider = c.provider AND m.conversation_key = c.key)`,
    ],
    [
      'messages without a conversation row',
      `SELECT count(*) AS n FROM messages m WHERE NOT EXISTS (SELECT 1 FROM conversations c
         WHERE c.provider = m.provider AND c.key = m.conversation_key)`,
    ],
    [
      'conversation rows whose last message is not the newest',
      `SELECT count(*) AS n FROM conversations c WHERE c.last_at <> (SELECT max(at) FROM messages m
         WHERE m.provider = c.provider AND m.conversation_key = c.key AND m.echo_of IS NULL)`,
    ],
  ];
  for (const [what, sql] of checks) {
    const n = count(db, sql);
    if (n > 0) problems.push(`${n} ${what}`);
  }
  return problems;
}
