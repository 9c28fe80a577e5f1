import type { Database, Statement } from 'better-sqlite3';
import type { HeaderList } from '../../../shared/model/http.js';
import type {
  ReplayDetail,
  ReplaySummary,
  ReplayTarget,
  ReplayTargetKind,
  SignatureInfo,
} from '../../../shared/model/replay.js';

interface ReplayRow {
  id: number;
  capture_id: number | null;
  bulk_id: string | null;
  kind: 'replay' | 'compose';
  endpoint: string | null;
  target_kind: ReplayTargetKind;
  url: string;
  method: string;
  request_headers: string;
  request_body: Buffer | null;
  request_size: number;
  edited: number;
  signature: string | null;
  timeout_ms: number;
  started_at: number;
  state: ReplaySummary['state'];
  status: number | null;
  response_headers: string | null;
  response_body: Buffer | null;
  response_size: number | null;
  response_truncated: number;
  duration_ms: number | null;
  error: string | null;
  listener_capture_id: number | null;
}

type SummaryRow = Omit<ReplayRow, 'request_headers' | 'request_body' | 'response_headers' | 'response_body'>;

const SUMMARY_COLUMNS = `id, capture_id, bulk_id, kind, endpoint, target_kind, url, method, request_size, edited,
  signature, timeout_ms, started_at, state, status, response_size, response_truncated, duration_ms, error,
  listener_capture_id`;

export interface NewReplay {
  captureId: number | null;
  bulkId: string | null;
  kind: 'replay' | 'compose';
  endpoint: string | null;
  targetKind: ReplayTargetKind;
  url: string;
  method: string;
  requestHeaders: HeaderList;
  /** null: the capture's own body, byte for byte (not stored twice). */
  requestBody: Buffer | null;
  requestSize: number;
  edited: boolean;
  signature: SignatureInfo | null;
  timeoutMs: number;
  startedAt: number;
}

export interface ReplayOutcome {
  state: 'ok' | 'failed' | 'cancelled';
  status: number | null;
  headers: HeaderList | null;
  /** Bytes kept (at most the store limit). */
  body: Buffer | null;
  size: number | null;
  truncated: boolean;
  durationMs: number | null;
  error: string | null;
}

function toSummary(row: SummaryRow): ReplaySummary {
  return {
    id: row.id,
    captureId: row.capture_id,
    bulkId: row.bulk_id,
    kind: row.kind,
    targetKind: row.target_kind,
    url: row.url,
    method: row.method,
    endpoint: row.endpoint,
    edited: row.edited === 1,
    signature: row.signature ? (JSON.parse(row.signature) as SignatureInfo) : null,
    startedAt: row.started_at,
    timeoutMs: row.timeout_ms,
    state: row.state,
    status: row.status,
    durationMs: row.duration_ms,
    error: row.error,
    responseSize: row.response_size,
    listenerCaptureId: row.listener_capture_id,
  };
}

/** Replays and the replay targets remembered per endpoint. Statements are prepared once. */
export class ReplayRepository {
  private readonly insertStmt: Statement;
  private readonly finishStmt: Statement;
  private readonly linkStmt: Statement;
  private readonly summaryStmt: Statement<[number], SummaryRow>;
  private readonly detailStmt: Statement<[number], ReplayRow & { capture_body: Buffer | null }>;
  private readonly byCaptureStmt: Statement<[number, number, number], SummaryRow>;
  private readonly recentStmt: Statement<[number, number], SummaryRow>;
  private readonly byBulkStmt: Statement<[string, number, number], SummaryRow>;
  private readonly failRunningStmt: Statement;
  private readonly getTargetStmt: Statement<[string], { last: string; recent_urls: string }>;
  private readonly putTargetStmt: Statement;

