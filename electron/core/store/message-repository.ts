import type { Database, Statement } from 'better-sqlite3';
import type { ConversationAssignee, ConversationSummary } from '../../../shared/model/conversation.js';
import type { Message, MessageStatus } from '../../../shared/model/message.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { ConversationStatePatch, NewMessage } from './records.js';

/** The conversation list shows one line: a message of megabytes is not copied into its summary row. */
const SUMMARY_CHARS = 500;
function summaryLine(text: string): string {
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text;
}

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
  status: MessageStatus | null;
  error: string | null;
  automatic: number;
  echo_key: string | null;
  echo_of: number | null;
}

interface ConversationRow {
  provider: ProviderId;
  key: string;
  title: string;
  last_at: number;
  count: number;
  last_text: string;
  last_direction: string;
  unanswered: number;
  closed: number;
  tags: string;
  assignee: string | null;
}

function toMessage(row: MessageRow): Message {
  const message: Message = {
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
  if (row.status !== null) message.status = row.status;
  if (row.error !== null) message.error = row.error;
  if (row.automatic === 1) message.automatic = true;
  if (row.echo_of !== null) message.echoOf = row.echo_of;
  return message;
}

function parseJsonArray(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function parseAssignee(text: string | null): ConversationAssignee | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<ConversationAssignee> | null;
    if (!value || typeof value !== 'object') return null;
    return {
      id: typeof value.id === 'string' ? value.id : null,
      name: typeof value.name === 'string' ? value.name : null,
    };
  } catch {
    return null;
  }
}

function toConversation(row: ConversationRow): ConversationSummary {
  return {
    provider: row.provider,
    key: row.key,
    title: row.title,
    lastAt: row.last_at,
    count: row.count,
    lastText: row.last_text,
    unanswered: row.unanswered === 1,
    closed: row.closed === 1,
    tags: parseJsonArray(row.tags),
    assignee: parseAssignee(row.assignee),
  };
}

/** Statement parameters for a state patch: null means "leave as is". */
function stateParams(patch: ConversationStatePatch) {
  return {
    closed: patch.closed === undefined ? null : patch.closed ? 1 : 0,
    tags: patch.tags === undefined ? null : JSON.stringify(patch.tags),
    hasAssignee: patch.assignee === undefined ? 0 : 1,
    assignee: patch.assignee ? JSON.stringify(patch.assignee) : null,
  };
}

/**
 * Normalized messages and the per-conversation summary rows kept beside them. Also the messages
 * the app sends: their delivery status, and the link from a captured echo to the sent message
 * (the echo is then left out of the thread and of the count, so nothing shows twice).
 */
export class MessageRepository {
  private readonly insertStmt: Statement;
  private readonly upsertConversationStmt: Statement;
  private readonly applyStateStmt: Statement;
  private readonly findEchoTargetStmt: Statement<[string, string, string], { id: number }>;
  private readonly markDeliveredStmt: Statement;
  private readonly updateOutgoingStmt: Statement;
  private readonly byIdStmt: Statement<[number], MessageRow>;
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
  private readonly latestUnansweredStmt: Statement<[string, string], { sets_unanswered: number }>;
  private readonly setUnansweredStmt: Statement;
  private readonly lastAutomaticStmt: Statement<[string, string], { at: number | null }>;

