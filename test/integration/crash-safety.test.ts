import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest } from '../helpers/http.js';
import { CONVOSCOPE_BIN, startServe, type ServeProcess } from '../helpers/serve-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor } from '../helpers/wait-for.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Steady concurrent load against the listener: each request has a unique path and a body of its
 * own (Kindly JSON or random binary). Remembers the ones answered 2xx: those are acknowledged.
 */
function startLoad(listenerUrl: string, workers = 8) {
  const acknowledged = new Map<string, string>();
  let sent = 0;
  let running = true;
  const worker = async (w: number) => {
    for (let i = 0; running; i++) {
      const binary = i % 2 === 1;
      const pathName = binary ? `/other/w${w}/r${i}` : `/kindly?w=${w}&r=${i}`;
      const body = binary
        ? randomBytes(1 + ((w * 7919 + i * 104729) % 20_000))
        : Buffer.from(
            JSON.stringify({ chat_id: `chat-${w}`, bot_id: 1, message: `w${w} r${i} ${'é'.repeat(i % 50)}` }),
          );
      sent++;
      try {
        const res = await httpRequest(`${listenerUrl}${pathName}`, { body, timeoutMs: 5000 });
        if (res.status >= 200 && res.status < 300) acknowledged.set(pathName, sha(body));
      } catch {
        // Refused or cut by the kill: not acknowledged, so nothing is promised about it.
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return {
    acknowledged,
    sent: () => sent,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Every capture's path and body digest, read from the database file (after the process is gone). */
function storedByPath(dataDir: string): { byPath: Map<string, string>; integrity: unknown } {
  const db = new Database(path.join(dataDir, 'convoscope.db'));
  try {
    const rows = db
      .prepare<[], { path: string; request: Buffer }>(
        'SELECT c.path, b.request FROM captures c JOIN bodies b ON b.capture_id = c.id',
      )
      .all();
    return {
      byPath: new Map(rows.map((row) => [row.path, sha(row.request)])),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

// Needs the built bundle (`npm test` builds first).
describe('nothing acknowledged is lost (the real serve process)', () => {
  const running: ServeProcess[] = [];
  const temps: ReturnType<typeof makeTempDir>[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.stop('SIGKILL')));
    for (const temp of temps.splice(0)) temp.remove();
  });
  const tempDir = () => {
    const temp = makeTempDir('convoscope-crash-');
    temps.push(temp);
    return temp.dir;
  };

  it('kill -9 under concurrent load: every 2xx is there with exact bytes after a restart', async () => {
    const dataDir = tempDir();
    const app = await startServe({ dataDir });
    running.push(app);
    const load = startLoad(app.listenerUrl);
    await waitFor(() => load.acknowledged.size >= 300, '300 acknowledged webhooks', 15_000);
    expect(await app.stop('SIGKILL')).toBeNull();
    running.splice(running.indexOf(app), 1);
    await load.stop();

    // The restart recovers the WAL; the API sees everything.
    const again = await startServe({ dataDir });
    running.push(again);
    const listed: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await again.call('captures.list', { limit: 1000, ...(before ? { before } : {}) });
      listed.push(...page.items.map((item) => item.path));
      if (page.next === null) break;
      before = page.next;
    }
    for (const pathName of load.acknowledged.keys()) expect(listed).toContain(pathName);
    expect(await again.stop('SIGTERM')).toBe(0);
    running.splice(running.indexOf(again), 1);

    const { byPath, integrity } = storedByPath(dataDir);
    expect(integrity).toBe('ok');
    const wrong = [...load.acknowledged].filter(([pathName, digest]) => byPath.get(pathName) !== digest);
    expect(wrong).toEqual([]);
    // Some requests were in flight when the process died; they may or may not be stored.
    expect(load.sent()).toBeGreaterThan(load.acknowledged.size);
  });

  it('SIGTERM in the middle of writes: exits 0 and everything acknowledged is committed', async () => {
    const dataDir = tempDir();
    const app = await startServe({ dataDir });
    running.push(app);
    const load = startLoad(app.listenerUrl);
    await waitFor(() => load.acknowledged.size >= 200, '200 acknowledged webhooks', 15_000);
    expect(await app.stop('SIGTERM')).toBe(0);
    running.splice(running.indexOf(app), 1);
    await load.stop();

    const { byPath, integrity } = storedByPath(dataDir);
    expect(integrity).toBe('ok');
    const wrong = [...load.acknowledged].filter(([pathName, digest]) => byPath.get(pathName) !== digest);
    expect(wrong).toEqual([]);
    expect(app.output()).toMatch(/Stopping \(SIGTERM\)/u);
  });

  it('a garbage database file is moved aside with a message, and a new one is used', async () => {
    const dataDir = tempDir();
    const garbage = randomBytes(64 * 1024);
    fs.writeFileSync(path.join(dataDir, 'convoscope.db'), garbage);
    const app = await startServe({ dataDir });
    running.push(app);
    await waitFor(() => /moved aside to/u.test(app.output()), 'the message on stderr');
    const moved = fs.readdirSync(dataDir).find((name) => /^convoscope\.db\.corrupt-.*Z$/u.test(name));
    expect(moved).toBeDefined();
    expect(fs.readFileSync(path.join(dataDir, moved!)).equals(garbage)).toBe(true);
    expect(app.output()).toContain(path.join(dataDir, moved!));
    const health = await app.call('app.health', {});
    expect(health.notices).toHaveLength(1);
    expect(health.notices[0]!.message).toMatch(/could not be read .* moved aside .* new, empty database/u);
    expect(fs.readFileSync(path.join(dataDir, 'convoscope.log'), 'utf8')).toMatch(/moved aside/u);
    expect(
      (await httpRequest(`${app.listenerUrl}/kindly`, { body: '{"chat_id":"c","bot_id":1}' })).status,
    ).toBe(200);
    expect((await app.call('captures.list', {})).items).toHaveLength(1);
  });

  it('a database that cannot be opened stops the start with one clear line, and is left alone', () => {
    const dataDir = tempDir();
    // A folder where the database file should be: SQLite cannot open it, and it is not "damaged".
    fs.mkdirSync(path.join(dataDir, 'convoscope.db'));
    fs.writeFileSync(path.join(dataDir, 'convoscope.db', 'keep.txt'), 'mine');
    const result = spawnSync(
      process.execPath,
      [CONVOSCOPE_BIN, 'serve', '--data-dir', dataDir, '--no-open', '--listen-port', '0', '--ui-port', '0'],
      {
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^convoscope: could not start: the database in .* cannot be opened .*--data-dir\.$/u,
    );
    expect(fs.readFileSync(path.join(dataDir, 'convoscope.db', 'keep.txt'), 'utf8')).toBe('mine');
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});