  constructor(db: Database) {
    this.insertStmt = db.prepare(`
      INSERT INTO replays (capture_id, bulk_id, kind, endpoint, target_kind, url, method, request_headers,
        request_body, request_size, edited, signature, timeout_ms, started_at, state)
      VALUES (@captureId, @bulkId, @kind, @endpoint, @targetKind, @url, @method, @requestHeaders,
        @requestBody, @requestSize, @edited, @signature, @timeoutMs, @startedAt, 'running')`);
    this.finishStmt = db.prepare(`
      UPDATE replays SET state = @state, status = @status, response_headers = @headers, response_body = @body,
        response_size = @size, response_truncated = @truncated, duration_ms = @durationMs, error = @error
      WHERE id = @id`);
    this.linkStmt = db.prepare('UPDATE replays SET listener_capture_id = ? WHERE id = ?');
    this.summaryStmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM replays WHERE id = ?`);
    this.detailStmt = db.prepare(`
      SELECT r.*, b.request AS capture_body FROM replays r
      LEFT JOIN bodies b ON b.capture_id = r.capture_id WHERE r.id = ?`);
    this.byCaptureStmt = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM replays WHERE capture_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    );
    this.recentStmt = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM replays WHERE id < ? ORDER BY id DESC LIMIT ?`,
    );
    this.byBulkStmt = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM replays WHERE bulk_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    );
    this.failRunningStmt = db.prepare(
      `UPDATE replays SET state = 'failed', error = 'Convoscope stopped before the answer arrived' WHERE state = 'running'`,
    );
    this.getTargetStmt = db.prepare('SELECT last, recent_urls FROM replay_targets WHERE endpoint = ?');
    this.putTargetStmt = db.prepare(`
      INSERT INTO replay_targets (endpoint, last, recent_urls, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (endpoint) DO UPDATE SET last = excluded.last, recent_urls = excluded.recent_urls,
        updated_at = excluded.updated_at`);
  }

  insert(replay: NewReplay): number {
    const result = this.insertStmt.run({
      ...replay,
      requestHeaders: JSON.stringify(replay.requestHeaders),
      edited: replay.edited ? 1 : 0,
      signature: replay.signature ? JSON.stringify(replay.signature) : null,
    });
    return Number(result.lastInsertRowid);
  }

  finish(id: number, outcome: ReplayOutcome): void {
    this.finishStmt.run({
      id,
      state: outcome.state,
      status: outcome.status,
      headers: outcome.headers ? JSON.stringify(outcome.headers) : null,
      body: outcome.body,
      size: outcome.size,
      truncated: outcome.truncated ? 1 : 0,
      durationMs: outcome.durationMs,
      error: outcome.error,
    });
  }

  linkListenerCapture(id: number, captureId: number): void {
    this.linkStmt.run(captureId, id);
  }

  /** On start: replays that were running when the app stopped never got their answer. */
  failRunning(): number {
    return this.failRunningStmt.run().changes;
  }

  summary(id: number): ReplaySummary | null {
    const row = this.summaryStmt.get(id);
    return row ? toSummary(row) : null;
  }

  get(id: number): ReplayDetail | null {
    const row = this.detailStmt.get(id);
    if (!row) return null;
    const requestBody = row.request_body ?? row.capture_body ?? Buffer.alloc(0);
    return {
      ...toSummary(row),
      requestHeaders: JSON.parse(row.request_headers) as HeaderList,
      requestBody: { base64: requestBody.toString('base64'), size: row.request_size, truncated: false },
      responseHeaders: row.response_headers ? (JSON.parse(row.response_headers) as HeaderList) : null,
      responseBody:
        row.status === null
          ? null
          : {
              base64: (row.response_body ?? Buffer.alloc(0)).toString('base64'),
              size: row.response_size ?? 0,
              truncated: row.response_truncated === 1,
            },
    };
  }

  /** Newest first, keyset-paginated on id. */
  list(
    query: { captureId?: number | undefined; bulkId?: string | undefined },
    before: number | undefined,
    limit: number,
  ): { items: ReplaySummary[]; next: number | null } {
    const cursor = before ?? Number.MAX_SAFE_INTEGER;
    const rows =
      query.captureId !== undefined
        ? this.byCaptureStmt.all(query.captureId, cursor, limit + 1)
        : query.bulkId !== undefined
          ? this.byBulkStmt.all(query.bulkId, cursor, limit + 1)
          : this.recentStmt.all(cursor, limit + 1);
    const hasMore = rows.length > limit;
    const items = (hasMore ? rows.slice(0, limit) : rows).map(toSummary);
    return { items, next: hasMore ? (items.at(-1)?.id ?? null) : null };
  }

  target(endpoint: string): { last: ReplayTarget; recentUrls: string[] } | null {
    const row = this.getTargetStmt.get(endpoint);
    if (!row) return null;
    try {
      return {
        last: JSON.parse(row.last) as ReplayTarget,
        recentUrls: JSON.parse(row.recent_urls) as string[],
      };
    } catch {
      return null;
    }
  }

  rememberTarget(endpoint: string, last: ReplayTarget, recentUrls: string[]): void {
    this.putTargetStmt.run(endpoint, JSON.stringify(last), JSON.stringify(recentUrls), Date.now());
  }
}
