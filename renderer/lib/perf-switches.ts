/**
 * Renderer performance switches, for the benchmark's A/B runs (`npm run bench`; see BENCHMARKS.md):
 * `?perf-off=<name>[,<name>…]` or `?perf-off=all` in the inspector's URL turns optimisations off.
 * Every switch only trades speed, never behaviour. Read once at start: the token handling rewrites
 * the URL soon after.
 */
export const RENDERER_PERF_SWITCHES = {
  /** The capture list keeps a bounded window of rows (list-window.ts). */
  listWindow: 'list-window',
  /** Live events during a burst are applied at most every LIVE_BURST_INTERVAL_MS (events.ts). */
  liveBatching: 'live-batching',
  /** Row times use one cached Intl formatter instead of toLocaleTimeString per row (format.ts). */
  timeFormatter: 'time-formatter',
  /** The list reads the virtualizer's cached scroll offset instead of forcing a layout (capture-list.tsx). */
  cachedScrollOffset: 'cached-scroll-offset',
} as const;

export type RendererPerfSwitch = (typeof RENDERER_PERF_SWITCHES)[keyof typeof RENDERER_PERF_SWITCHES];

const off: ReadonlySet<string> = (() => {
  if (typeof window === 'undefined' || typeof document === 'undefined') return new Set<string>();
  const value = new URLSearchParams(window.location.search).get('perf-off') ?? '';
  const names = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  // Shown on the root element so the benchmark can check the switches reached the page.
  if (names.length > 0) document.documentElement.dataset.perfOff = names.join(',');
  return new Set(names);
})();

export function rendererPerfEnabled(name: RendererPerfSwitch): boolean {
  return !off.has('all') && !off.has(name);
}
