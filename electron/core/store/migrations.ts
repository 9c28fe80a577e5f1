import type { Database } from 'better-sqlite3';

/**
 * Schema migrations, keyed by `PRAGMA user_version`: migration i brings the schema from version i
 * to i + 1. Append only; never edit a migration that has shipped.
 */
const migrations: ((db: Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE captures (
        id INTEGER PRIMARY KEY,
        received_at INTEGER NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        http_version TEXT NOT NULL,
        provider TEXT NOT NULL,
        conversation_key TEXT,
        summary TEXT NOT NULL,
        remote_address TEXT,
        via_tunnel INTEGER NOT NULL DEFAULT 0,
        headers TEXT NOT NULL,          -- JSON [[name, value], ...] exactly as received
        body_size INTEGER NOT NULL,
        body_truncated INTEGER NOT NULL DEFAULT 0,
        parsed_as TEXT,
        parse_error TEXT,
        response TEXT,                  -- JSON {status, headers, bodySize, bodyTruncated, source} or NULL; bytes in bodies.response
        response_status INTEGER,
        latency_ms REAL
      );
      CREATE INDEX captures_by_provider ON captures (provider, id);
      CREATE INDEX captures_by_conversation ON captures (conversation_key, id)
        WHERE conversation_key IS NOT NULL;

      -- Bodies live apart from the summary rows so listing never pages through them.
      CREATE TABLE bodies (
        capture_id INTEGER PRIMARY KEY REFERENCES captures (id) ON DELETE CASCADE,
        request BLOB NOT NULL,
        response BLOB
      );

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        capture_id INTEGER REFERENCES captures (id) ON DELETE CASCADE,
        provider TEXT NOT NULL,
        conversation_key TEXT NOT NULL,
        direction TEXT NOT NULL,
        author_kind TEXT NOT NULL,
        author_id TEXT,
        author_name TEXT,
        text TEXT NOT NULL,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        meta TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX messages_by_conversation ON messages (provider, conversation_key, at, id);
      CREATE INDEX messages_by_capture ON messages (capture_id);

      -- One row per conversation, maintained on write, so the list never aggregates messages.
      CREATE TABLE conversations (
        provider TEXT NOT NULL,
        key TEXT NOT NULL,
        title TEXT NOT NULL,
        last_at INTEGER NOT NULL,
        count INTEGER NOT NULL,
        last_text TEXT NOT NULL,
        last_direction TEXT NOT NULL,
        PRIMARY KEY (provider, key)
      ) WITHOUT ROWID;
      CREATE INDEX conversations_by_last_at ON conversations (last_at DESC);

      -- Contentless full-text index; rowid = capture id.
      CREATE VIRTUAL TABLE captures_fts USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
  (db) => {
    db.exec(`
      -- Named reply bodies (Kindly replies, mock bodies); placeholders are filled when used.
      CREATE TABLE reply_templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        provider TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (provider, name)
      );

      -- Kindly Chat Transcript API answers, kept as received (the schema is unconfirmed).
      CREATE TABLE kindly_transcripts (
        chat_id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        raw TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Messages derived from a response (a Kindly bot reply) rather than parsed from a request;
      -- a newer response for the same capture replaces them.
      ALTER TABLE messages ADD COLUMN from_response INTEGER NOT NULL DEFAULT 0;
    `);
  },
];

export const schemaVersion = migrations.length;

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The database was written by a newer Convoscope (schema ${current}, this build knows ${migrations.length}).`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    const step = migrations[version];
    if (!step) continue;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
