import type { Database, Statement } from 'better-sqlite3';

/** Where the indexer's progress is kept: every capture with an id up to this value is indexed. */
export const FTS_WATERMARK_KEY = 'convoscope.ftsIndexedThrough';

/** Rows per transaction when a search waits for the index. */
const CATCH_UP_BATCH = 5000;

/** Rebuilds a capture's search text from what is stored (after a crash lost the queue). */
export type SearchTextSource = (captureId: number) => string | null;

export interface FtsIndexerOptions {
  /** Off: every entry is written with its capture, as before (the benchmark's A/B switch). */
  deferred: boolean;
  /** Rows per background indexing transaction (default 250, a few milliseconds). */
  batchSize?: number;
  /** A quiet listener for this long triggers indexing (default 100 ms). */
  idleMs?: number;
  /** Pending entries are never older than this (default 1000 ms), even under constant load. */
  maxDelayMs?: number;
  /** Memory bound: more pending text than this is indexed at once (default 8 MiB). */
  maxPendingBytes?: number;
}

interface Pending {
  id: number;
  text: string;
}

/**
 * The full-text index, written behind the captures rather than inside the listener's commits.
 * Tokenising and merging FTS5 segments cost about as much as storing the capture itself; done in
 * large batches when the listener is quiet (or at least once a second) they cost a fraction.
 *
 * Guarantees: a search first catches up (`catchUp()`), so it finds every committed capture; the
 * captures themselves are committed exactly as before, so nothing about crash safety changes; the
 * progress (`FTS_WATERMARK_KEY`, in the settings table) is committed with each batch, and captures
 * after it whose text was only in memory when the process died are re-derived from their stored
 * request on the next start (`resumeFrom`).
 */
export class FtsIndexer {
  private queue: Pending[] = [];
  private queuedBytes = 0;
  /** Captures committed before this run whose entries may be missing: (from, to], re-derived. */
  private recovery: { after: number; through: number } | null = null;
  private source: SearchTextSource | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerIsImmediate = false;
  private oldestPendingAt = 0;
  private closed = false;
  private readonly insertStmt: Statement<[number, string]>;
  private readonly existsStmt: Statement<[number], number>;
  private readonly watermarkStmt: Statement<[string]>;
  private readonly rangeStmt: Statement<[number, number], { id: number }>;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly maxDelayMs: number;
  private readonly maxPendingBytes: number;

