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
  // 2: messages the app sends (delivery status, echo matching), conversation state (closed, tags,
  // assignee, unanswered), the outgoing API call log, admins seen in payloads, the auto-responder.
  (db) => {
    db.exec(`
      ALTER TABLE messages ADD COLUMN status TEXT;            -- sent | delivered | failed; NULL on captured parts
      ALTER TABLE messages ADD COLUMN error TEXT;
      ALTER TABLE messages ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN echo_key TEXT;          -- on sent messages: the id the echo will carry (Dashly random_id)
      ALTER TABLE messages ADD COLUMN echo_of INTEGER;        -- on captured echoes: the sent message they confirm
      ALTER TABLE messages ADD COLUMN sets_unanswered INTEGER; -- 1 user waits, 0 answered, NULL no effect
      UPDATE messages SET sets_unanswered = CASE WHEN direction = 'to_operator' THEN 1 ELSE 0 END;
      CREATE INDEX messages_by_echo_key ON messages (provider, conversation_key, echo_key)
        WHERE echo_key IS NOT NULL;
      CREATE INDEX messages_automatic ON messages (provider, conversation_key, at)
        WHERE automatic = 1;

      ALTER TABLE conversations ADD COLUMN unanswered INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE conversations ADD COLUMN assignee TEXT;     -- JSON {id, name} or NULL
      UPDATE conversations SET unanswered = CASE WHEN last_direction = 'to_operator' THEN 1 ELSE 0 END;
      CREATE INDEX conversations_by_provider_last_at ON conversations (provider, last_at DESC);

      CREATE TABLE api_calls (
        id INTEGER PRIMARY KEY,
        provider TEXT NOT NULL,
        at INTEGER NOT NULL,
        conversation_key TEXT,
        message_id INTEGER,
        action TEXT NOT NULL,
        method TEXT NOT NULL,
        url TEXT NOT NULL,                -- never contains the token
        params TEXT NOT NULL,             -- JSON [[name, value], ...] without the token
        auth TEXT NOT NULL,
        status INTEGER,
        response TEXT,
        duration_ms REAL,
        error TEXT
      );
      CREATE INDEX api_calls_by_conversation ON api_calls (provider, conversation_key, id);
      CREATE INDEX api_calls_by_provider ON api_calls (provider, id);

      CREATE TABLE dashly_admins (
        id TEXT PRIMARY KEY,
        name TEXT,
        type TEXT,
        last_seen_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX dashly_admins_by_last_seen ON dashly_admins (last_seen_at DESC);

      CREATE TABLE autoreplies (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL,
        cooldown_seconds INTEGER NOT NULL,
        rules TEXT NOT NULL               -- JSON [{phrase, answer, regex?, endpoint?}, ...]
      );
    `);
  },
  // 3: response modes. Endpoints (path prefix → mode and its configuration, as JSON), with the two
  // provider prefixes in ack mode; the target's side of forwarded requests; how holds ended.
  (db) => {
    db.exec(`
      CREATE TABLE endpoints (
        prefix TEXT PRIMARY KEY,
        config TEXT NOT NULL,           -- JSON: mode, target, timeouts, rules, fallback, flags
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      ALTER TABLE captures ADD COLUMN forward TEXT;   -- JSON {url, method, status, headers, ...} or NULL
      ALTER TABLE captures ADD COLUMN hold TEXT;      -- JSON {endpoint, heldAt, deadline, outcome, ...} or NULL
      ALTER TABLE bodies ADD COLUMN forward BLOB;     -- the target's body when it differs from the response sent
    `);
    const insert = db.prepare('INSERT INTO endpoints (prefix, config, updated_at) VALUES (?, ?, ?)');
    const now = Date.now();
    for (const prefix of ['/dashly', '/kindly']) insert.run(prefix, JSON.stringify({ mode: 'ack' }), now);
  },
  // 4: Kindly: named reply templates, cached chat transcripts, messages derived from responses.
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
  // 5: starred captures (kept by retention); an index so retention finds the oldest unstarred
  // captures by time without scanning the table.
  (db) => {
    db.exec(`
      ALTER TABLE captures ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX captures_unstarred_by_time ON captures (received_at, id) WHERE starred = 0;
      CREATE INDEX captures_starred ON captures (id) WHERE starred = 1;
    `);
  },
  // 6: replays (each send of a capture, a composed or a pasted request, with the target's answer),
  // the targets remembered per endpoint, and where a capture came from (imported, a replay).
  (db) => {
    db.exec(`
      CREATE TABLE replays (
        id INTEGER PRIMARY KEY,
        capture_id INTEGER REFERENCES captures (id) ON DELETE CASCADE,  -- NULL for composed requests
        bulk_id TEXT,
        kind TEXT NOT NULL,               -- replay | compose
        endpoint TEXT,
        target_kind TEXT NOT NULL,        -- listener | forward | url
        url TEXT NOT NULL,
        method TEXT NOT NULL,
        request_headers TEXT NOT NULL,    -- JSON [[name, value], ...] as sent
        request_body BLOB,                -- NULL: exactly the capture's body
        request_size INTEGER NOT NULL,
        edited INTEGER NOT NULL DEFAULT 0,
        signature TEXT,                   -- JSON {mode, header, note} or NULL
        timeout_ms INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        state TEXT NOT NULL,              -- running | ok | failed | cancelled
        status INTEGER,
        response_headers TEXT,
        response_body BLOB,               -- up to the listener body limit
        response_size INTEGER,            -- the real size
        response_truncated INTEGER NOT NULL DEFAULT 0,
        duration_ms REAL,
        error TEXT,
        listener_capture_id INTEGER
      );
      CREATE INDEX replays_by_capture ON replays (capture_id, id);
      CREATE INDEX replays_by_bulk ON replays (bulk_id, id) WHERE bulk_id IS NOT NULL;

      CREATE TABLE replay_targets (
        endpoint TEXT PRIMARY KEY,        -- endpoint prefix, or '' for paths under no endpoint
        last TEXT NOT NULL,               -- JSON ReplayTarget
        recent_urls TEXT NOT NULL DEFAULT '[]',
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      ALTER TABLE captures ADD COLUMN origin TEXT;  -- NULL: received by the listener; imported | replay
    `);
  },
  // 7: a free-text note per capture, searchable: notes get their own contentless index (rowid =
  // capture id) because the captures' index cannot be rewritten without the text it was built from.
  (db) => {
    db.exec(`
      ALTER TABLE captures ADD COLUMN note TEXT;      -- NULL: no note
      CREATE INDEX captures_noted ON captures (id) WHERE note IS NOT NULL;
      CREATE VIRTUAL TABLE capture_notes_fts USING fts5 (
        text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
  // 8: capture ids are never reused. SQLite gives a new row max(id) + 1, so after a clear (or
  // deleting the newest capture) an old id would name a different capture for scripts, links and
  // the deferred search index. The highest id ever deleted is kept here and inserts start above it.
  (db) => {
    db.exec(`
      CREATE TABLE capture_id_floor (id INTEGER NOT NULL);
      INSERT INTO capture_id_floor (id) VALUES (0);
    `);
  },
  // 9: captures stored as received and not yet parsed into summary, messages, conversation and
  // search entry (a busy listener leaves that for later; see capture-deriver.ts). A row here outlives
  // a crash, so the next start finishes the work.
  (db) => {
    db.exec(`CREATE TABLE captures_underived (capture_id INTEGER PRIMARY KEY);`);
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
