import type { CaptureSummary } from '../../shared/model/capture.js';
import { RENDERER_PERF_SWITCHES, rendererPerfEnabled } from '../lib/perf-switches.js';

/**
 * The capture list keeps a window of at most this many rows in memory, however far the user
 * scrolls through a million captures: pages are loaded by keyset as the view nears either end of
 * the window, and the rows furthest from the view are dropped (with the keyset to load them again).
 * 3,000 summaries are about 1.5 MB; the DOM only ever holds the visible rows.
 */
export const LIST_WINDOW_ROWS = 3000;

/** `?perf-off=list-window` switches the window off (the old unbounded list), for the benchmark's A/B. */
export function listWindowEnabled(): boolean {
  return rendererPerfEnabled(RENDERER_PERF_SWITCHES.listWindow);
}

export interface ListWindow {
  captures: CaptureSummary[];
  capturesNext: number | null;
  capturesPrev: number | null;
}

/** Older rows appended at the bottom; the top is dropped past the limit. */
export function appendOlder(current: ListWindow, page: CaptureSummary[], next: number | null): ListWindow {
  const last = current.captures.at(-1);
  // Keyset pages never overlap; a stale page (the window moved meanwhile) is ignored.
  const fresh = last ? page.filter((item) => item.id < last.id) : page;
  let captures = current.captures.concat(fresh);
  let capturesPrev = current.capturesPrev;
  if (listWindowEnabled() && captures.length > LIST_WINDOW_ROWS) {
    const drop = captures.length - LIST_WINDOW_ROWS;
    captures = captures.slice(drop);
    capturesPrev = captures[0]?.id ?? capturesPrev;
  }
  return { captures, capturesNext: next, capturesPrev };
}

/** Newer rows prepended at the top; the bottom is dropped past the limit. */
export function prependNewer(current: ListWindow, page: CaptureSummary[], prev: number | null): ListWindow {
  const first = current.captures[0];
  const fresh = first ? page.filter((item) => item.id > first.id) : page;
  let captures = fresh.concat(current.captures);
  let capturesNext = current.capturesNext;
  if (listWindowEnabled() && captures.length > LIST_WINDOW_ROWS) {
    captures = captures.slice(0, LIST_WINDOW_ROWS);
    capturesNext = captures.at(-1)?.id ?? capturesNext;
  }
  return { captures, capturesNext, capturesPrev: prev };
}
