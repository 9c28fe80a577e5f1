import { describe, expect, it } from 'vitest';
import { startWakeDetector } from '../../../electron/core/tunnel/wake-detector.js';
import { FakeClock } from '../../helpers/fake-clock.js';

describe('startWakeDetector', () => {
  it('reports a sleep (wall clock jumps while timers stand still), and nothing otherwise', async () => {
    const clock = new FakeClock();
    const jumps: number[] = [];
    const stop = startWakeDetector(clock, { intervalMs: 5000, thresholdMs: 15_000 }, (ms) => jumps.push(ms));
    await clock.advance(60_000);
    expect(jumps).toEqual([]);
    clock.sleep(10_000); // below the threshold: a busy moment, not a sleep
    await clock.advance(5000);
    expect(jumps).toEqual([]);
    clock.sleep(20 * 60_000);
    await clock.advance(5000);
    expect(jumps).toEqual([20 * 60_000]);
    clock.sleep(-60_000); // the clock set back
    await clock.advance(5000);
    expect(jumps).toEqual([20 * 60_000, -60_000]);
    stop();
    clock.sleep(60 * 60_000);
    await clock.advance(60_000);
    expect(jumps).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
  });
});
