import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventFrame } from '../../shared/contract/index.js';
import type { AppHealth } from '../../shared/model/health.js';
import { DATABASE_FILE } from '../../electron/core/store/database.js';
import { httpRequest } from '../helpers/http.js';
import { startTestCore, type TestCore } from '../helpers/test-core.js';
import { waitFor } from '../helpers/wait-for.js';

// A write the store cannot take must never be acknowledged: 503 + Retry-After (senders retry), a
// clear line in the log and the `app.health` state, and recovery without a restart.
describe('store failures: 503, health, recovery', () => {
  let app: TestCore;
  let health: AppHealth[];
  afterEach(async () => {
    await app.stop();
  });

  const start = async () => {
    app = await startTestCore({ healthProbeIntervalMs: 100 });
    health = [];
    app.core.events.subscribe((frame) => {
      if (frame.event === 'app.health') health.push((frame as EventFrame<'app.health'>).payload);
    });
  };
  const send = (text: string, extraBytes = 0) =>
    httpRequest(`${app.listenerUrl}/kindly`, {
      body: JSON.stringify({ chat_id: 'c1', bot_id: 1, message: text, pad: 'x'.repeat(extraBytes) }),
    });
  const storedTexts = async () =>
    (await app.call('captures.list', { limit: 100 })).items.map((item) => item.summary);

  it('disk full (max_page_count): 503 with Retry-After, failing health, recovery when space returns', async () => {
    await start();
    expect((await send('before')).status).toBe(200);
    const pages = app.core.store.db.pragma('page_count', { simple: true }) as number;
    app.core.store.db.pragma(`max_page_count = ${pages}`);

    const refused = await send('while full', 200_000);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    const state = await app.call('app.health', {});
    expect(state.store).toMatchObject({ state: 'failing', problem: 'disk_full', refused: 1 });
    expect(state.store.message).toMatch(/disk .* is full/u);
    expect(health.at(-1)?.store.state).toBe('failing');
    expect(app.logs.some((line) => /Store failing \(disk_full\)/u.test(line))).toBe(true);
    expect(await storedTexts()).toEqual(['before']);

    // Space comes back; the probe notices without any webhook arriving.
    app.core.store.db.pragma('max_page_count = 1073741823');
    await waitFor(() => health.at(-1)?.store.state === 'ok', 'recovery announced');
    expect((await app.call('app.health', {})).store).toMatchObject({ state: 'ok', problem: null });
    expect(
      app.logs.some((line) => /Store recovered after .*1 webhook\(s\) were answered 503/u.test(line)),
    ).toBe(true);
    expect((await send('after', 200_000)).status).toBe(200);
    expect(await storedTexts()).toEqual(['after', 'before']);
  });

  it('locked by another connection (BEGIN EXCLUSIVE): 503 until the lock is released', async () => {
    await start();
    const other = new BetterSqlite3(path.join(app.dataDir, DATABASE_FILE));
    try {
      other.pragma('busy_timeout = 0');
      other.exec('BEGIN EXCLUSIVE');
      const refused = await send('while locked');
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect((await app.call('app.health', {})).store).toMatchObject({ state: 'failing', problem: 'locked' });
      // Reads still work while another connection writes (WAL): the UI keeps showing data.
      expect(await storedTexts()).toEqual([]);
      other.exec('ROLLBACK');
      await waitFor(() => health.at(-1)?.store.state === 'ok', 'recovery after the lock');
      expect((await send('after')).status).toBe(200);
      expect(await storedTexts()).toEqual(['after']);
    } finally {
      other.close();
    }
  });

  it('read-only database (query_only): 503, then recovery', async () => {
    await start();
    app.core.store.db.pragma('query_only = 1');
    expect((await send('read only')).status).toBe(503);
    expect((await app.call('app.health', {})).store.problem).toBe('read_only');
    app.core.store.db.pragma('query_only = 0');
    await waitFor(() => health.at(-1)?.store.state === 'ok', 'recovery after read-only');
    expect((await send('writable')).status).toBe(200);
  });
});
