import http from 'node:http';
import { chromium, type Browser, type Page } from '@playwright/test';
import { mixedRequest } from './payloads.js';
import { startServeForBench, type RunningServe } from './serve-runner.js';
import { median, percentile, worst } from './stats.js';
import type { Fixture } from './store-fixture.js';

export interface FrameStats {
  frames: number;
  seconds: number;
  fps: number;
  p95FrameMs: number;
  longestFrameMs: number;
  /** Frames longer than 50 ms (visible stutter). */
  longFrames: number;
}

export type UiPart = 'interactive' | 'scroll' | 'deep' | 'stream';

/** One configuration of the inspector: renderer switches turned off (`?perf-off=`) and what to measure. */
export interface UiVariantSpec {
  label: string;
  /** Renderer perf switch names (renderer/lib/perf-switches.ts), or ['all']. */
  off: string[];
  parts: UiPart[];
}

export interface UiVariant {
  label: string;
  off: string[];
  interactiveMs?: number[];
  scroll?: FrameStats & { rowsPassed: number; pxPerFrame: number };
  deepScroll?: { rowsPassed: number; seconds: number; rowsInMemory: number; heapBytes: number };
  stream?: FrameStats & {
    sent: number;
    acknowledged: number;
    shown: number;
    missing: number;
    ratePerSecond: number;
  };
  heapBytes: number;
  heapBeforeGcBytes: number;
}

/** Live-stream frames of one configuration over several rounds, interleaved with the others. */
export interface StreamRounds {
  label: string;
  off: string[];
  rounds: FrameStats[];
}

export interface UiResults {
  variants: UiVariant[];
  /** The live stream A/B: every configuration once per round, in turn, so load hits them alike. */
  streamRounds: StreamRounds[];
  browser: string;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Records rAF frame times in the page from `start()` until `stop()` (installed before any script). */
const FRAME_RECORDER = `
window.__bench = {
  firstRowsAt: null,
  frames: [],
  recording: false,
  start() { this.frames = []; this.recording = true; let last = performance.now();
    const tick = (now) => { if (!this.recording) return; this.frames.push(now - last); last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick); },
  stop() { this.recording = false; return this.frames; },
};
new MutationObserver((_, observer) => {
  if (window.__bench.firstRowsAt === null && document.querySelector('[role=option][data-capture-id]')) {
    observer.disconnect();
    // Interactive: the first rows are in the DOM and the main thread is free for the next frame.
    requestAnimationFrame(() => setTimeout(() => { window.__bench.firstRowsAt = performance.now(); }, 0));
  }
}).observe(document, { childList: true, subtree: true });
`;

function frameStats(frames: number[]): FrameStats {
  const seconds = frames.reduce((sum, ms) => sum + ms, 0) / 1000;
  return {
    frames: frames.length,
    seconds,
    fps: frames.length / Math.max(seconds, 0.001),
    p95FrameMs: percentile(frames, 95),
    longestFrameMs: worst(frames),
    longFrames: frames.filter((ms) => ms > 50).length,
  };
}

export async function openInspector(
  browser: Browser,
  serve: RunningServe,
  query: string,
): Promise<{ page: Page; ms: number }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(FRAME_RECORDER);
  const url = serve.uiUrl.replace('/#', `/${query}#`);
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __bench: { firstRowsAt: number | null } }).__bench.firstRowsAt !== null,
    null,
    {
      timeout: 30_000,
    },
  );
  const ms = await page.evaluate(
    () => (window as unknown as { __bench: { firstRowsAt: number } }).__bench.firstRowsAt,
  );
  // The page marks the switches it read; an A/B run whose switches did not arrive measures nothing.
  const expected = new URLSearchParams(query.replace(/^\?/u, '')).get('perf-off') ?? '';
  const seen = await page.evaluate(() => document.documentElement.dataset.perfOff ?? '');
  if (seen !== expected)
    throw new Error(`perf switches not applied: expected "${expected}", page has "${seen}"`);
  return { page, ms };
}

async function heap(page: Page): Promise<{ used: number; beforeGc: number }> {
  const cdp = await page.context().newCDPSession(page);
  const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return { used: after.usedSize, beforeGc: before.usedSize };
}

