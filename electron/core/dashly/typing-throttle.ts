export const TYPING_INTERVAL_MS = 3000;
const PRUNE_ABOVE = 1000;

/**
 * At most one `settyping` call per conversation per interval: the composer may report every
 * keystroke, and Dashly's clients keep "typing…" up for about 10 s after each call anyway.
 */
export class TypingThrottle {
  private readonly lastCall = new Map<string, number>();

  constructor(
    private readonly intervalMs = TYPING_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** True (and the slot is taken) when a call for this conversation may go out now. */
  tryAcquire(conversationKey: string): boolean {
    const now = this.now();
    const last = this.lastCall.get(conversationKey);
    if (last !== undefined && now - last < this.intervalMs) return false;
    if (this.lastCall.size >= PRUNE_ABOVE) this.prune(now);
    this.lastCall.set(conversationKey, now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, at] of this.lastCall) if (now - at >= this.intervalMs) this.lastCall.delete(key);
  }
}
