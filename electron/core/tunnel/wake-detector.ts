import type { Clock, TimerHandle } from './clock.js';

/**
 * Notices the computer sleeping (or its clock being set): timers do not run during sleep, so a
 * tick that arrives much later by the wall clock than it was due means time jumped. The tunnel
 * is then re-checked at once instead of at the next poll, which may be minutes of lost webhooks.
 */
export function startWakeDetector(
  clock: Clock,
  options: { intervalMs: number; thresholdMs: number },
  onJump: (jumpMs: number) => void,
): () => void {
  let last = clock.now();
  let timer: TimerHandle | null = null;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    const now = clock.now();
    const drift = now - last - options.intervalMs;
    last = now;
    timer = clock.setTimeout(tick, options.intervalMs);
    if (Math.abs(drift) > options.thresholdMs) onJump(drift);
  };
  timer = clock.setTimeout(tick, options.intervalMs);
  return () => {
    stopped = true;
    if (timer !== null) clock.clearTimeout(timer);
  };
}
