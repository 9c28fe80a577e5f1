import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { responseMessages } from '../../electron/core/providers/registry.js';
import { schemaVersion } from '../../electron/core/store/migrations.js';
import type { NewCapture, StoredResponse } from '../../electron/core/store/records.js';
import { Store } from '../../electron/core/store/store.js';
import { parsedCapture } from './parsed-capture.js';
import { mixedRequest, rng } from './payloads.js';
import { ROOT } from './serve-runner.js';

/** Bump when the generated data changes shape; the cache is keyed on it and the schema version. */
const GENERATOR_VERSION = 1;
const CONVERSATIONS = 50_000;
const DAYS = 60;

export interface Fixture {
  /** Data folder holding convoscope.db (use it in place; captures added by a run are deleted again). */
  dir: string;
  captures: number;
  maxId: number;
  generatedInMs: number | null;
}

const KINDLY_REPLY = Buffer.from(
  JSON.stringify({
    reply: 'On Saturdays we are open 10:00–18:00.\n\nAnything else I can help with?',
    buttons: [
      { button_type: 'quick_reply', label: 'Sunday hours?', value: 'When are you open on Sunday?' },
      {
        button_type: 'link',
        label: 'All opening hours',
        value: 'https://shop.example.com/stores/oslo#hours',
        open_in_new_tab: true,
      },
    ],
  }),
);

function largeBody(index: number): string {
  const random = rng(index);
  const rows = Array.from({ length: 700 }, (_, i) => ({
    line: i,
    sku: Math.floor(random() * 1e9).toString(36),
    text: 'lorem ipsum dolor sit amet '.repeat(2),
  }));
  return JSON.stringify({ event: 'catalog.synced', rows });
}

function captureFor(index: number, receivedAt: number): NewCapture {
  const request = mixedRequest(index, CONVERSATIONS);
  const big = index % 1000 === 999;
  const bodyText = big ? largeBody(index) : request.body;
  const body = Buffer.from(bodyText);
  const headers = Object.entries({
    host: 'convoscope-demo.loca.lt',
    'x-forwarded-for': '203.0.113.7',
    ...request.headers,
    'content-length': String(body.length),
  });
  const pathWithQuery = big ? '/hooks/catalog' : request.path;
  const received = {
    method: 'POST',
    path: pathWithQuery,
    pathname: pathWithQuery,
    headers,
    body,
    complete: true,
    receivedAt,
  };
  // Half of the Kindly captures carry the bot's reply.
  const response = (provider: string): StoredResponse => {
    const replyBody = provider === 'kindly' && index % 2 === 0 ? KINDLY_REPLY : Buffer.from('{}');
    return {
      status: 200,
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['Content-Length', String(replyBody.length)],
      ],
      body: replyBody,
      source: replyBody.length > 2 ? 'mock' : 'ack',
      latencyMs: 0.4 + (index % 7) / 10,
    };
  };
  return parsedCapture(received, { response, viaTunnel: true });
}

function generate(dir: string, count: number, log: (line: string) => void): void {
  fs.mkdirSync(dir, { recursive: true });
  const store = Store.open(dir);
  try {
    // Generation only: a crash here just means generating again.
    store.db.pragma('synchronous = OFF');
    store.db.pragma('wal_autocheckpoint = 10000');
    // Keep everything: the default 2 GB size limit would prune a million captures.
    store.settings.put('retention.maxStoreMB', 0);
    const start = Date.now() - DAYS * 24 * 3600 * 1000;
    const step = (DAYS * 24 * 3600 * 1000) / count;
    const chunk = 5000;
    const t0 = performance.now();
    for (let first = 0; first < count; first += chunk) {
      store.transaction(() => {
        for (let index = first; index < Math.min(count, first + chunk); index++) {
          const capture = captureFor(index, Math.round(start + index * step));
          const id = store.captures.insert(capture);
          const response = capture.response;
          if (response && response.body.length > 2) {
            for (const message of responseMessages(
              {
                provider: capture.provider,
                conversationKey: capture.conversationKey,
                receivedAt: capture.receivedAt,
                requestMessages: capture.messages,
              },
              response,
            ))
              store.messages.insert(id, message, true);
          }
        }
      });
      store.captures.fts.catchUp();
      if ((first / chunk) % 20 === 0) {
        const done = Math.min(count, first + chunk);
        const rate = done / ((performance.now() - t0) / 1000);
        log(
          `  generated ${done.toLocaleString('en')} of ${count.toLocaleString('en')} (${Math.round(rate)}/s)`,
        );
      }
    }
    // Star a few, like a user would.
    store.db.prepare('UPDATE captures SET starred = 1 WHERE id % 50000 = 7').run();
    store.db.pragma('synchronous = NORMAL');
  } finally {
    store.close();
  }
}

