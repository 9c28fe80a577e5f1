import type { Database, Statement } from 'better-sqlite3';
import type { CaptureDetail, CaptureResponse, CaptureSummary } from '../../../shared/model/capture.js';
import type { HeaderList } from '../../../shared/model/http.js';
import type { ProviderId } from '../../../shared/model/provider.js';
import { perfEnabled } from '../perf-switches.js';
import { FtsIndexer } from './fts-indexer.js';
import { ftsQuery } from './fts-query.js';
import type { MessageRepository } from './message-repository.js';
import type { ForwardRecord, HoldRecord } from '../../../shared/model/responder-records.js';
import type {
  CaptureAnnotations,
  DerivedFields,
  NewCapture,
  StoredForward,
  StoredResponse,
} from './records.js';

interface CaptureRow {
  id: number;
  received_at: number;
  method: string;
  path: string;
  provider: ProviderId;
  conversation_key: string | null;
  summary: string;
  response_status: number | null;
  body_size: number;
  via_tunnel: number;
  parse_error: string | null;
  origin: string | null;
  starred: number;
  note: string | null;
}

interface CaptureDetailRow extends CaptureRow {
  http_version: string;
  remote_address: string | null;
  headers: string;
  body_truncated: number;
  parsed_as: string | null;
  response: string | null;
  latency_ms: number | null;
  request_body: Buffer | null;
  response_body: Buffer | null;
  forward: string | null;
  hold: string | null;
  forward_body: Buffer | null;
}

interface StoredResponseMeta {
  status: number;
  headers: HeaderList;
  bodySize: number;
  bodyTruncated: boolean;
  source: string;
  ruleIndex?: number | null;
}

type StoredForwardMeta = Omit<StoredForward, 'body'> & { hasBody: boolean };

/** A capture as exported: the request exactly as received and the response sent. */
export interface CaptureExportRecord {
  id: number;
  receivedAt: number;
  method: string;
  path: string;
  httpVersion: string;
  remoteAddress: string | null;
  viaTunnel: boolean;
  provider: ProviderId;
  origin: 'imported' | 'replay' | null;
  starred: boolean;
  /** The user's note; null when there is none. */
  note: string | null;
  headers: HeaderList;
  body: Buffer;
  bodySize: number;
  bodyTruncated: boolean;
  response: {
    status: number;
    headers: HeaderList;
    body: Buffer;
    size: number;
    truncated: boolean;
    latencyMs: number | null;
    source: string;
  } | null;
}

export interface ListCapturesQuery {
  provider?: ProviderId | undefined;
  q?: string | undefined;
  conversation?: string | undefined;
  limit: number;
  before?: number | undefined;
  /** The page just newer than this id (ascending scan, answered newest first). */
  after?: number | undefined;
  /** Only starred (true) or only unstarred (false) captures. */
  starred?: boolean | undefined;
}

const SUMMARY_COLUMNS =
  'c.id, c.received_at, c.method, c.path, c.provider, c.conversation_key, c.summary, c.response_status, c.body_size, c.via_tunnel, c.parse_error, c.starred, c.origin, c.note';

function toSummary(row: CaptureRow): CaptureSummary {
  return {
    id: row.id,
    receivedAt: row.received_at,
    method: row.method,
    path: row.path,
    provider: row.provider,
    conversationKey: row.conversation_key,
    summary: row.summary,
    status: row.response_status,
    size: row.body_size,
    viaTunnel: row.via_tunnel === 1,
    parseError: row.parse_error !== null,
    ...(row.origin === 'imported' || row.origin === 'replay' ? { origin: row.origin } : {}),
    starred: row.starred === 1,
    ...(row.note === null ? {} : { note: row.note }),
  };
}

