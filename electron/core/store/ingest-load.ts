import { performance } from 'node:perf_hooks';

export interface IngestLoadOptions {
  /** Length of a counting window. */
  windowMs: number;
  /** Captures committed in a window for it to count as a flood at all; 0 counts every window. */
  minCommits: number;
  /** Share of the window the event loop must have been working (the deriver's own slices left out). */
  busyShare: number;
}

/**
 * How hard the listener is working, judged per window: a window is saturated when enough captures
 * were committed in it and the event loop had no time to spare, the deriver's own work left out.
 * A rate alone would misjudge the machine (1,000 webhooks/s take half a core on one laptop and all
 * of it on another), and event-loop load alone would count a long search or a busy UI as a flood.
 */
export class IngestLoad {
  private windowStart = performance.now();
  private commits = 0;
  private ownMs = 0;
  private elu = performance.eventLoopUtilization();
  private previous = { saturated: false, commits: 0 };
  private earlierSaturated = false;

  constructor(private readonly options: IngestLoadOptions) {}

  noteCommitted(count: number): void {
    this.roll();
    this.commits += count;
  }

  /** Time the deriver itself kept the event loop, which must not count as the listener's load. */
  noteOwnWork(ms: number): void {
    this.roll();
    this.ownMs += ms;
  }

  /** The last two whole windows were saturated: a flood, not one late batch after a stall. */
  sustained(): boolean {
    if (this.options.minCommits === 0) return true;
    this.roll();
    return this.previous.saturated && this.earlierSaturated;
  }

  /** The last whole window was saturated. */
  saturated(): boolean {
    this.roll();
    return this.previous.saturated;
  }

  /** Captures were committed in this window or the one before it. */
  active(): boolean {
    this.roll();
    return this.commits > 0 || this.previous.commits > 0;
  }

  private roll(): void {
    const now = performance.now();
    const { windowMs, minCommits, busyShare } = this.options;
    const passed = Math.floor((now - this.windowStart) / windowMs);
    if (passed < 1) return;
    const elu = performance.eventLoopUtilization(this.elu);
    this.elu = performance.eventLoopUtilization();
    // Of the time the deriver left to the listener, how much it used.
    const left = elu.active + elu.idle - this.ownMs;
    const share = left > 0 ? Math.max(0, elu.active - this.ownMs) / left : 0;
    const saturated = this.commits >= Math.max(1, minCommits) && share >= busyShare;
    // Windows nobody asked about in between had no commits: they were quiet ones.
    this.earlierSaturated = passed === 1 ? this.previous.saturated : passed === 2 && saturated;
    this.previous = passed === 1 ? { saturated, commits: this.commits } : { saturated: false, commits: 0 };
    this.commits = 0;
    this.ownMs = 0;
    this.windowStart = passed > 2 ? now : this.windowStart + passed * windowMs;
  }
}
