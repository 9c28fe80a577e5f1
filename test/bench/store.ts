import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { median, worst } from './stats.js';
import type { Fixture } from './store-fixture.js';
import { startServeForBench, timeCall } from './serve-runner.js';
import type { MethodInput } from '../../shared/contract/index.js';

export interface TimedQuery {
  name: string;
  detail: string;
  /** The first call after start (cold caches). */
  firstMs: number;
  medianMs: number;
  worstMs: number;
  runs: number;
  targetMs: number | null;
  rows: number;
}

/** The same page fetched by keyset and by OFFSET, straight from SQLite (what keyset pagination buys). */
export interface PagingComparison {
  depth: number;
  keysetMs: number;
  offsetMs: number;
  firstPageOffsetMs: number;
}

export interface StoreResults {
  paging: PagingComparison;
  captures: number;
  fileBytes: number;
  bytesPerCapture: number;
  queries: TimedQuery[];
  rssAfterStartBytes: number;
  rssAfterBrowsingBytes: number;
  browsing: string;
}

const PAGE_COLUMNS =
  'id, received_at, method, path, provider, conversation_key, summary, response_status, body_size, via_tunnel, parse_error, starred, origin';

/**
 * Keyset (`id < ?`, what captures.list does) against LIMIT/OFFSET for the same page `depth` rows
 * down, read-only on the fixture file, medians of `runs` (after one warm-up each).
 */
function comparePaging(file: string, maxId: number, depth: number, runs: number): PagingComparison {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const keyset = db.prepare(`SELECT ${PAGE_COLUMNS} FROM captures WHERE id < ? ORDER BY id DESC LIMIT 200`);
    const offset = db.prepare(`SELECT ${PAGE_COLUMNS} FROM captures ORDER BY id DESC LIMIT 200 OFFSET ?`);
    const time = (fn: () => unknown[]) => {
      fn();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const rows = fn();
        times.push(performance.now() - t0);
        if (rows.length === 0) throw new Error('paging comparison read no rows');
      }
      return median(times);
    };
    return {
      depth,
      keysetMs: time(() => keyset.all(maxId - depth + 1)),
      offsetMs: time(() => offset.all(depth)),
      firstPageOffsetMs: time(() => offset.all(0)),
    };
  } finally {
    db.close();
  }
}

/** One query of the store section: what it asks, its target, and how many rows an answer holds. */
interface QuerySpec {
  name: string;
  detail: string;
  targetMs: number | null;
  call: () => Promise<{ ms: number; result: unknown }>;
  rowsOf: (result: unknown) => number;
}

async function timed(spec: QuerySpec, runs: number): Promise<TimedQuery> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const { ms, result } = await spec.call();
    times.push(ms);
    rows = spec.rowsOf(result);
  }
  return {
    name: spec.name,
    detail: spec.detail,
    firstMs: times[0] ?? NaN,
    medianMs: median(times.slice(1)),
    worstMs: worst(times.slice(1)),
    runs: runs - 1,
    targetMs: spec.targetMs,
    rows,
  };
}

const items = (result: unknown) => (result as { items: unknown[] }).items.length;
const array = (result: unknown) => (result as unknown[]).length;

