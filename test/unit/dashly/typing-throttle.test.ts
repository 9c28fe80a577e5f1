import { describe, expect, it } from 'vitest';
import { TypingThrottle } from '../../../electron/core/dashly/typing-throttle.js';

describe('TypingThrottle', () => {
  it('lets one call per conversation through per interval', () => {
    let now = 1_000_000;
    const throttle = new TypingThrottle(3000, () => now);
    expect(throttle.tryAcquire('a')).toBe(true);
    now += 1000;
    expect(throttle.tryAcquire('a')).toBe(false);
    expect(throttle.tryAcquire('b')).toBe(true);
    now += 1999;
    expect(throttle.tryAcquire('a')).toBe(false);
    now += 1;
    expect(throttle.tryAcquire('a')).toBe(true);
    expect(throttle.tryAcquire('a')).toBe(false);
  });

  it('forgets idle conversations instead of growing without bound', () => {
    let now = 0;
    const throttle = new TypingThrottle(3000, () => now);
    for (let i = 0; i < 5000; i++) {
      now += 10;
      expect(throttle.tryAcquire(`c${i}`)).toBe(true);
    }
    const size = (throttle as unknown as { lastCall: Map<string, number> }).lastCall.size;
    expect(size).toBeLessThanOrEqual(1000);
    // A conversation seen within the interval is still throttled after pruning.
    expect(throttle.tryAcquire('c4999')).toBe(false);
  });
});