  constructor(private readonly db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO messages (capture_id, provider, conversation_key, direction, author_kind, author_id,
        author_name, text, at, kind, meta, status, error, automatic, echo_key, echo_of, sets_unanswered,
        from_response)
      VALUES (@captureId, @provider, @conversationKey, @direction, @authorKind, @authorId, @authorName,
        @text, @at, @kind, @meta, @status, @error, @automatic, @echoKey, @echoOf, @unanswered, @fromResponse)`);
    // State fields follow the latest message to arrive; last text follows the provider's time.
    this.upsertConversationStmt = db.prepare(`
      INSERT INTO conversations (provider, key, title, last_at, count, last_text, last_direction,
        unanswered, closed, tags, assignee)
      VALUES (@provider, @key, @title, @at, @count, @text, @direction,
        coalesce(@unanswered, 0), coalesce(@closed, 0), coalesce(@tags, '[]'), @assignee)
      ON CONFLICT (provider, key) DO UPDATE SET
        count = count + excluded.count,
        title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE title END,
        last_text = CASE WHEN excluded.last_at >= last_at THEN excluded.last_text ELSE last_text END,
        last_direction = CASE WHEN excluded.last_at >= last_at THEN excluded.last_direction ELSE last_direction END,
        last_at = max(last_at, excluded.last_at),
        unanswered = coalesce(@unanswered, unanswered),
        closed = coalesce(@closed, closed),
        tags = coalesce(@tags, tags),
        assignee = CASE WHEN @hasAssignee = 1 THEN @assignee ELSE assignee END`);
    this.applyStateStmt = db.prepare(`
      UPDATE conversations SET
        closed = coalesce(@closed, closed),
        tags = coalesce(@tags, tags),
        assignee = CASE WHEN @hasAssignee = 1 THEN @assignee ELSE assignee END
      WHERE provider = @provider AND key = @key`);
    this.findEchoTargetStmt = db.prepare(`
      SELECT id FROM messages
      WHERE provider = ? AND conversation_key = ? AND echo_key = ? AND status IS NOT NULL
      ORDER BY id DESC LIMIT 1`);
    this.markDeliveredStmt = db.prepare(`
      UPDATE messages SET status = 'delivered', error = NULL,
        author_id = coalesce(@authorId, author_id), author_name = coalesce(@authorName, author_name),
        meta = json_set(meta, '$.echoCaptureId', @captureId, '$.partId', coalesce(@partId, json_extract(meta, '$.partId')))
      WHERE id = @id`);
    this.updateOutgoingStmt = db.prepare(`
      UPDATE messages SET status = @status, error = @error, echo_key = @echoKey, meta = @meta WHERE id = @id`);
    this.byIdStmt = db.prepare('SELECT * FROM messages WHERE id = ?');
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
    // Echoes of sent messages are merged into those messages. Ties in time keep each capture's
    // messages together (a response's messages share its request's time); messages the app sent
    // (no capture) come after captured ones of the same instant.
    this.byConversationStmt = db.prepare(`
      SELECT * FROM messages WHERE provider = ? AND conversation_key = ? AND echo_of IS NULL
      ORDER BY at, capture_id IS NULL, capture_id, id`);
    this.conversationStmt = db.prepare('SELECT * FROM conversations WHERE provider = ? AND key = ?');
    this.listAllStmt = db.prepare('SELECT * FROM conversations ORDER BY last_at DESC LIMIT ?');
    this.listByProviderStmt = db.prepare(
      'SELECT * FROM conversations WHERE provider = ? ORDER BY last_at DESC LIMIT ?',
    );
    this.latestUnansweredStmt = db.prepare(`
      SELECT sets_unanswered FROM messages
      WHERE provider = ? AND conversation_key = ? AND sets_unanswered IS NOT NULL AND echo_of IS NULL
        AND (status IS NULL OR status <> 'failed')
      ORDER BY id DESC LIMIT 1`);
    this.setUnansweredStmt = db.prepare(
      'UPDATE conversations SET unanswered = ? WHERE provider = ? AND key = ?',
    );
    this.lastAutomaticStmt = db.prepare(`
      SELECT max(at) AS at FROM messages WHERE provider = ? AND conversation_key = ? AND automatic = 1`);
  }

  /**
   * Stores one message and updates its conversation's summary row. Call inside a transaction.
   * A captured part whose `echoKey` matches a message the app sent becomes that message's echo:
   * the sent message turns `delivered`, and the echo is not counted or listed in the thread.
   * `fromResponse` marks messages derived from the capture's response (replaced when it changes).
   */
  insert(captureId: number | null, message: NewMessage, fromResponse = false): number {
    const outgoing = message.outgoing;
    let echoOf: number | null = null;
    if (!outgoing && message.echoKey && message.direction === 'to_user') {
      echoOf =
        this.findEchoTargetStmt.get(message.provider, message.conversationKey, message.echoKey)?.id ?? null;
    }
    const unanswered =
      message.state === undefined
        ? message.direction === 'to_operator'
          ? 1
          : 0
        : message.state.unanswered === undefined
          ? null
          : message.state.unanswered
            ? 1
            : 0;
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
      status: outgoing?.status ?? null,
      error: outgoing?.error ?? null,
      automatic: outgoing?.automatic ? 1 : 0,
      echoKey: outgoing?.echoKey ?? null,
      echoOf,
      unanswered,
      fromResponse: fromResponse ? 1 : 0,
    });
    if (echoOf !== null) {
      const partId = message.meta.partId;
      this.markDeliveredStmt.run({
        id: echoOf,
        captureId,
        partId: typeof partId === 'string' ? partId : null,
        authorId: message.author.kind === 'user' ? null : message.author.id,
        authorName: message.author.kind === 'user' ? null : message.author.name,
      });
    }
    this.upsertConversationStmt.run({
      provider: message.provider,
      key: message.conversationKey,
      title: message.conversationTitle,
      at: message.at,
      count: echoOf === null ? 1 : 0,
      text: summaryLine(message.text),
      direction: message.direction,
      unanswered,
      ...stateParams(message.state ?? {}),
    });
    return Number(result.lastInsertRowid);
  }

  get(id: number): Message | null {
    const row = this.byIdStmt.get(id);
    return row ? toMessage(row) : null;
  }

  /**
   * Updates a sent message after its API call, or for a retry. A message already `delivered` (its
   * echo came back before the API answered, or after a timeout) stays delivered. Returns it as stored.
   */
  updateOutgoing(
    id: number,
    update: {
      status: MessageStatus;
      error: string | null;
      echoKey?: string | null;
      meta?: Record<string, unknown>;
    },
  ): Message | null {
    const row = this.byIdStmt.get(id);
    if (!row || row.status === null) return null;
    const keepDelivered = row.status === 'delivered';
    const meta = { ...(JSON.parse(row.meta) as Record<string, unknown>), ...update.meta };
    this.updateOutgoingStmt.run({
      id,
      status: keepDelivered ? 'delivered' : update.status,
      error: keepDelivered ? null : update.error,
      echoKey: update.echoKey === undefined ? row.echo_key : update.echoKey,
      meta: JSON.stringify(meta),
    });
    this.refreshUnanswered(row.provider, row.conversation_key);
    return this.get(id);
  }

  /** Recomputes `unanswered` from the latest message that counts (failed replies do not). */
  refreshUnanswered(provider: ProviderId, key: string): void {
    const row = this.latestUnansweredStmt.get(provider, key);
    this.setUnansweredStmt.run(row?.sets_unanswered ?? 0, provider, key);
  }

  /** State reported by an action that created no message (e.g. an assign Dashly saw as no change). */
  applyState(provider: ProviderId, key: string, patch: ConversationStatePatch): void {
    this.applyStateStmt.run({ provider, key, ...stateParams(patch) });
  }

  /** Epoch ms of the latest auto-reply in a conversation, or null. */
  lastAutomaticAt(provider: ProviderId, key: string): number | null {
    return this.lastAutomaticStmt.get(provider, key)?.at ?? null;
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

  /** The thread, oldest first; echoes of sent messages are merged into those messages. */
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
      SELECT m.*, (SELECT count(*) FROM messages WHERE provider = m.provider AND conversation_key = m.conversation_key AND echo_of IS NULL) AS n
      FROM messages m WHERE m.provider = ? AND m.conversation_key = ? AND m.echo_of IS NULL
      ORDER BY m.at DESC, m.capture_id IS NULL DESC, m.capture_id DESC, m.id DESC LIMIT 1`);
    const update = this.db.prepare(
      'UPDATE conversations SET count = ?, last_at = ?, last_text = ?, last_direction = ? WHERE provider = ? AND key = ?',
    );
    const remove = this.db.prepare('DELETE FROM conversations WHERE provider = ? AND key = ?');
    for (const { provider, key } of conversations) {
      const row = latest.get(provider, key);
      if (row) {
        update.run(row.n, row.at, summaryLine(row.text), row.direction, provider, key);
        this.refreshUnanswered(provider as ProviderId, key);
      } else remove.run(provider, key);
    }
  }
}