interface FixtureMarker {
  count: number;
  generatedInMs: number;
  at: string;
  /** Schema versions this fixture was migrated through since it was generated, oldest first. */
  upgrades?: { from: number; to: number; ms: number; at: string }[];
}

const FIXTURE_DIR = /^store-(\d+)-schema(\d+)-gen(\d+)$/u;

function fixtureDir(count: number, schema: number): string {
  return path.join(ROOT, '.bench', `store-${count}-schema${schema}-gen${GENERATOR_VERSION}`);
}

/** The newest complete fixture with the same count and generator but an older schema, if any. */
function olderFixture(count: number): { dir: string; schema: number } | null {
  const benchDir = path.join(ROOT, '.bench');
  if (!fs.existsSync(benchDir)) return null;
  let best: { dir: string; schema: number } | null = null;
  for (const name of fs.readdirSync(benchDir)) {
    const match = FIXTURE_DIR.exec(name);
    if (!match || Number(match[1]) !== count || Number(match[3]) !== GENERATOR_VERSION) continue;
    const schema = Number(match[2]);
    if (schema >= schemaVersion || (best && best.schema >= schema)) continue;
    const dir = path.join(benchDir, name);
    if (fs.existsSync(path.join(dir, 'complete.json'))) best = { dir, schema };
  }
  return best;
}

/**
 * Brings an older-schema fixture up to date in place: the folder is renamed to the current key, then
 * opened with the real Store, which runs the app's own migrations (what a user's database goes
 * through on upgrade). Generating a million captures takes about 20 minutes; migrating, seconds.
 * Each migration commits on its own, so an interrupted upgrade simply continues on the next run.
 */
function upgradeFixture(
  older: { dir: string; schema: number },
  dir: string,
  log: (line: string) => void,
): void {
  log(
    `Upgrading the cached store ${path.relative(ROOT, older.dir)} from schema ${older.schema} to ${schemaVersion} (migrations, in place)…`,
  );
  fs.renameSync(older.dir, dir);
  const t0 = performance.now();
  Store.open(dir).close();
  const ms = performance.now() - t0;
  const markerPath = path.join(dir, 'complete.json');
  const marker = JSON.parse(fs.readFileSync(markerPath, 'utf8')) as FixtureMarker;
  marker.upgrades = [
    ...(marker.upgrades ?? []),
    { from: older.schema, to: schemaVersion, ms, at: new Date().toISOString() },
  ];
  fs.writeFileSync(markerPath, JSON.stringify(marker));
  log(`  migrated in ${(ms / 1000).toFixed(1)} s`);
}

/**
 * The store with `count` captures, generated once (about 20 minutes for a million) and cached under
 * .bench/, keyed by schema and generator version. A cached store with an older schema is migrated
 * rather than generated again. Captures a previous run added (ids above the generated ones) are
 * deleted first, so every run starts from the same data.
 */
export async function ensureFixture(count: number, log: (line: string) => void): Promise<Fixture> {
  const dir = fixtureDir(count, schemaVersion);
  const done = path.join(dir, 'complete.json');
  if (!fs.existsSync(done)) {
    const older = olderFixture(count);
    if (older) {
      fs.rmSync(dir, { recursive: true, force: true });
      upgradeFixture(older, dir, log);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
      log(
        `Generating a store of ${count.toLocaleString('en')} captures in ${path.relative(ROOT, dir)} (cached)…`,
      );
      const t0 = performance.now();
      generate(dir, count, log);
      const marker: FixtureMarker = {
        count,
        generatedInMs: performance.now() - t0,
        at: new Date().toISOString(),
      };
      fs.writeFileSync(done, JSON.stringify(marker));
    }
  }
  const { generatedInMs } = JSON.parse(fs.readFileSync(done, 'utf8')) as FixtureMarker;
  const store = Store.open(dir);
  try {
    const maxId = count;
    const extra = store.db
      .prepare<[number], { id: number }>('SELECT id FROM captures WHERE id > ? ORDER BY id')
      .all(maxId)
      .map((row) => row.id);
    if (extra.length > 0) {
      for (let i = 0; i < extra.length; i += 1000) {
        const ids = extra.slice(i, i + 1000);
        store.transaction(() => store.captures.delete(ids));
      }
      log(`  removed ${extra.length} capture(s) a previous run added`);
      // Deleting leaves tombstones and small segments in the full-text index, which slow prefix
      // searches down run after run; merging it back into one segment keeps every run comparable.
      const t0 = performance.now();
      store.db.exec("INSERT INTO captures_fts (captures_fts) VALUES ('optimize')");
      log(`  full-text index optimized in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await Promise.resolve();
    return { dir, captures: count, maxId, generatedInMs };
  } finally {
    store.close();
  }
}