  constructor(
    private readonly db: Database,
    readonly options: FtsIndexerOptions,
  ) {
    this.batchSize = options.batchSize ?? 250;
    this.idleMs = options.idleMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 1000;
    this.maxPendingBytes = options.maxPendingBytes ?? 8 * 1024 * 1024;
    // Two statements rather than `INSERT … SELECT … WHERE EXISTS`: SQLite runs an INSERT into a
    // virtual table from a SELECT through a temporary table, which cost three times the entry itself.
    this.insertStmt = db.prepare('INSERT INTO captures_fts (rowid, text) VALUES (?, ?)');
    this.existsStmt = db.prepare<[number], number>('SELECT 1 FROM captures WHERE id = ?').pluck();
    this.watermarkStmt = db.prepare(
      `INSERT INTO settings (key, value) VALUES ('${FTS_WATERMARK_KEY}', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    this.rangeStmt = db.prepare('SELECT id FROM captures WHERE id > ? AND id <= ? ORDER BY id');
    const maxId = this.maxCaptureId();
    const stored = db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(FTS_WATERMARK_KEY);
    if (stored === undefined) {
      // A store from before deferred indexing (or a new one): everything in it is indexed.
      this.watermarkStmt.run(String(maxId));
    } else {
      const through = Math.min(Number(stored.value) || 0, maxId);
      if (through < maxId) this.recovery = { after: through, through: maxId };
    }
  }

  /** Whether entries are written later (the default) or with their capture. */
  get deferred(): boolean {
    return this.options.deferred;
  }

  /** How entries lost in a crash are rebuilt; without one they are skipped (tests of the store alone). */
  setSource(source: SearchTextSource): void {
    this.source = source;
  }

  get pendingCount(): number {
    return this.queue.length + (this.recovery ? this.recovery.through - this.recovery.after : 0);
  }

  /** Called inside the capture's transaction. */
  add(id: number, text: string): void {
    if (!this.options.deferred) {
      if (text) this.insertStmt.run(id, text);
      this.watermarkStmt.run(String(id));
      return;
    }
    if (this.queue.length === 0) this.oldestPendingAt = Date.now();
    this.queue.push({ id, text });
    this.queuedBytes += text.length * 2;
    this.schedule();
  }

  /** Indexes everything pending now (before a search, on close). */
  catchUp(): void {
    while (this.pendingCount > 0 && !this.db.inTransaction) {
      if (!this.indexBatch(CATCH_UP_BATCH)) break;
    }
  }

  /** After every capture was deleted. */
  reset(): void {
    this.queue = [];
    this.queuedBytes = 0;
    this.recovery = null;
    this.watermarkStmt.run('0');
  }

  /**
   * After deletes: queued entries of deleted captures are dropped, and the progress never claims more
   * than the captures that remain (ids are not reused since migration 8; this keeps the watermark
   * honest however ids are handed out).
   */
  afterDelete(): void {
    const maxId = this.maxCaptureId();
    if (this.queue.some((entry) => entry.id > maxId)) {
      this.queue = this.queue.filter((entry) => entry.id <= maxId);
      this.queuedBytes = this.queue.reduce((sum, entry) => sum + entry.text.length * 2, 0);
    }
    if (this.recovery && this.recovery.through > maxId) {
      this.recovery.through = maxId;
      if (this.recovery.after >= maxId) this.recovery = null;
    }
    if (this.watermark() > maxId) this.watermarkStmt.run(String(maxId));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.db.open) this.catchUp();
  }

  private schedule(): void {
    if (this.closed) return;
    const overdue = Date.now() - this.oldestPendingAt >= this.maxDelayMs;
    if (overdue || this.queuedBytes > this.maxPendingBytes) {
      if (this.timerIsImmediate) return;
      this.setTimer(0);
      return;
    }
    this.setTimer(this.idleMs);
  }

  private setTimer(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerIsImmediate = ms === 0;
    this.timer = setTimeout(() => this.runScheduled(), ms);
    this.timer.unref();
  }

  private runScheduled(): void {
    this.timer = null;
    this.timerIsImmediate = false;
    if (this.closed || !this.db.open) return;
    try {
      this.indexBatch(this.batchSize);
    } catch {
      // A failing store is the health monitor's business; the entries stay queued for the next try.
      this.setTimer(1000);
      return;
    }
    // Small batches, one per turn of the event loop: the listener's commits go in between.
    if (this.pendingCount > 0) this.setTimer(0);
  }

  /**
   * One transaction: captures to recover first (the oldest ids), then the queue, in id order; the
   * progress is committed with the entries. Answers whether anything was done.
   */
  private indexBatch(limit: number): boolean {
    if (this.db.inTransaction) return false;
    const recovery = this.recovery;
    if (recovery) {
      const last = Math.min(recovery.through, recovery.after + limit);
      this.db.transaction(() => {
        const ids = this.rangeStmt.all(recovery.after, last);
        for (const { id } of ids) {
          const text = this.source?.(id) ?? null;
          if (text) this.insertStmt.run(id, text);
        }
        this.watermarkStmt.run(String(last));
      })();
      recovery.after = last;
      if (recovery.after >= recovery.through) this.recovery = null;
      return true;
    }
    if (this.queue.length === 0) return false;
    const batch = this.queue.slice(0, limit);
    this.db.transaction(() => {
      for (const entry of batch) if (entry.text) this.insertEntry(entry.id, entry.text);
      this.watermarkStmt.run(String(batch[batch.length - 1]?.id ?? 0));
    })();
    for (const entry of batch) this.queuedBytes -= entry.text.length * 2;
    this.queue = this.queue.slice(batch.length);
    if (this.queue.length > 0) this.oldestPendingAt = Date.now();
    return true;
  }

  /** Only captures that still exist: one deleted (or rolled back) while queued gets no entry. */
  private insertEntry(id: number, text: string): void {
    if (this.existsStmt.get(id) !== undefined) this.insertStmt.run(id, text);
  }

  private watermark(): number {
    const row = this.db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(FTS_WATERMARK_KEY);
    return row ? Number(row.value) || 0 : 0;
  }

  private maxCaptureId(): number {
    return this.db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM captures').get()?.id ?? 0;
  }
}