/** Captures, their bodies and full-text entries. Statements are prepared once. */
export class CaptureRepository {
  private readonly insertCaptureStmt: Statement;
  /** Remembers the highest id before a delete, so ids are never handed out twice (migration 8). */
  private readonly raiseIdFloorStmt: Statement;
  private readonly insertBodyStmt: Statement;
  private readonly markUnderivedStmt: Statement<[number]>;
  private readonly setDerivedStmt: Statement;
  private readonly dequeueUnderivedStmt: Statement<[number]>;
  private readonly underivedStmt: Statement<[number, number], { capture_id: number }>;
  private readonly underivedCountStmt: Statement<[], { n: number }>;
  private readonly newestUnderivedStmt: Statement<[], { id: number | null }>;
  private readonly responseStmt: Statement<
    [number],
    Pick<CaptureDetailRow, 'response' | 'latency_ms' | 'response_body'>
  >;
  private readonly setResponseStmt: Statement;
  private readonly setResponseBodyStmt: Statement;
  private readonly setLatencyStmt: Statement;
  private readonly setForwardStmt: Statement;
  private readonly setForwardBodyStmt: Statement;
  private readonly setHoldStmt: Statement;
  private readonly setOriginStmt: Statement;
  private readonly sourceStmt: Statement<
    [number],
    Pick<
      CaptureDetailRow,
      'method' | 'path' | 'provider' | 'received_at' | 'headers' | 'body_truncated' | 'request_body'
    >
  >;
  private readonly setSummaryStmt: Statement;
  private readonly summaryStmt: Statement<[number], CaptureRow>;
  private readonly detailStmt: Statement<[number], CaptureDetailRow>;
  private readonly countStmt: Statement<[], { n: number }>;
  private readonly countStarredStmt: Statement<[], { n: number }>;
  private readonly oldestUnstarredStmt: Statement<[number], { id: number }>;
  private readonly unstarredBeforeStmt: Statement<[number, number], { id: number }>;
  private readonly setNoteStmt: Statement<[string | null, number]>;
  private readonly deleteNoteFtsStmt: Statement<[number]>;
  private readonly insertNoteFtsStmt: Statement<[number, string]>;
  private readonly anyNoteStmt: Statement<[], { id: number }>;
  private readonly unstarredIdsStmt: Statement<[], { id: number }>;
  private readonly listCache = new Map<string, Statement<unknown[], CaptureRow>>();
  /** The full-text index, written behind the captures (see fts-indexer.ts). */
  readonly fts: FtsIndexer;
  private readonly idsCache = new Map<string, Statement<unknown[], { id: number }>>();

  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
  ) {
    this.insertCaptureStmt = db.prepare(`
      INSERT INTO captures (id, received_at, method, path, http_version, provider, conversation_key, summary,
        remote_address, via_tunnel, headers, body_size, body_truncated, parsed_as, parse_error, response,
        response_status, latency_ms, origin)
      VALUES (max(coalesce((SELECT max(id) FROM captures), 0), (SELECT id FROM capture_id_floor)) + 1,
        @receivedAt, @method, @path, @httpVersion, @provider, @conversationKey, @summary,
        @remoteAddress, @viaTunnel, @headers, @bodySize, @bodyTruncated, @parsedAs, @parseError, @response,
        @responseStatus, @latencyMs, @origin)`);
    this.insertBodyStmt = db.prepare('INSERT INTO bodies (capture_id, request, response) VALUES (?, ?, ?)');
    this.markUnderivedStmt = db.prepare('INSERT INTO captures_underived (capture_id) VALUES (?)');
    this.setDerivedStmt = db.prepare(
      `UPDATE captures SET conversation_key = ?, summary = ?, parsed_as = ?, parse_error = ?,
        latency_ms = coalesce(?, latency_ms) WHERE id = ?`,
    );
    this.dequeueUnderivedStmt = db.prepare('DELETE FROM captures_underived WHERE capture_id <= ?');
    this.underivedStmt = db.prepare(
      'SELECT capture_id FROM captures_underived WHERE capture_id > ? ORDER BY capture_id LIMIT ?',
    );
    this.underivedCountStmt = db.prepare('SELECT count(*) AS n FROM captures_underived');
    this.newestUnderivedStmt = db.prepare('SELECT max(capture_id) AS id FROM captures_underived');
    this.responseStmt = db.prepare(`
      SELECT c.response, c.latency_ms, b.response AS response_body
      FROM captures c LEFT JOIN bodies b ON b.capture_id = c.id WHERE c.id = ?`);
    this.fts = new FtsIndexer(db, { deferred: perfEnabled('deferred-fts') });
    this.setResponseStmt = db.prepare(
      'UPDATE captures SET response = ?, response_status = ?, latency_ms = ? WHERE id = ?',
    );
    this.setResponseBodyStmt = db.prepare('UPDATE bodies SET response = ? WHERE capture_id = ?');
    this.setLatencyStmt = db.prepare('UPDATE captures SET latency_ms = ? WHERE id = ?');
    this.setForwardStmt = db.prepare('UPDATE captures SET forward = ? WHERE id = ?');
    this.setForwardBodyStmt = db.prepare('UPDATE bodies SET forward = ? WHERE capture_id = ?');
    this.setHoldStmt = db.prepare('UPDATE captures SET hold = ? WHERE id = ?');
    this.setOriginStmt = db.prepare('UPDATE captures SET origin = ? WHERE id = ?');
    this.setSummaryStmt = db.prepare('UPDATE captures SET summary = ? WHERE id = ?');
    this.summaryStmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM captures c WHERE c.id = ?`);
    this.detailStmt = db.prepare(`
      SELECT c.*, b.request AS request_body, b.response AS response_body, b.forward AS forward_body
      FROM captures c LEFT JOIN bodies b ON b.capture_id = c.id WHERE c.id = ?`);
    this.setNoteStmt = db.prepare('UPDATE captures SET note = ? WHERE id = ?');
    this.deleteNoteFtsStmt = db.prepare('DELETE FROM capture_notes_fts WHERE rowid = ?');
    this.insertNoteFtsStmt = db.prepare('INSERT INTO capture_notes_fts (rowid, text) VALUES (?, ?)');
    this.anyNoteStmt = db.prepare('SELECT id FROM captures WHERE note IS NOT NULL LIMIT 1');
    this.unstarredIdsStmt = db.prepare('SELECT id FROM captures WHERE starred = 0');
    this.sourceStmt = db.prepare(`
      SELECT c.method, c.path, c.provider, c.received_at, c.headers, c.body_truncated, b.request AS request_body
      FROM captures c LEFT JOIN bodies b ON b.capture_id = c.id WHERE c.id = ?`);
    this.raiseIdFloorStmt = db.prepare(
      'UPDATE capture_id_floor SET id = max(id, coalesce((SELECT max(id) FROM captures), 0))',
    );
    this.countStmt = db.prepare('SELECT count(*) AS n FROM captures');
    this.countStarredStmt = db.prepare('SELECT count(*) AS n FROM captures WHERE starred = 1');
    // Both use the partial index captures_unstarred_by_time: no scan past the rows returned.
    this.oldestUnstarredStmt = db.prepare(
      'SELECT id FROM captures WHERE starred = 0 ORDER BY received_at, id LIMIT ?',
    );
    this.unstarredBeforeStmt = db.prepare(
      'SELECT id FROM captures WHERE starred = 0 AND received_at < ? ORDER BY received_at, id LIMIT ?',
    );
  }

  /** Inserts one capture with its body, messages and index entry. Call inside a transaction. */
  insert(capture: NewCapture): number {
    const response = capture.response;
    const result = this.insertCaptureStmt.run({
      receivedAt: capture.receivedAt,
      method: capture.method,
      path: capture.path,
      httpVersion: capture.httpVersion,
      provider: capture.provider,
      conversationKey: capture.conversationKey,
      summary: capture.summary,
      remoteAddress: capture.remoteAddress,
      viaTunnel: capture.viaTunnel ? 1 : 0,
      headers: JSON.stringify(capture.headers),
      bodySize: capture.bodySize,
      bodyTruncated: capture.bodyTruncated ? 1 : 0,
      parsedAs: capture.parsedAs,
      parseError: capture.parseError,
      response: response ? JSON.stringify(responseMeta(response)) : null,
      responseStatus: response?.status ?? null,
      latencyMs: response?.latencyMs ?? null,
      origin: capture.origin ?? null,
    });
    const id = Number(result.lastInsertRowid);
    this.insertBodyStmt.run(id, capture.body, response ? response.body : null);
    if (capture.underived) {
      this.markUnderivedStmt.run(id);
      return id;
    }
    this.fts.add(id, capture.searchText);
    for (const message of capture.messages) this.messages.insert(id, message);
    return id;
  }

  /**
   * Fills in what parsing found for a capture stored underived: its list line, conversation,
   * messages and search entry (and its latency, when it was handed over rather than written apart).
   * False when the capture is gone (deleted meanwhile). In a transaction.
   */
  setDerived(id: number, derived: DerivedFields, latencyMs: number | null = null): boolean {
    const changed = this.setDerivedStmt.run(
      derived.conversationKey,
      derived.summary,
      derived.parsedAs,
      derived.parseError,
      latencyMs,
      id,
    ).changes;
    if (changed === 0) return false;
    this.fts.add(id, derived.searchText);
    for (const message of derived.messages) this.messages.insert(id, message);
    return true;
  }

  /** Takes every capture up to `throughId` off the parse queue (parsed, or deleted meanwhile). */
  dequeueUnderived(throughId: number): void {
    this.dequeueUnderivedStmt.run(throughId);
  }

  /** Ids of captures stored underived, oldest first, after `afterId`. */
  underivedIds(afterId: number, limit: number): number[] {
    return this.underivedStmt.all(afterId, limit).map((row) => row.capture_id);
  }

  underivedCount(): number {
    return this.underivedCountStmt.get()?.n ?? 0;
  }

  /** The newest capture stored underived, or null when none waits. */
  newestUnderivedId(): number | null {
    return this.newestUnderivedStmt.get()?.id ?? null;
  }

  /** The response as recorded, bytes included; null when there is none (or no such capture). */
  storedResponse(id: number): StoredResponse | null {
    const row = this.responseStmt.get(id);
    if (!row?.response) return null;
    const meta = JSON.parse(row.response) as StoredResponseMeta;
    return {
      status: meta.status,
      headers: meta.headers,
      body: row.response_body ?? Buffer.alloc(0),
      bodySize: meta.bodySize,
      bodyTruncated: meta.bodyTruncated,
      source: meta.source,
      ruleIndex: meta.ruleIndex ?? null,
      latencyMs: row.latency_ms,
    };
  }

  setResponse(id: number, response: StoredResponse): void {
    this.setResponseStmt.run(JSON.stringify(responseMeta(response)), response.status, response.latencyMs, id);
    this.setResponseBodyStmt.run(response.body, id);
  }

  /** The target's side of a forward and how a hold ended; a body equal to the response is stored once. */
  setAnnotations(id: number, annotations: CaptureAnnotations): void {
    const { forward, hold } = annotations;
    if (forward) {
      const { body, ...meta } = forward;
      const stored: StoredForwardMeta = { ...meta, hasBody: body !== null };
      this.setForwardStmt.run(JSON.stringify(stored), id);
      this.setForwardBodyStmt.run(body && !forward.sameAsResponse ? body : null, id);
    }
    if (hold) this.setHoldStmt.run(JSON.stringify(hold), id);
  }

  /** Marks where a capture came from: `replay` (a replay sent to the listener) or `imported`. */
  setOrigin(id: number, origin: 'imported' | 'replay'): void {
    this.setOriginStmt.run(origin, id);
  }

  setLatency(id: number, latencyMs: number): void {
    this.setLatencyStmt.run(latencyMs, id);
  }

  setSummary(id: number, summary: string): void {
    this.setSummaryStmt.run(summary, id);
  }

  summary(id: number): CaptureSummary | null {
    const row = this.summaryStmt.get(id);
    return row ? toSummary(row) : null;
  }

  get(id: number): CaptureDetail | null {
    const row = this.detailStmt.get(id);
    if (!row) return null;
    const requestBody = row.request_body ?? Buffer.alloc(0);
    let response: CaptureResponse | null = null;
    const responseBody = row.response_body ?? Buffer.alloc(0);
    if (row.response) {
      const meta = JSON.parse(row.response) as StoredResponseMeta;
      response = {
        status: meta.status,
        headers: meta.headers,
        body: { base64: responseBody.toString('base64'), size: meta.bodySize, truncated: meta.bodyTruncated },
        latencyMs: row.latency_ms,
        source: meta.source,
        ...(meta.ruleIndex === undefined ? {} : { ruleIndex: meta.ruleIndex }),
      };
    }
    const annotations: { forward?: ForwardRecord; hold?: HoldRecord } = {};
    if (row.forward) {
      const meta = JSON.parse(row.forward) as StoredForwardMeta;
      const forwardBody = meta.sameAsResponse ? responseBody : (row.forward_body ?? Buffer.alloc(0));
      annotations.forward = {
        url: meta.url,
        method: meta.method,
        startedAt: meta.startedAt,
        status: meta.status,
        headers: meta.headers,
        body: meta.hasBody
          ? { base64: forwardBody.toString('base64'), size: meta.bodySize, truncated: meta.bodyTruncated }
          : null,
        durationMs: meta.durationMs,
        error: meta.error,
      };
    }
    if (row.hold) annotations.hold = JSON.parse(row.hold) as HoldRecord;
    return {
      ...toSummary(row),
      headers: JSON.parse(row.headers) as HeaderList,
      body: {
        base64: requestBody.toString('base64'),
        size: row.body_size,
        truncated: row.body_truncated === 1,
      },
      remoteAddress: row.remote_address,
      httpVersion: row.http_version,
      parsedAs: row.parsed_as,
      parseErrorMessage: row.parse_error,
      messages: this.messages.forCapture(id),
      response,
      ...annotations,
    };
  }

  /** Raw request bytes and headers, for replay and export. */
  rawRequest(id: number): { headers: HeaderList; body: Buffer } | null {
    const row = this.detailStmt.get(id);
    if (!row) return null;
    return { headers: JSON.parse(row.headers) as HeaderList, body: row.request_body ?? Buffer.alloc(0) };
  }

  /** Everything needed to export a capture as it was received, bytes included (no messages). */
  exportRecord(id: number): CaptureExportRecord | null {
    const row = this.detailStmt.get(id);
    if (!row) return null;
    let response: CaptureExportRecord['response'] = null;
    if (row.response) {
      const meta = JSON.parse(row.response) as StoredResponseMeta;
      response = {
        status: meta.status,
        headers: meta.headers,
        body: row.response_body ?? Buffer.alloc(0),
        size: meta.bodySize,
        truncated: meta.bodyTruncated,
        latencyMs: row.latency_ms,
        source: meta.source,
      };
    }
    return {
      id: row.id,
      receivedAt: row.received_at,
      method: row.method,
      path: row.path,
      httpVersion: row.http_version,
      remoteAddress: row.remote_address,
      viaTunnel: row.via_tunnel === 1,
      provider: row.provider,
      origin: row.origin === 'imported' || row.origin === 'replay' ? row.origin : null,
      starred: row.starred === 1,
      note: row.note,
      headers: JSON.parse(row.headers) as HeaderList,
      body: row.request_body ?? Buffer.alloc(0),
      bodySize: row.body_size,
      bodyTruncated: row.body_truncated === 1,
      response,
    };
  }

  /** What a replay starts from: the request line, headers and stored body bytes. */
  requestSource(id: number): {
    method: string;
    path: string;
    provider: ProviderId;
    receivedAt: number;
    headers: HeaderList;
    body: Buffer;
    bodyTruncated: boolean;
  } | null {
    const row = this.sourceStmt.get(id);
    if (!row) return null;
    return {
      method: row.method,
      path: row.path,
      provider: row.provider,
      receivedAt: row.received_at,
      headers: JSON.parse(row.headers) as HeaderList,
      body: row.request_body ?? Buffer.alloc(0),
      bodyTruncated: row.body_truncated === 1,
    };
  }

  /**
   * Newest first, keyset-paginated on id (ids grow with receive time): `before` pages down, `after`
   * pages up (the list window scrolled back toward the newest). A search matches the captures' own
   * text or their notes: both indexes are read in id order and merged, which keeps the keyset exact
   * (the union's first n + 1 ids are among each side's first n + 1).
   */
  list(query: ListCapturesQuery): { items: CaptureSummary[]; next: number | null; prev?: number | null } {
    const match = query.q ? ftsQuery(query.q) : null;
    // A search sees every committed capture: the deferred index catches up first.
    if (match) this.fts.catchUp();
    const upward = query.after !== undefined && query.before === undefined;
    let rows = this.listRows(query, match ? { index: 'captures_fts', match } : null);
    if (match && this.anyNoteStmt.get()) {
      const noted = this.listRows(query, { index: 'capture_notes_fts', match });
      if (noted.length > 0) {
        const byId = new Map([...rows, ...noted].map((row) => [row.id, row]));
        rows = [...byId.values()]
          .sort((a, b) => (upward ? a.id - b.id : b.id - a.id))
          .slice(0, query.limit + 1);
      }
    }
    const hasMore = rows.length > query.limit;
    const items = (hasMore ? rows.slice(0, query.limit) : rows).map(toSummary);
    if (upward) {
      // Scanned upwards from `after`: the newest of them comes first, like every page.
      items.reverse();
      const newest = items[0];
      const oldest = items.at(-1);
      return {
        items,
        next: oldest ? oldest.id : (query.after ?? null),
        prev: hasMore && newest ? newest.id : null,
      };
    }
    const last = items.at(-1);
    return { items, next: hasMore && last ? last.id : null };
  }

  /** Up to limit + 1 rows of one page, from the table or from one full-text index. */
  private listRows(query: ListCapturesQuery, search: SearchIndex | null): CaptureRow[] {
    const { from, where, params } = filterClause(query, search);
    const upward = query.after !== undefined && query.before === undefined;
    if (query.before !== undefined) {
      where.push(search ? 'f.rowid < ?' : 'c.id < ?');
      params.push(query.before);
    } else if (upward) {
      where.push(search ? 'f.rowid > ?' : 'c.id > ?');
      params.push(query.after);
    }
    const order = `${search ? 'f.rowid' : 'c.id'} ${upward ? 'ASC' : 'DESC'}`;
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
    params.push(query.limit + 1);
    let stmt = this.listCache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<unknown[], CaptureRow>(sql);
      this.listCache.set(sql, stmt);
    }
    // An FTS query the user typed can still be rejected by SQLite (e.g. a lone operator): treat as no hits.
    try {
      return stmt.all(...params);
    } catch (error) {
      if (search && error instanceof Error && /fts5|syntax/i.test(error.message)) return [];
      throw error;
    }
  }

  /** Sets (or, with null, removes) a capture's note and its search entry; false when there is no such capture. */
  setNote(id: number, note: string | null): boolean {
    if (this.setNoteStmt.run(note, id).changes === 0) return false;
    this.deleteNoteFtsStmt.run(id);
    if (note !== null) this.insertNoteFtsStmt.run(id, note);
    return true;
  }

  /** Every capture a "clear, keep starred" deletes. */
  unstarredIds(): number[] {
    return this.unstarredIdsStmt.all().map((row) => row.id);
  }

  /**
   * Ids matching a filter in ascending order after `after` (for exports and bulk replays, which walk
   * a whole selection without holding it in memory twice). A search matches notes too, merged like
   * `list` does.
   */
  listIds(
    query: Pick<ListCapturesQuery, 'provider' | 'q' | 'conversation' | 'starred'>,
    after: number,
    limit: number,
  ): number[] {
    const match = query.q ? ftsQuery(query.q) : null;
    if (match) this.fts.catchUp();
    const ids = this.idRows(query, match ? { index: 'captures_fts', match } : null, after, limit);
    if (!match || !this.anyNoteStmt.get()) return ids;
    const noted = this.idRows(query, { index: 'capture_notes_fts', match }, after, limit);
    if (noted.length === 0) return ids;
    return [...new Set([...ids, ...noted])].sort((a, b) => a - b).slice(0, limit);
  }

  private idRows(
    query: Pick<ListCapturesQuery, 'provider' | 'conversation' | 'starred'>,
    search: SearchIndex | null,
    after: number,
    limit: number,
  ): number[] {
    const { from, where, params } = filterClause(query, search);
    where.push('c.id > ?');
    params.push(after);
    const sql = `SELECT c.id AS id FROM ${from} WHERE ${where.join(' AND ')} ORDER BY c.id ASC LIMIT ?`;
    params.push(limit);
    let stmt = this.idsCache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<unknown[], { id: number }>(sql);
      this.idsCache.set(sql, stmt);
    }
    try {
      return stmt.all(...params).map((row) => row.id);
    } catch (error) {
      if (search && error instanceof Error && /fts5|syntax/i.test(error.message)) return [];
      throw error;
    }
  }

  /** Stars or unstars captures; answers the ids that exist. */
  star(ids: number[], starred: boolean): number[] {
    const found: number[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = this.db
        .prepare<unknown[], { id: number }>(
          `UPDATE captures SET starred = ? WHERE id IN (${chunk.map(() => '?').join(',')}) RETURNING id`,
        )
        .all(starred ? 1 : 0, ...chunk);
      for (const row of rows) found.push(row.id);
    }
    return found.sort((a, b) => a - b);
  }

  count(filter: { starred?: true } = {}): number {
    return (filter.starred ? this.countStarredStmt : this.countStmt).get()?.n ?? 0;
  }

  /** The oldest captures retention may delete (starred ones are kept). */
  oldestUnstarred(limit: number): number[] {
    return this.oldestUnstarredStmt.all(limit).map((row) => row.id);
  }

  /** Unstarred captures received before `cutoff` (epoch ms), oldest first. */
  unstarredBefore(cutoff: number, limit: number): number[] {
    return this.unstarredBeforeStmt.all(cutoff, limit).map((row) => row.id);
  }

  /**
   * Deletes captures with everything that hangs on them: bodies and messages (cascade), full-text
   * entries, and the conversation summaries they fed (recounted from what remains).
   */
  delete(ids: number[]): number {
    const affected = this.messages.conversationsOfCaptures(ids);
    let deleted = 0;
    const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',');
    const anyNotes = this.anyNoteStmt.get() !== undefined;
    this.raiseIdFloorStmt.run();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      this.db
        .prepare(`DELETE FROM captures_fts WHERE rowid IN (${placeholders(chunk.length)})`)
        .run(...chunk);
      if (anyNotes) {
        this.db
          .prepare(`DELETE FROM capture_notes_fts WHERE rowid IN (${placeholders(chunk.length)})`)
          .run(...chunk);
      }
      deleted += this.db
        .prepare(`DELETE FROM captures WHERE id IN (${placeholders(chunk.length)})`)
        .run(...chunk).changes;
    }
    this.messages.recountConversations(affected);
    this.fts.afterDelete();
    return deleted;
  }

  clear(): number {
    const { n } = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM captures').get() ?? { n: 0 };
    this.raiseIdFloorStmt.run();
    this.db.exec(`
      DELETE FROM messages;
      DELETE FROM bodies;
      DELETE FROM captures;
      DELETE FROM conversations;
      INSERT INTO captures_fts (captures_fts) VALUES ('delete-all');
      INSERT INTO capture_notes_fts (capture_notes_fts) VALUES ('delete-all');
    `);
    this.fts.reset();
    return n;
  }
}

type SearchIndex = { index: 'captures_fts' | 'capture_notes_fts'; match: string };

/** FROM and WHERE parts shared by list pages and id walks: the filter, through one search index. */
function filterClause(
  query: Pick<ListCapturesQuery, 'provider' | 'conversation' | 'starred'>,
  search: SearchIndex | null,
): { from: string; where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'captures c';
  if (search) {
    from = `${search.index} f JOIN captures c ON c.id = f.rowid`;
    where.push(`${search.index} MATCH ?`);
    params.push(search.match);
  }
  if (query.provider) {
    where.push('c.provider = ?');
    params.push(query.provider);
  }
  if (query.conversation) {
    where.push('c.conversation_key = ?');
    params.push(query.conversation);
  }
  if (query.starred !== undefined) {
    where.push(query.starred ? 'c.starred = 1' : 'c.starred = 0');
  }
  return { from, where, params };
}

function responseMeta(response: StoredResponse): StoredResponseMeta {
  return {
    status: response.status,
    headers: response.headers,
    bodySize: response.bodySize ?? response.body.length,
    bodyTruncated: response.bodyTruncated ?? false,
    source: response.source,
    ...(response.ruleIndex === undefined ? {} : { ruleIndex: response.ruleIndex }),
  };
}
