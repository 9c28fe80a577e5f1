import { performance } from 'node:perf_hooks';

export interface IngestLoadOptions {
  /** Length of a counting window. */
  windowMs: number;
  /** Captures committed in a window for it to count as a flood at all; 0 counts every window. */
  minCommits: number;
  /** Share of a window the listener kept the event loop working for it to count as saturated. */
  saturatedShare: number;
  /** Share for a sustained flood: two windows in a row at least this busy. */
  floodShare: number;
}

interface Window {
  commits: number;
  /** Of the time the deriver left, the share the event loop was working. */
  share: number;
}

const QUIET: Window = { commits: 0, share: 0 };

/**
 * How hard the listener is working, judged per window: enough captures committed in it, and the
 * event loop without time to spare, the deriver's own work left out. A rate alone would misjudge
 * the machine (1,000 webhooks/s take half a core on one laptop and all of it on another), and
 * event-loop load alone would count a long search or a busy UI as a flood.
 */
export class IngestLoad {
  private windowStart = performance.now();
  private commits = 0;
  private ownMs = 0;
  private elu = performance.eventLoopUtilization();
  private previous: Window = QUIET;
  private earlier: Window = QUIET;

  constructor(private readonly options: IngestLoadOptions) {}

  noteCommitted(count: number): void {
    this.roll();
    this.commits += count;
  }

  /** Time the deriver itself kept the event loop, which must not count as the listener's load. */
  noteOwnWork(ms: number): void {
    // Counted before the window closes: its busy time is measured up to now, this slice included.
    this.ownMs += ms;
    this.roll();
  }

  /** The last two whole windows were flooded: not one late batch after a stall, nor a busy moment. */
  sustained(): boolean {
    if (this.options.minCommits === 0) return true;
    this.roll();
    const flooded = (window: Window) => this.counts(window) && window.share >= this.options.floodShare;
    return flooded(this.previous) && flooded(this.earlier);
  }

  /** The last whole window was saturated. */
  saturated(): boolean {
    this.roll();
    return this.counts(this.previous) && this.previous.share >= this.options.saturatedShare;
  }

  /** Captures were committed in this window or the one before it. */
  active(): boolean {
    this.roll();
    return this.commits > 0 || this.previous.commits > 0;
  }

  private counts(window: Window): boolean {
    return window.commits >= Math.max(1, this.options.minCommits);
  }

  private roll(): void {
    const now = performance.now();
    const { windowMs } = this.options;
    const passed = Math.floor((now - this.windowStart) / windowMs);
    if (passed < 1) return;
    const elu = performance.eventLoopUtilization(this.elu);
    this.elu = performance.eventLoopUtilization();
    const span = elu.active + elu.idle;
    const left = span - this.ownMs;
    const closed: Window = {
      commits: this.commits,
      // A window the deriver took nearly all of says nothing about the listener: not saturated.
      share: left >= span / 4 ? Math.max(0, elu.active - this.ownMs) / left : 0,
    };
    // Windows nobody asked about in between had no commits: they were quiet ones.
    this.earlier = passed === 1 ? this.previous : passed === 2 ? closed : QUIET;
    this.previous = passed === 1 ? closed : QUIET;
    this.commits = 0;
    this.ownMs = 0;
    this.windowStart = passed > 2 ? now : this.windowStart + passed * windowMs;
  }
}
