import type { Database, Statement } from 'better-sqlite3';
import type { ConversationSummary } from '../../../shared/model/conversation.js';
import type { Message } from '../../../shared/model/message.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { NewMessage } from './records.js';

interface MessageRow {
  id: number;
  capture_id: number | null;
  provider: ProviderId;
  conversation_key: string;
  direction: Message['direction'];
  author_kind: Message['author']['kind'];
  author_id: string | null;
  author_name: string | null;
  text: string;
  at: number;
  kind: string;
  meta: string;
}

interface ConversationRow {
  provider: ProviderId;
  key: string;
  title: string;
  last_at: number;
  count: number;
  last_text: string;
  last_direction: string;
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    captureId: row.capture_id,
    provider: row.provider,
    conversationKey: row.conversation_key,
    direction: row.direction,
    author: { kind: row.author_kind, id: row.author_id, name: row.author_name },
    text: row.text,
    at: row.at,
    kind: row.kind,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
  };
}

function toConversation(row: ConversationRow): ConversationSummary {
  return {
    provider: row.provider,
    key: row.key,
    title: row.title,
    lastAt: row.last_at,
    count: row.count,
    lastText: row.last_text,
    unanswered: row.last_direction === 'to_operator',
  };
}

/** Normalized messages and the per-conversation summary rows kept beside them. */
export class MessageRepository {
  private readonly insertStmt: Statement;
  private readonly upsertConversationStmt: Statement;
  private readonly byCaptureStmt: Statement<[number], MessageRow>;
  private readonly deleteResponseMessagesStmt: Statement<[number]>;
  private readonly latestMetaStmt: Statement<[string, string, string], { meta: string }>;
  private readonly responseConversationsStmt: Statement<
    [number],
    { provider: string; conversation_key: string }
  >;
  private readonly byConversationStmt: Statement<[string, string], MessageRow>;
  private readonly conversationStmt: Statement<[string, string], ConversationRow>;
  private readonly listAllStmt: Statement<[number], ConversationRow>;
  private readonly listByProviderStmt: Statement<[string, number], ConversationRow>;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO messages (capture_id, provider, conversation_key, direction, author_kind, author_id,
        author_name, text, at, kind, meta, from_response)
      VALUES (@captureId, @provider, @conversationKey, @direction, @authorKind, @authorId, @authorName,
        @text, @at, @kind, @meta, @fromResponse)`);
    this.upsertConversationStmt = db.prepare(`
      INSERT INTO conversations (provider, key, title, last_at, count, last_text, last_direction)
      VALUES (@provider, @key, @title, @at, 1, @text, @direction)
      ON CONFLICT (provider, key) DO UPDATE SET
        count = count + 1,
        title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE title END,
        last_text = CASE WHEN excluded.last_at >= last_at THEN excluded.last_text ELSE last_text END,
        last_direction = CASE WHEN excluded.last_at >= last_at THEN excluded.last_direction ELSE last_direction END,
        last_at = max(last_at, excluded.last_at)`);
    this.byCaptureStmt = db.prepare('SELECT * FROM messages WHERE capture_id = ? ORDER BY id');
    this.deleteResponseMessagesStmt = db.prepare(
      'DELETE FROM messages WHERE capture_id = ? AND from_response = 1',
    );
    this.latestMetaStmt = db.prepare(
      'SELECT meta FROM messages WHERE provider = ? AND conversation_key = ? AND direction = ? ORDER BY at DESC, id DESC LIMIT 1',
    );
    this.responseConversationsStmt = db.prepare(
      'SELECT DISTINCT provider, conversation_key FROM messages WHERE capture_id = ? AND from_response = 1',
    );
    this.byConversationStmt = db.prepare(
      // Ties in time keep each capture's messages together (a response's messages share its request's time).
      'SELECT * FROM messages WHERE provider = ? AND conversation_key = ? ORDER BY at, capture_id, id',
    );
    this.conversationStmt = db.prepare('SELECT * FROM conversations WHERE provider = ? AND key = ?');
    this.listAllStmt = db.prepare('SELECT * FROM conversations ORDER BY last_at DESC LIMIT ?');
    this.listByProviderStmt = db.prepare(
      'SELECT * FROM conversations WHERE provider = ? ORDER BY last_at DESC LIMIT ?',
    );
  }

  /** Call inside the capture's transaction. `fromResponse` marks messages derived from its response. */
  insert(captureId: number | null, message: NewMessage, fromResponse = false): number {
    const result = this.insertStmt.run({
      captureId,
      provider: message.provider,
      conversationKey: message.conversationKey,
      direction: message.direction,
      authorKind: message.author.kind,
      authorId: message.author.id,
      authorName: message.author.name,
      text: message.text,
      at: message.at,
      kind: message.kind,
      meta: JSON.stringify(message.meta),
      fromResponse: fromResponse ? 1 : 0,
    });
    this.upsertConversationStmt.run({
      provider: message.provider,
      key: message.conversationKey,
      title: message.conversationTitle,
      at: message.at,
      text: message.text,
      direction: message.direction,
    });
    return Number(result.lastInsertRowid);
  }

  /** Removes the messages a capture's response added; answers whether there were any. */
  deleteResponseMessages(captureId: number): boolean {
    const affected = this.responseConversationsStmt
      .all(captureId)
      .map((row) => ({ provider: row.provider, key: row.conversation_key }));
    if (affected.length === 0) return false;
    this.deleteResponseMessagesStmt.run(captureId);
    this.recountConversations(affected);
    return true;
  }

  /** The meta of a conversation's newest message in one direction (e.g. the last webhook's links). */
  latestMeta(
    provider: ProviderId,
    key: string,
    direction: Message['direction'],
  ): Record<string, unknown> | null {
    const row = this.latestMetaStmt.get(provider, key, direction);
    return row ? (JSON.parse(row.meta) as Record<string, unknown>) : null;
  }

  forCapture(captureId: number): Message[] {
    return this.byCaptureStmt.all(captureId).map(toMessage);
  }

  forConversation(provider: ProviderId, key: string): Message[] {
    return this.byConversationStmt.all(provider, key).map(toMessage);
  }

  conversation(provider: ProviderId, key: string): ConversationSummary | null {
    const row = this.conversationStmt.get(provider, key);
    return row ? toConversation(row) : null;
  }

  listConversations(provider: ProviderId | undefined, limit: number): ConversationSummary[] {
    const rows = provider ? this.listByProviderStmt.all(provider, limit) : this.listAllStmt.all(limit);
    return rows.map(toConversation);
  }

  conversationsOfCaptures(captureIds: number[]): { provider: string; key: string }[] {
    const seen = new Map<string, { provider: string; key: string }>();
    for (let i = 0; i < captureIds.length; i += 500) {
      const chunk = captureIds.slice(i, i + 500);
      const rows = this.db
        .prepare<unknown[], { provider: string; conversation_key: string }>(
          `SELECT DISTINCT provider, conversation_key FROM messages WHERE capture_id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk);
      for (const row of rows) {
        seen.set(`${row.provider}\u0000${row.conversation_key}`, {
          provider: row.provider,
          key: row.conversation_key,
        });
      }
    }
    return [...seen.values()];
  }

  /** Rebuilds summary rows from the messages that remain (after deletes). */
  recountConversations(conversations: { provider: string; key: string }[]): void {
    const latest = this.db.prepare<[string, string], MessageRow & { n: number }>(`
      SELECT m.*, (SELECT count(*) FROM messages WHERE provider = m.provider AND conversation_key = m.conversation_key) AS n
      FROM messages m WHERE m.provider = ? AND m.conversation_key = ? ORDER BY m.at DESC, m.capture_id DESC, m.id DESC LIMIT 1`);
    const update = this.db.prepare(
      'UPDATE conversations SET count = ?, last_at = ?, last_text = ?, last_direction = ? WHERE provider = ? AND key = ?',
    );
    const remove = this.db.prepare('DELETE FROM conversations WHERE provider = ? AND key = ?');
    for (const { provider, key } of conversations) {
      const row = latest.get(provider, key);
      if (row) update.run(row.n, row.at, row.text, row.direction, provider, key);
      else remove.run(provider, key);
    }
  }
}