/** Scrolls the list by `px` per animation frame for `seconds`, recording every frame. */
export async function scrollAtSpeed(page: Page, px: number, seconds: number, denseMax = Infinity) {
  return page.evaluate(
    async ({ px, seconds, denseMax }) => {
      const list = document.querySelector('.capture-list')!;
      const firstId = () =>
        Number(document.querySelector('[role=option][data-capture-id]')?.getAttribute('data-capture-id'));
      const bench = (window as unknown as { __bench: { start(): void; stop(): number[] } }).__bench;
      const startId = firstId();
      bench.start();
      await new Promise<void>((done) => {
        const end = performance.now() + seconds * 1000;
        const step = () => {
          list.scrollTop += px;
          if (performance.now() < end) requestAnimationFrame(step);
          else done();
        };
        requestAnimationFrame(step);
      });
      const frames = bench.stop();
      // Rows are newest first and ids dense in the generated store (1..denseMax): the id difference is
      // the distance. Rows a live stream added above it are not counted (ids skip after deletes).
      const endId = Number(
        [...document.querySelectorAll('[role=option][data-capture-id]')]
          .map((row) => row.getAttribute('data-capture-id'))
          .filter(Boolean)
          .sort((a, b) => Number(a) - Number(b))[0],
      );
      return { frames, rowsPassed: Math.max(0, Math.min(startId, denseMax) - endId) };
    },
    { px, seconds, denseMax: Number.isFinite(denseMax) ? denseMax : Number.MAX_SAFE_INTEGER },
  );
}

/** Scrolls down as fast as pages load (3,000 px per frame), like dragging the thumb down and down. */
export async function deepScroll(page: Page, rows: number, denseMax = Number.MAX_SAFE_INTEGER) {
  return page.evaluate(
    async ({ rows, denseMax }) => {
      const list = document.querySelector('.capture-list')!;
      const ids = () =>
        [...document.querySelectorAll('[role=option][data-capture-id]')].map((row) =>
          Number(row.getAttribute('data-capture-id')),
        );
      // Counted in the generated store's dense ids only (see scrollAtSpeed).
      const start = Math.min(denseMax, Math.max(...ids()));
      const t0 = performance.now();
      let lowest = start;
      while (start - lowest < rows && performance.now() - t0 < 240_000) {
        list.scrollTop += 3000;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        lowest = Math.min(lowest, ...ids());
      }
      return { rowsPassed: start - lowest, seconds: (performance.now() - t0) / 1000 };
    },
    { rows, denseMax },
  );
}

/** Sends `rate` webhooks per second for `seconds` over keep-alive connections; counts the 2xx. */
async function stream(listenerUrl: string, rate: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(listenerUrl);
  let sent = 0;
  let acknowledged = 0;
  const pending = new Set<Promise<void>>();
  const send = (index: number) => {
    const request = mixedRequest(900_000 + index);
    const body = Buffer.from(request.body);
    const done = new Promise<void>((resolve) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: request.path,
          method: 'POST',
          agent,
          headers: { ...request.headers, 'content-length': body.length },
          timeout: 10_000,
        },
        (res) => {
          if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) acknowledged++;
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', () => resolve());
      req.on('timeout', () => req.destroy());
      req.end(body);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };
  const started = performance.now();
  await new Promise<void>((finish) => {
    const timer = setInterval(() => {
      // Catch up to the schedule: rate × elapsed requests by now.
      const due = Math.min(rate * seconds, Math.floor(((performance.now() - started) / 1000) * rate));
      while (sent < due) send(sent++);
      if (sent >= rate * seconds) {
        clearInterval(timer);
        finish();
      }
    }, 5);
  });
  const sendSeconds = (performance.now() - started) / 1000;
  await Promise.all(pending);
  agent.destroy();
  return { sent, acknowledged, ratePerSecond: sent / sendSeconds };
}

/** Scrolls from the top through the list collecting every rendered capture id down to `lowestId`. */
async function collectShown(page: Page, lowestId: number): Promise<Set<number>> {
  const ids = await page.evaluate(async (lowestId) => {
    const list = document.querySelector('.capture-list')!;
    list.scrollTop = 0;
    const seen = new Set<number>();
    const t0 = performance.now();
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      for (const row of document.querySelectorAll('[role=option][data-capture-id]'))
        seen.add(Number(row.getAttribute('data-capture-id')));
      if ([...seen].some((id) => id <= lowestId) || performance.now() - t0 > 120_000) break;
      const before = list.scrollTop;
      list.scrollTop += list.clientHeight - 58;
      if (list.scrollTop === before) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [...seen];
  }, lowestId);
  return new Set(ids);
}

