import fs from 'node:fs';
import path from 'node:path';
import type { AppHealth, HealthNotice, StoreHealth } from '../../../shared/model/health.js';
import type { Log } from '../log.js';
import { DAMAGED_MARKER_FILE, setBusyTimeout } from './database.js';
import { classifyStoreError } from './store-errors.js';
import type { Store } from './store.js';

/** While failing, a write that waits for a lock blocks the event loop; keep the wait short. */
const FAILING_BUSY_TIMEOUT_MS = 100;
const PROBE_KEY = 'convoscope.healthProbe';
/** The parsing backlog is announced at most this often while it changes. */
const PARSING_ANNOUNCE_MS = 1000;
/** Bigger than a typical webhook, so a probe that fits means captures fit again. */
const PROBE_BYTES = 64 * 1024;

export interface StoreHealthOptions {
  store: Store;
  dataDir: string;
  log: Log;
  onChange: (health: AppHealth) => void;
  /** How often a failing store is retried when no webhook arrives to retry it (default 2 s). */
  probeIntervalMs?: number;
}

/**
 * Tracks whether the store takes writes. A failed capture write turns it `failing` (logged once,
 * announced as `app.health`); the listener then answers 503 + Retry-After to what it cannot store.
 * Every later write is a retry, and while failing a probe (a committed 64 KiB write and delete)
 * runs every few seconds, so the state returns to `ok` by itself once the cause is gone.
 */
export class StoreHealthMonitor {
  private state: StoreHealth = { state: 'ok', problem: null, message: null, since: null, refused: 0 };
  private readonly notices: HealthNotice[] = [];
  private probeTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private announcedRefused = 0;
  private parsingPending = 0;
  private parsingAnnouncedAt = 0;

  constructor(private readonly options: StoreHealthOptions) {}

  current(): AppHealth {
    return {
      store: { ...this.state },
      notices: [...this.notices],
      parsing: { pending: this.parsingPending },
    };
  }

  /**
   * The capture deriver's backlog. Announced when it starts or ends, and at most once a second in
   * between: a flood must not turn into a flood of events.
   */
  parsingBacklog(pending: number): void {
    if (pending === this.parsingPending) return;
    const edge = (pending === 0) !== (this.parsingPending === 0);
    this.parsingPending = pending;
    const now = Date.now();
    if (!edge && now - this.parsingAnnouncedAt < PARSING_ANNOUNCE_MS) return;
    this.parsingAnnouncedAt = now;
    this.emit();
  }

  get failing(): boolean {
    return this.state.state === 'failing';
  }

  addNotice(notice: Omit<HealthNotice, 'id' | 'at'>): void {
    const at = Date.now();
    this.notices.push({ ...notice, id: `${at}-${this.notices.length}`, at });
    this.options.log(`Notice: ${notice.message}`);
    this.emit();
  }

  writeFailed(error: unknown): void {
    const { problem, message } = classifyStoreError(error);
    if (this.state.state === 'failing' && this.state.problem === problem) return;
    const since = this.state.since ?? Date.now();
    this.state = { state: 'failing', problem, message, since, refused: this.state.refused };
    const detail = error instanceof Error ? error.message : String(error);
    this.options.log(`Store failing (${problem}): ${detail}. ${message}`);
    if (problem === 'corrupt') this.markDamaged();
    setBusyTimeout(this.options.store.db, FAILING_BUSY_TIMEOUT_MS);
    this.scheduleProbe();
    this.emit();
  }

  writeSucceeded(): void {
    if (this.state.state === 'ok') return;
    const seconds = Math.round((Date.now() - (this.state.since ?? Date.now())) / 1000);
    this.options.log(
      `Store recovered after ${seconds} s; ${this.state.refused} webhook(s) were answered 503 meanwhile.`,
    );
    this.state = { state: 'ok', problem: null, message: null, since: null, refused: 0 };
    setBusyTimeout(this.options.store.db);
    this.stopProbe();
    this.emit();
  }

  /** The listener answered 503 because a write failed. Counted, not logged one by one. */
  refused(): void {
    this.state = { ...this.state, refused: this.state.refused + 1 };
    // The count is in the next announcement; announcing every refusal would flood the UI.
  }

  close(): void {
    this.closed = true;
    this.stopProbe();
  }

  /** A committed write as big as a webhook: proves the disk has room and nobody holds the lock. */
  probe(): void {
    const { store } = this.options;
    try {
      store.transaction(() => {
        store.db
          .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
          .run(PROBE_KEY, 'x'.repeat(PROBE_BYTES));
        store.db.prepare('DELETE FROM settings WHERE key = ?').run(PROBE_KEY);
      });
    } catch (error) {
      this.writeFailed(error);
      // Announce the refusal count now and then rather than once per refused webhook.
      if (this.state.refused !== this.announcedRefused) this.emit();
      return;
    }
    this.writeSucceeded();
  }

  private scheduleProbe(): void {
    if (this.probeTimer || this.closed) return;
    this.probeTimer = setInterval(() => this.probe(), this.options.probeIntervalMs ?? 2000);
    this.probeTimer.unref();
  }

  private stopProbe(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
  }

  private markDamaged(): void {
    try {
      fs.writeFileSync(path.join(this.options.dataDir, DAMAGED_MARKER_FILE), `${new Date().toISOString()}\n`);
    } catch {
      // The next start simply will not run the full check.
    }
  }

  private emit(): void {
    this.announcedRefused = this.state.refused;
    this.options.onChange(this.current());
  }
}
