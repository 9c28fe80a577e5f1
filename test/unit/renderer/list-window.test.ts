import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/model/capture.js';
import {
  appendOlder,
  LIST_WINDOW_ROWS,
  prependNewer,
  type ListWindow,
} from '../../../renderer/state/list-window.js';

const row = (id: number): CaptureSummary => ({
  id,
  receivedAt: id,
  method: 'POST',
  path: '/kindly',
  provider: 'kindly',
  conversationKey: null,
  summary: `#${id}`,
  status: 200,
  size: 10,
  viaTunnel: false,
  parseError: false,
  starred: false,
});
/** Ids from `from` down to `to`, newest first. */
const rows = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => row(from - i));

describe('the capture list window', () => {
  it('stays bounded scrolling down a million rows, and knows how to come back', () => {
    let window: ListWindow = {
      captures: rows(1_000_000, 999_801),
      capturesNext: 999_801,
      capturesPrev: null,
    };
    for (let page = 0; page < 100; page++) {
      const next = window.capturesNext ?? 0;
      window = appendOlder(window, rows(next - 1, next - 200), next - 200);
      expect(window.captures.length).toBeLessThanOrEqual(LIST_WINDOW_ROWS);
    }
    expect(window.captures.at(-1)?.id).toBe(979_801);
    // Contiguous: no gaps inside the window.
    expect(window.captures.every((item, i, all) => i === 0 || all[i - 1]!.id - item.id === 1)).toBe(true);
    expect(window.capturesPrev).toBe(window.captures[0]!.id);

    // Scrolling back up: newer pages prepend and the bottom is dropped.
    const prev = window.capturesPrev!;
    const back = prependNewer(window, rows(prev + 200, prev + 1), prev + 200);
    expect(back.captures[0]?.id).toBe(prev + 200);
    expect(back.captures.length).toBe(LIST_WINDOW_ROWS);
    expect(back.capturesNext).toBe(back.captures.at(-1)!.id);
    expect(back.capturesPrev).toBe(prev + 200);
  });

  it('ignores a stale page that would overlap the window', () => {
    const window: ListWindow = { captures: rows(100, 51), capturesNext: 51, capturesPrev: null };
    const same = appendOlder(window, rows(60, 41), 41);
    expect(same.captures.map((item) => item.id)).toEqual(rows(100, 41).map((item) => item.id));
  });
});