/** Queries over the real HTTP API of a serve process on the 1M-capture store. */
export async function benchStore(
  fixture: Fixture,
  options: { quick: boolean },
  log: (line: string) => void,
): Promise<StoreResults> {
  const file = path.join(fixture.dir, 'convoscope.db');
  const fileBytes =
    fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
  const serve = await startServeForBench(fixture.dir);
  const runs = options.quick ? 6 : 21;
  try {
    const rssAfterStartBytes = serve.rssBytes();
    // 500k rows deep on the 1M store; half-way on a smaller one (`--captures`).
    const depth = Math.min(500_000, Math.floor(fixture.maxId / 2));
    const deep = fixture.maxId - depth;
    const depthLabel = `${Math.round(depth / 1000)}k`;
    const list = (input: MethodInput<'captures.list'>) => () => timeCall(serve, 'captures.list', input);
    const conversations = (input: MethodInput<'conversations.list'>) => () =>
      timeCall(serve, 'conversations.list', input);
    const specs: QuerySpec[] = [
      {
        name: 'captures.list, first page',
        detail: 'limit 200',
        targetMs: 20,
        call: list({ limit: 200 }),
        rowsOf: items,
      },
      {
        name: `captures.list, ${depthLabel} rows deep`,
        detail: `keyset: before ${deep}, limit 200`,
        targetMs: 20,
        call: list({ limit: 200, before: deep }),
        rowsOf: items,
      },
      {
        name: `captures.list, provider filter, ${depthLabel} deep`,
        detail: `provider dashly, before ${deep}`,
        targetMs: 20,
        call: list({ limit: 200, provider: 'dashly', before: deep }),
        rowsOf: items,
      },
      {
        name: 'full-text search, common word',
        detail: 'q "jacket" (~10% of captures)',
        targetMs: 100,
        call: list({ limit: 200, q: 'jacket' }),
        rowsOf: items,
      },
      {
        name: 'full-text search, two words',
        detail: 'q "invoice payment"',
        targetMs: 100,
        call: list({ limit: 200, q: 'invoice payment' }),
        rowsOf: items,
      },
      {
        name: 'full-text search, rare term',
        detail: 'q "catalog" (0.1% of captures)',
        targetMs: 100,
        call: list({ limit: 200, q: 'catalog' }),
        rowsOf: items,
      },
      {
        name: 'full-text search + provider',
        detail: 'q "jacket", provider kindly',
        targetMs: 100,
        call: list({ limit: 200, q: 'jacket', provider: 'kindly' }),
        rowsOf: items,
      },
      {
        name: 'conversations.list',
        detail: 'limit 200 (default)',
        targetMs: 50,
        call: conversations({ limit: 200 }),
        rowsOf: array,
      },
      {
        name: 'conversations.list, one provider',
        detail: 'provider kindly, limit 200',
        targetMs: 50,
        call: conversations({ provider: 'kindly', limit: 200 }),
        rowsOf: array,
      },
      {
        name: 'captures.get',
        detail: `id ${deep}`,
        targetMs: null,
        call: () => timeCall(serve, 'captures.get', { id: deep }),
        rowsOf: () => 1,
      },
    ];
    const queries: TimedQuery[] = [];
    for (const spec of specs) {
      const query = await timed(spec, runs);
      queries.push(query);
      log(`  ${query.name}: median ${query.medianMs.toFixed(1)} ms, worst ${query.worstMs.toFixed(1)} ms`);
    }

    // Browsing: page down through 100 keyset pages, open 50 captures, search and list conversations.
    let before: number | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await serve.call('captures.list', { limit: 200, ...(before ? { before } : {}) });
      before = page.next ?? undefined;
    }
    for (let i = 0; i < 50; i++) await serve.call('captures.get', { id: 1 + ((i * 19_997) % fixture.maxId) });
    for (const q of ['jacket', 'invoice', 'delivery free', 'human agent', 'catalog'])
      await serve.call('captures.list', { limit: 200, q });
    for (let i = 0; i < 10; i++) await serve.call('conversations.list', { limit: 200 });
    const rssAfterBrowsingBytes = serve.rssBytes();
    const paging = comparePaging(file, fixture.maxId, depth, options.quick ? 3 : 7);
    log(
      `  keyset vs OFFSET, ${depthLabel} rows deep: ${paging.keysetMs.toFixed(1)} ms vs ${paging.offsetMs.toFixed(1)} ms`,
    );
    return {
      paging,
      captures: fixture.captures,
      fileBytes,
      bytesPerCapture: fileBytes / fixture.captures,
      queries,
      rssAfterStartBytes,
      rssAfterBrowsingBytes,
      browsing:
        '100 keyset pages of 200, 50 captures opened, 5 searches, 10 conversation lists, plus every timed query above',
    };
  } finally {
    await serve.stop();
  }
}
