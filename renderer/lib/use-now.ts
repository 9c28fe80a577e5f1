import { useSyncExternalStore } from 'react';

/** One shared clock for every countdown on screen; it ticks only while something listens. */
const TICK_MS = 100;
const listeners = new Set<() => void>();
let timer: number | undefined;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = window.setInterval(() => {
      now = Date.now();
      for (const item of listeners) item();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, re-rendering about ten times a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
