import { randomUUID } from 'node:crypto';
import type { BulkProgress, ReplayTarget } from '../../../shared/model/replay.js';
import { ApiError, notFound } from '../api/api-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { ReplayService } from './replay-service.js';

const PROGRESS_INTERVAL_MS = 250;
const KEPT_RUNS = 50;
const TOP_ERRORS = 10;

export interface BulkRequest {
  ids: number[];
  target: ReplayTarget;
  concurrency: number;
  resign: boolean;
  timeoutMs?: number | undefined;
}

function statusClass(status: number): keyof BulkProgress['byClass'] | null {
  const digit = Math.floor(status / 100);
  return digit >= 1 && digit <= 5 ? (`${digit}xx` as keyof BulkProgress['byClass']) : null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

class BulkRun {
  readonly id = randomUUID();
  readonly startedAt = Date.now();
  finishedAt: number | null = null;
  cancelled = false;
  private next = 0;
  private finished = 0;
  private failed = 0;
  private cancelledCount = 0;
  private readonly byClass = { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  private readonly durations: number[] = [];
  private readonly errors = new Map<string, number>();
  readonly runningReplays = new Set<number>();
  private inFlight = 0;
  readonly done: Promise<void>;
  private progressTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly request: BulkRequest,
    private readonly service: ReplayService,
    private readonly events: EventBus,
  ) {
    const workers = Array.from(
      { length: Math.min(request.concurrency, Math.max(1, request.ids.length)) },
      () => this.work(),
    );
    this.done = Promise.all(workers).then(() => this.complete());
  }

  private async work(): Promise<void> {
    while (!this.cancelled && this.next < this.request.ids.length) {
      const captureId = this.request.ids[this.next++]!;
      this.inFlight++;
      try {
        const started = this.service.replayCapture(
          captureId,
          this.request.target,
          undefined,
          this.request.resign,
          {
            bulkId: this.id,
            timeoutMs: this.request.timeoutMs,
            announce: false,
            remember: false,
          },
        );
        this.runningReplays.add(started.summary.id);
        // Cancelled between taking the id and starting: stop this one at once.
        if (this.cancelled) this.service.cancel(started.summary.id);
        const summary = await started.done;
        this.runningReplays.delete(started.summary.id);
        if (summary.state === 'ok' && summary.status !== null) {
          const klass = statusClass(summary.status);
          if (klass) this.byClass[klass]++;
        } else if (summary.state === 'cancelled') this.cancelledCount++;
        else this.fail(summary.error ?? 'No answer');
        if (summary.state !== 'cancelled' && summary.durationMs !== null)
          this.durations.push(summary.durationMs);
      } catch (error) {
        this.fail(
          error instanceof ApiError || error instanceof Error
            ? error.message
            : `Could not replay capture ${captureId}`,
        );
      } finally {
        this.inFlight--;
        this.finished++;
        this.scheduleProgress();
      }
    }
  }

  private fail(message: string): void {
    this.failed++;
    this.errors.set(message, (this.errors.get(message) ?? 0) + 1);
  }

  private scheduleProgress(): void {
    if (this.progressTimer || this.finishedAt !== null) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      if (this.finishedAt === null) this.events.emit('replay.bulk.progress', this.progress());
    }, PROGRESS_INTERVAL_MS);
  }

  private complete(): void {
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    // Ids never started because of a cancel count as cancelled.
    const notStarted = this.request.ids.length - this.finished;
    this.cancelledCount += notStarted;
    this.finished += notStarted;
    this.finishedAt = Date.now();
    const progress = this.progress();
    this.events.emit('replay.bulk.progress', progress);
    this.events.emit('replay.bulk.finished', progress);
  }

  progress(): BulkProgress {
    const sorted = [...this.durations].sort((a, b) => a - b);
    const errors = [...this.errors.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_ERRORS)
      .map(([message, count]) => ({ message, count }));
    return {
      bulkId: this.id,
      state: this.finishedAt === null ? 'running' : this.cancelled ? 'cancelled' : 'done',
      target: this.request.target,
      concurrency: this.request.concurrency,
      total: this.request.ids.length,
      done: this.finished,
      running: this.inFlight,
      byClass: { ...this.byClass },
      failed: this.failed,
      cancelled: this.cancelledCount,
      errors,
      timing:
        sorted.length === 0
          ? null
          : {
              min: sorted[0] ?? 0,
              max: sorted.at(-1) ?? 0,
              mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
              p50: percentile(sorted, 50),
              p95: percentile(sorted, 95),
            },
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
    };
  }
}

/** Bulk replays: many captures to one target with a concurrency limit, progress events and cancel. */
export class BulkReplays {
  private readonly runs = new Map<string, BulkRun>();

  constructor(private readonly deps: { service: ReplayService; events: EventBus }) {}

  start(request: BulkRequest): BulkProgress {
    if (request.ids.length === 0)
      throw new ApiError('bad_request', 'Nothing to replay: the selection is empty.');
    const run = new BulkRun(request, this.deps.service, this.deps.events);
    this.runs.set(run.id, run);
    while (this.runs.size > KEPT_RUNS) {
      const oldest = [...this.runs.values()].find((candidate) => candidate.finishedAt !== null);
      if (!oldest) break;
      this.runs.delete(oldest.id);
    }
    const progress = run.progress();
    this.deps.events.emit('replay.bulk.progress', progress);
    return progress;
  }

  status(bulkId: string): BulkProgress {
    const run = this.runs.get(bulkId);
    if (!run) throw notFound(`Bulk replay ${bulkId}`);
    return run.progress();
  }

  /** Waits until a run has finished (tests and scripts); resolves with its summary. */
  async wait(bulkId: string): Promise<BulkProgress> {
    const run = this.runs.get(bulkId);
    if (!run) throw notFound(`Bulk replay ${bulkId}`);
    await run.done;
    return run.progress();
  }

  async cancel(bulkId: string): Promise<BulkProgress> {
    const run = this.runs.get(bulkId);
    if (!run) throw notFound(`Bulk replay ${bulkId}`);
    if (run.finishedAt === null) {
      run.cancelled = true;
      for (const replayId of run.runningReplays) this.deps.service.cancel(replayId);
      await run.done;
    }
    return run.progress();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.runs.keys()].map((id) => this.cancel(id)));
  }
}