async function runVariant(
  browser: Browser,
  serve: RunningServe,
  fixture: Fixture,
  spec: UiVariantSpec,
  options: { quick: boolean },
  log: (line: string) => void,
): Promise<UiVariant> {
  const { label, parts } = spec;
  const query = spec.off.length ? `?perf-off=${spec.off.join(',')}` : '';
  const result: UiVariant = { label, off: spec.off, heapBytes: NaN, heapBeforeGcBytes: NaN };
  if (parts.includes('interactive')) {
    const interactiveMs: number[] = [];
    for (let i = 0; i < (options.quick ? 2 : 4); i++) {
      const { page, ms } = await openInspector(browser, serve, query);
      interactiveMs.push(ms);
      await page.context().close();
    }
    result.interactiveMs = interactiveMs;
    log(`  [${label}] interactive after load: median ${Math.round(median(interactiveMs))} ms`);
  }
  const { page } = await openInspector(browser, serve, query);
  try {
    if (parts.includes('scroll')) {
      const pxPerFrame = 240;
      await page.waitForTimeout(1000);
      const scrolled = await scrollAtSpeed(page, pxPerFrame, options.quick ? 4 : 10, fixture.maxId);
      result.scroll = { ...frameStats(scrolled.frames), rowsPassed: scrolled.rowsPassed, pxPerFrame };
      log(
        `  [${label}] scrolling at speed: ${result.scroll.fps.toFixed(1)} fps, longest frame ${Math.round(result.scroll.longestFrameMs)} ms, ${result.scroll.rowsPassed} rows`,
      );
    }
    if (parts.includes('deep')) {
      const deep = await deepScroll(page, options.quick ? 20_000 : 50_000, fixture.maxId);
      const deepHeap = await heap(page);
      const rowsInMemory = await page.evaluate(
        () => document.querySelector('.capture-list > div')?.clientHeight ?? 0,
      );
      result.deepScroll = {
        ...deep,
        rowsInMemory: Math.round(rowsInMemory / 58),
        heapBytes: deepHeap.used,
      };
      log(
        `  [${label}] deep scroll: ${deep.rowsPassed} rows in ${deep.seconds.toFixed(1)} s, ${result.deepScroll.rowsInMemory} rows held, heap ${Math.round(deepHeap.used / 1e6)} MB`,
      );
    }
    if (parts.includes('stream')) {
      // Back to the newest rows, then a live stream while frames are recorded.
      await page.evaluate(() => document.querySelector('.capture-list')!.scrollTo(0, 0));
      await page.reload();
      await page.waitForFunction(
        () => (window as unknown as { __bench: { firstRowsAt: number | null } }).__bench.firstRowsAt !== null,
      );
      const before = (await serve.call('captures.list', { limit: 1 })).items[0]?.id ?? fixture.maxId;
      // Let the page settle after its load; then record frames from the first request to the last render.
      await page.waitForTimeout(1500);
      await page.evaluate(() => (window as unknown as { __bench: { start(): void } }).__bench.start());
      const sent = await stream(serve.listenerUrl, 500, options.quick ? 4 : 10);
      await page.waitForTimeout(500);
      const frames = await page.evaluate(() =>
        (window as unknown as { __bench: { stop(): number[] } }).__bench.stop(),
      );
      const stats = frameStats(frames);
      const stored = new Set<number>();
      let cursor: number | undefined;
      for (;;) {
        const page = await serve.call('captures.list', {
          limit: 1000,
          ...(cursor ? { before: cursor } : {}),
        });
        for (const item of page.items) if (item.id > before) stored.add(item.id);
        if (page.next === null || (page.items.at(-1)?.id ?? 0) <= before) break;
        cursor = page.next;
      }
      const shown = await collectShown(page, before + 1);
      const missing = [...stored].filter((id) => !shown.has(id)).length;
      result.stream = {
        ...stats,
        ...sent,
        shown: [...stored].filter((id) => shown.has(id)).length,
        missing,
      };
      log(
        `  [${label}] live stream: ${Math.round(sent.ratePerSecond)}/s, ${sent.acknowledged} acknowledged, ` +
          `${result.stream.shown} shown, ${missing} missing, ${stats.fps.toFixed(1)} fps, longest frame ${Math.round(stats.longestFrameMs)} ms`,
      );
    }
    const final = await heap(page);
    result.heapBytes = final.used;
    result.heapBeforeGcBytes = final.beforeGc;
    log(`  [${label}] JS heap ${Math.round(final.used / 1e6)} MB after GC`);
    return result;
  } finally {
    await page.context().close();
  }
}

