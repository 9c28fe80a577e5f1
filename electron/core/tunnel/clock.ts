/** Time as the tunnel supervisor sees it; injected so tests can run years of backoff in milliseconds. */
export interface Clock {
  /** Wall-clock epoch ms (jumps when the computer sleeps or the clock is set). */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque: whatever the clock's setTimeout returned. */
export type TimerHandle = object | number;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    // Unref'd: a pending retry or poll must never keep a stopping process alive.
    return setTimeout(callback, ms).unref();
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};
