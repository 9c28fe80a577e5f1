/**
 * Collects items (event frames) and delivers them together, at most once per animation frame, and
 * during a burst at most once per `burstIntervalMs`: an isolated event shows at the next frame, but
 * at hundreds of events per second the list is re-rendered a few times a second instead of on every
 * frame. Each delivery costs about the same (a render, a layout, a paint of the visible rows)
 * however many events it carries, so this bounds the main thread's work and keeps frames short.
 */
export interface EventBatcherOptions<T> {
  deliver(items: T[]): void;
  /** Minimum time between two deliveries while events keep coming; 0 delivers on every frame. */
  burstIntervalMs: number;
  now(): number;
  requestFrame(callback: () => void): void;
  setTimer(callback: () => void, ms: number): void;
  /** rAF does not run in a hidden tab: a timer keeps the queue bounded there. */
  isHidden(): boolean;
  hiddenIntervalMs?: number;
}

export class EventBatcher<T> {
  private queue: T[] = [];
  private scheduled = false;
  private lastDeliveryAt = -Infinity;

  constructor(private readonly options: EventBatcherOptions<T>) {}

  push(item: T): void {
    this.queue.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    const { options } = this;
    if (options.isHidden()) {
      options.setTimer(() => this.flush(), options.hiddenIntervalMs ?? 250);
      return;
    }
    const wait = this.lastDeliveryAt + options.burstIntervalMs - options.now();
    if (wait > 0) options.setTimer(() => options.requestFrame(() => this.flush()), wait);
    else options.requestFrame(() => this.flush());
  }

  /** Delivers what is queued now (also used by the scheduled callbacks). */
  flush(): void {
    this.scheduled = false;
    const items = this.queue;
    this.queue = [];
    if (items.length === 0) return;
    this.lastDeliveryAt = this.options.now();
    this.options.deliver(items);
  }

  get pending(): number {
    return this.queue.length;
  }
}
