import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/store/database.js';
import type { NewCapture } from '../../../electron/core/store/records.js';
import type { NewReplay } from '../../../electron/core/store/replay-repository.js';
import { Store } from '../../../electron/core/store/store.js';
import { useTempStore } from '../../helpers/temp-store.js';
import { newCapture } from '../../helpers/capture-fixture.js';

const capture = (overrides: Partial<NewCapture> = {}): NewCapture =>
  newCapture({
    receivedAt: 1,
    path: '/kindly',
    provider: 'kindly',
    summary: 's',
    remoteAddress: null,
    headers: [['Content-Type', 'application/json']],
    body: Buffer.from('{"a":1}'),
    searchText: 'hello world',
    ...overrides,
  });

const newReplay = (captureId: number | null, overrides: Partial<NewReplay> = {}): NewReplay => ({
  captureId,
  bulkId: null,
  kind: 'replay',
  endpoint: '/kindly',
  targetKind: 'url',
  url: 'http://127.0.0.1:3000/',
  method: 'POST',
  requestHeaders: [['Content-Type', 'application/json']],
  requestBody: null,
  requestSize: 7,
  edited: false,
  signature: null,
  timeoutMs: 1000,
  startedAt: 10,
  ...overrides,
});

describe('store: replays, remembered targets, capture origin', () => {
  const temp = useTempStore();

  it('stores a replay with the capture’s body once, its answer capped with the real size, and lists it', () => {
    const captureId = temp.store.transaction(() => temp.store.captures.insert(capture()));
    const id = temp.store.replays.insert(newReplay(captureId));
    expect(temp.store.replays.summary(id)).toMatchObject({ state: 'running', captureId, status: null });
    temp.store.replays.finish(id, {
      state: 'ok',
      status: 201,
      headers: [['X', '1']],
      body: Buffer.from('abc'),
      size: 10,
      truncated: true,
      durationMs: 3.5,
      error: null,
    });
    const detail = temp.store.replays.get(id)!;
    expect(Buffer.from(detail.requestBody.base64, 'base64').toString()).toBe('{"a":1}');
    expect(detail.responseBody).toEqual({
      base64: Buffer.from('abc').toString('base64'),
      size: 10,
      truncated: true,
    });
    expect(detail).toMatchObject({ state: 'ok', status: 201, responseSize: 10, durationMs: 3.5 });
    const second = temp.store.replays.insert(
      newReplay(captureId, { requestBody: Buffer.from('edited'), edited: true }),
    );
    expect(Buffer.from(temp.store.replays.get(second)!.requestBody.base64, 'base64').toString()).toBe(
      'edited',
    );
    const page = temp.store.replays.list({ captureId }, undefined, 1);
    expect(page.items.map((item) => item.id)).toEqual([second]);
    expect(
      temp.store.replays.list({ captureId }, page.next ?? undefined, 1).items.map((item) => item.id),
    ).toEqual([id]);
    // Deleting the capture deletes its replays.
    temp.store.transaction(() => temp.store.captures.delete([captureId]));
    expect(temp.store.replays.get(id)).toBeNull();
  });

  it('marks replays that were running when the app stopped as failed', () => {
    const id = temp.store.replays.insert(newReplay(null, { kind: 'compose' }));
    expect(temp.store.replays.failRunning()).toBe(1);
    expect(temp.store.replays.summary(id)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/stopped/u) as unknown,
    });
  });

  it('remembers targets per endpoint and marks capture origins', () => {
    temp.store.replays.rememberTarget('/kindly', { kind: 'url', url: 'http://a' }, ['http://a']);
    expect(temp.store.replays.target('/kindly')).toEqual({
      last: { kind: 'url', url: 'http://a' },
      recentUrls: ['http://a'],
    });
    expect(temp.store.replays.target('/dashly')).toBeNull();
    const [a, b] = temp.store.transaction(() => [
      temp.store.captures.insert(capture({ origin: 'imported' })),
      temp.store.captures.insert(capture()),
    ]);
    temp.store.captures.setOrigin(b, 'replay');
    expect(temp.store.captures.summary(a)?.origin).toBe('imported');
    expect(temp.store.captures.summary(b)?.origin).toBe('replay');
    expect(temp.store.captures.listIds({}, 0, 10)).toEqual([a, b]);
    expect(temp.store.captures.listIds({ q: 'hello' }, a, 10)).toEqual([b]);
  });

  it('migrates a schema-5 database, keeping its captures', () => {
    const id = temp.store.transaction(() => temp.store.captures.insert(capture()));
    temp.store.close();
    const db = new BetterSqlite3(`${temp.dir}/${DATABASE_FILE}`);
    db.exec(`DROP TABLE capture_notes_fts; DROP INDEX captures_noted; ALTER TABLE captures DROP COLUMN note;
      DROP TABLE replays; DROP TABLE replay_targets; ALTER TABLE captures DROP COLUMN origin;
      DROP TABLE capture_id_floor; DROP TABLE captures_underived;
      PRAGMA user_version = 5;`);
    db.close();
    temp.store = Store.open(temp.dir);
    expect(temp.store.captures.summary(id)).toMatchObject({ id, path: '/kindly' });
    expect(temp.store.captures.summary(id)).not.toHaveProperty('origin');
    expect(temp.store.replays.list({}, undefined, 10).items).toEqual([]);
  });
});
