import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../electron/core/tunnel/backoff.js';

const policy = { baseMs: 1000, capMs: 60_000, minMs: 250 };

describe('backoffDelay (exponential, full jitter)', () => {
  it('doubles the ceiling per consecutive failure up to the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 30, 5000].map((n) => backoffDelay(n, policy, () => 1));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000]);
  });

  it('spreads delays uniformly between the floor and the ceiling', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(250);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(250 + 0.5 * (4000 - 250));
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(4, policy);
      expect(delay).toBeGreaterThanOrEqual(250);
      expect(delay).toBeLessThanOrEqual(8000);
      seen.add(Math.floor(delay / 1000));
    }
    // Jitter really spreads: the 200 delays fall into most of the eight 1 s buckets.
    expect(seen.size).toBeGreaterThanOrEqual(6);
  });

  it('treats zero or negative failure counts as the first, and clamps a bad random source', () => {
    expect(backoffDelay(0, policy, () => 1)).toBe(1000);
    expect(backoffDelay(-3, policy, () => 1)).toBe(1000);
    expect(backoffDelay(1, policy, () => 7)).toBe(1000);
    expect(backoffDelay(1, policy, () => -1)).toBe(250);
  });

  it('never goes below the floor even when the ceiling is lower', () => {
    expect(backoffDelay(1, { baseMs: 100, capMs: 100, minMs: 250 }, () => 1)).toBe(250);
  });
});
