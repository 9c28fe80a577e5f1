import type { Database, Statement } from 'better-sqlite3';
import type { ApiCall } from '../../../shared/model/api-call.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import type { NewApiCall } from './records.js';

interface ApiCallRow {
  id: number;
  provider: ProviderId;
  at: number;
  conversation_key: string | null;
  message_id: number | null;
  action: string;
  method: string;
  url: string;
  params: string;
  auth: 'header' | 'query';
  status: number | null;
  response: string | null;
  duration_ms: number | null;
  error: string | null;
}

function toApiCall(row: ApiCallRow): ApiCall {
  return {
    id: row.id,
    provider: row.provider,
    at: row.at,
    conversationKey: row.conversation_key,
    messageId: row.message_id,
    action: row.action,
    method: row.method,
    url: row.url,
    params: JSON.parse(row.params) as [string, string][],
    auth: row.auth,
    status: row.status,
    response: row.response,
    durationMs: row.duration_ms,
    error: row.error,
  };
}

export interface ListApiCallsQuery {
  provider: ProviderId;
  conversationKey?: string | undefined;
  limit: number;
  before?: number | undefined;
}

/** The outgoing API call log, newest first, keyset-paginated on id. */
export class ApiCallRepository {
  private readonly insertStmt: Statement;
  private readonly byIdStmt: Statement<[number], ApiCallRow>;
  private readonly listStmt: Statement<[string, number, number], ApiCallRow>;
  private readonly listByConversationStmt: Statement<[string, string, number, number], ApiCallRow>;

  constructor(db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO api_calls (provider, at, conversation_key, message_id, action, method, url, params, auth,
        status, response, duration_ms, error)
      VALUES (@provider, @at, @conversationKey, @messageId, @action, @method, @url, @params, @auth,
        @status, @response, @durationMs, @error)`);
    this.byIdStmt = db.prepare('SELECT * FROM api_calls WHERE id = ?');
    this.listStmt = db.prepare(
      'SELECT * FROM api_calls WHERE provider = ? AND id < ? ORDER BY id DESC LIMIT ?',
    );
    this.listByConversationStmt = db.prepare(
      'SELECT * FROM api_calls WHERE provider = ? AND conversation_key = ? AND id < ? ORDER BY id DESC LIMIT ?',
    );
  }

  insert(call: NewApiCall): ApiCall {
    const result = this.insertStmt.run({ ...call, params: JSON.stringify(call.params) });
    const row = this.byIdStmt.get(Number(result.lastInsertRowid));
    if (!row) throw new Error('The recorded API call could not be read back.');
    return toApiCall(row);
  }

  list(query: ListApiCallsQuery): { items: ApiCall[]; next: number | null } {
    const before = query.before ?? Number.MAX_SAFE_INTEGER;
    const rows = query.conversationKey
      ? this.listByConversationStmt.all(query.provider, query.conversationKey, before, query.limit + 1)
      : this.listStmt.all(query.provider, before, query.limit + 1);
    const hasMore = rows.length > query.limit;
    const items = (hasMore ? rows.slice(0, query.limit) : rows).map(toApiCall);
    const last = items.at(-1);
    return { items, next: hasMore && last ? last.id : null };
  }
}
