import type { Clock, TimerHandle } from '../../electron/core/tunnel/clock.js';

/** Lets pending promise callbacks run (they are queued behind one macrotask turn). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A clock for state-machine tests. Timers run on a monotonic time that only `advance` moves;
 * `sleep` moves the wall clock alone, as a suspended laptop does (timers do not run while asleep).
 */
export class FakeClock implements Clock {
  private wall: number;
  private mono = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { due: number; callback: () => void }>();

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.wall = start;
  }

  now(): number {
    return this.wall;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { due: this.mono + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** Moves both clocks forward, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.mono + ms;
    await settle();
    for (;;) {
      let nextId: number | null = null;
      let nextDue = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.due <= end && timer.due < nextDue) {
          nextDue = timer.due;
          nextId = id;
        }
      }
      if (nextId === null) break;
      const timer = this.timers.get(nextId);
      this.timers.delete(nextId);
      this.wall += nextDue - this.mono;
      this.mono = nextDue;
      timer?.callback();
      await settle();
    }
    this.wall += end - this.mono;
    this.mono = end;
  }

  /** The computer sleeps for `ms`: wall time jumps, timers stand still. */
  sleep(ms: number): void {
    this.wall += ms;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}