const ALL_PARTS: UiPart[] = ['interactive', 'scroll', 'deep', 'stream'];

/**
 * The optimised inspector, everything off, then each renderer switch off alone where it matters.
 * The live stream's A/B is measured apart, in interleaved rounds (STREAM_AB).
 */
export const UI_VARIANTS: UiVariantSpec[] = [
  { label: 'Convoscope', off: [], parts: ALL_PARTS },
  { label: 'all renderer optimisations off', off: ['all'], parts: ['interactive', 'scroll', 'deep'] },
  { label: 'list-window off', off: ['list-window'], parts: ['deep'] },
  { label: 'time-formatter off', off: ['time-formatter'], parts: ['scroll'] },
];

export const STREAM_AB: { label: string; off: string[] }[] = [
  { label: 'Convoscope', off: [] },
  { label: 'all renderer optimisations off', off: ['all'] },
  { label: 'live-batching off', off: ['live-batching'] },
  { label: 'cached-scroll-offset off', off: ['cached-scroll-offset'] },
  { label: 'time-formatter off', off: ['time-formatter'] },
];

/** Each configuration streams 500 captures/s once per round, in turn; frames only (no shown check). */
async function streamRounds(
  browser: Browser,
  serve: RunningServe,
  options: { rounds: number; seconds: number },
  log: (line: string) => void,
): Promise<StreamRounds[]> {
  const results: StreamRounds[] = STREAM_AB.map((spec) => ({ ...spec, rounds: [] }));
  for (let round = 1; round <= options.rounds; round++) {
    for (const result of results) {
      const query = result.off.length ? `?perf-off=${result.off.join(',')}` : '';
      const { page } = await openInspector(browser, serve, query);
      try {
        await page.waitForTimeout(1500);
        await page.evaluate(() => (window as unknown as { __bench: { start(): void } }).__bench.start());
        await stream(serve.listenerUrl, 500, options.seconds);
        await page.waitForTimeout(500);
        const frames = await page.evaluate(() =>
          (window as unknown as { __bench: { stop(): number[] } }).__bench.stop(),
        );
        const stats = frameStats(frames);
        result.rounds.push(stats);
        log(
          `  [stream A/B, round ${round}] ${result.label}: ${stats.fps.toFixed(1)} fps, p95 ${stats.p95FrameMs.toFixed(0)} ms, longest ${Math.round(stats.longestFrameMs)} ms`,
        );
      } finally {
        await page.context().close();
      }
    }
  }
  return results;
}

/** The inspector in Chromium against serve mode on the 1M-capture store. */
export async function benchUi(
  fixture: Fixture,
  options: { quick: boolean; ab: boolean },
  log: (line: string) => void,
): Promise<UiResults> {
  const serve = await startServeForBench(fixture.dir);
  // Measured as a returning user sees it: the first-run guide would cover the list.
  try {
    await serve.call('settings.update', { 'ui.guideSeen': true });
  } catch (error) {
    await serve.stop();
    throw error;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const variants: UiVariant[] = [];
    for (const spec of options.ab ? UI_VARIANTS : UI_VARIANTS.slice(0, 1))
      variants.push(await runVariant(browser, serve, fixture, spec, { quick: options.quick }, log));
    const rounds = options.ab
      ? await streamRounds(
          browser,
          serve,
          { rounds: options.quick ? 2 : 3, seconds: options.quick ? 4 : 10 },
          log,
        )
      : [];
    return { variants, streamRounds: rounds, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    await serve.stop();
  }
}
