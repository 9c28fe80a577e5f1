import { describe, expect, it } from 'vitest';
import { EventBatcher } from '../../../renderer/api/event-batcher.js';

/** A hand-driven clock, frame queue and timer list: the batcher's schedule, step by step. */
function harness(burstIntervalMs: number, hidden = false) {
  let now = 0;
  const frames: (() => void)[] = [];
  const timers: { at: number; callback: () => void }[] = [];
  const delivered: number[][] = [];
  const batcher = new EventBatcher<number>({
    deliver: (items) => delivered.push(items),
    burstIntervalMs,
    now: () => now,
    requestFrame: (callback) => frames.push(callback),
    setTimer: (callback, ms) => timers.push({ at: now + ms, callback }),
    isHidden: () => hidden,
  });
  return {
    batcher,
    delivered,
    frames,
    timers,
    /** Runs the pending animation frames at time `at`. */
    frame(at: number) {
      now = at;
      for (const callback of frames.splice(0)) callback();
    },
    /** Advances to `at`, firing due timers in order. */
    advance(at: number) {
      now = at;
      for (const timer of timers.filter((t) => t.at <= at).sort((a, b) => a.at - b.at)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    },
  };
}

describe('EventBatcher', () => {
  it('delivers an isolated event at the next animation frame', () => {
    const h = harness(100);
    h.batcher.push(1);
    expect(h.delivered).toEqual([]);
    expect(h.frames).toHaveLength(1);
    h.frame(16);
    expect(h.delivered).toEqual([[1]]);
  });

  it('delivers everything that arrived before the frame together, once', () => {
    const h = harness(100);
    h.batcher.push(1);
    h.batcher.push(2);
    h.batcher.push(3);
    expect(h.frames).toHaveLength(1);
    h.frame(16);
    expect(h.delivered).toEqual([[1, 2, 3]]);
  });

  it('during a burst, waits until the interval since the last delivery has passed', () => {
    const h = harness(100);
    h.batcher.push(1);
    h.frame(16);
    // Arrives 24 ms after the first delivery: held until 116 ms, then the next frame.
    h.advance(40);
    h.batcher.push(2);
    h.batcher.push(3);
    expect(h.frames).toHaveLength(0);
    expect(h.timers.map((t) => t.at)).toEqual([116]);
    h.advance(115);
    expect(h.frames).toHaveLength(0);
    h.advance(116);
    h.batcher.push(4);
    expect(h.delivered).toEqual([[1]]);
    h.frame(120);
    expect(h.delivered).toEqual([[1], [2, 3, 4]]);
  });

  it('loses nothing and keeps order over a long burst', () => {
    const h = harness(100);
    let next = 0;
    for (let t = 0; t < 2000; t += 2) {
      h.advance(t);
      h.batcher.push(next++);
      if (t % 16 === 0) h.frame(t);
    }
    h.advance(5000);
    h.frame(5000);
    expect(h.delivered.flat()).toEqual(Array.from({ length: next }, (_, i) => i));
    // One delivery per 100 ms at most (plus the first).
    expect(h.delivered.length).toBeLessThanOrEqual(2000 / 100 + 2);
    expect(h.batcher.pending).toBe(0);
  });

  it('with a zero interval delivers on every frame (the switch for the A/B run)', () => {
    const h = harness(0);
    for (let i = 0; i < 5; i++) {
      h.batcher.push(i);
      h.frame(i * 16 + 16);
    }
    expect(h.delivered).toEqual([[0], [1], [2], [3], [4]]);
  });

  it('uses a timer in a hidden tab, where animation frames do not run', () => {
    const h = harness(100, true);
    h.batcher.push(1);
    expect(h.frames).toHaveLength(0);
    expect(h.timers.map((t) => t.at)).toEqual([250]);
    h.advance(250);
    expect(h.delivered).toEqual([[1]]);
  });
});
