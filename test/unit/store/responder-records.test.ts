import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { Store } from '../../../electron/core/store/store.js';
import { DATABASE_FILE } from '../../../electron/core/store/database.js';
import type { NewCapture, StoredForward } from '../../../electron/core/store/records.js';
import { useTempStore } from '../../helpers/temp-store.js';
import { newCapture } from '../../helpers/capture-fixture.js';

const capture = (): NewCapture =>
  newCapture({
    receivedAt: 1,
    path: '/kindly',
    summary: 's',
    remoteAddress: null,
    body: Buffer.from('req'),
  });

const forward = (overrides: Partial<StoredForward> = {}): StoredForward => ({
  url: 'http://127.0.0.1:3000/hook',
  method: 'POST',
  startedAt: 5,
  status: 200,
  headers: [['Content-Type', 'application/json']],
  body: Buffer.from('{"reply":"hi"}'),
  bodySize: 14,
  bodyTruncated: false,
  sameAsResponse: false,
  durationMs: 12.5,
  error: null,
  ...overrides,
});

describe('store: endpoints and responder records', () => {
  const temp = useTempStore();

  it('starts with /dashly and /kindly in ack mode', () => {
    expect(temp.store.endpoints.all().map(({ prefix, config }) => [prefix, config])).toEqual([
      ['/dashly', { mode: 'ack' }],
      ['/kindly', { mode: 'ack' }],
    ]);
  });

  it('migrates a database written by the previous schema, keeping its captures', () => {
    const id = temp.store.transaction(() => temp.store.captures.insert(capture()));
    temp.store.close();
    // Roll the file back to schema 2: undo migration 3 (endpoints, forward/hold columns) and
    // everything after it, so migrations 3+ run again on a file that has captures.
    const db = new BetterSqlite3(`${temp.dir}/${DATABASE_FILE}`);
    db.exec(`DROP TABLE capture_notes_fts; DROP INDEX captures_noted; ALTER TABLE captures DROP COLUMN note;
      DROP INDEX captures_unstarred_by_time; DROP INDEX captures_starred;
      ALTER TABLE captures DROP COLUMN starred;
      DROP TABLE endpoints;
      ALTER TABLE captures DROP COLUMN forward; ALTER TABLE captures DROP COLUMN hold;
      ALTER TABLE bodies DROP COLUMN forward;
      DROP TABLE reply_templates; DROP TABLE kindly_transcripts;
      ALTER TABLE messages DROP COLUMN from_response;
      DROP TABLE replays; DROP TABLE replay_targets; ALTER TABLE captures DROP COLUMN origin;
      DROP TABLE capture_id_floor; DROP TABLE captures_underived;
      PRAGMA user_version = 2;`);
    db.close();
    temp.store = Store.open(temp.dir);
    expect(temp.store.captures.get(id)).toMatchObject({ id, path: '/kindly', response: null });
    expect(temp.store.captures.get(id)).not.toHaveProperty('forward');
    expect(temp.store.endpoints.all()).toHaveLength(2);
  });

  it('stores a forward record once when its body is the response sent, separately otherwise', () => {
    const [a, b] = temp.store.transaction(() => [
      temp.store.captures.insert(capture()),
      temp.store.captures.insert(capture()),
    ]);
    temp.store.transaction(() => {
      temp.store.captures.setResponse(a, {
        status: 200,
        headers: [],
        body: Buffer.from('{"reply":"hi"}'),
        source: 'forward',
        latencyMs: 1,
      });
      temp.store.captures.setAnnotations(a, { forward: forward({ sameAsResponse: true }) });
      temp.store.captures.setResponse(b, {
        status: 502,
        headers: [],
        body: Buffer.from('{}'),
        source: 'fallback',
        latencyMs: 1,
      });
      temp.store.captures.setAnnotations(b, {
        forward: forward({
          status: 500,
          body: Buffer.from('boom'),
          bodySize: 4,
          error: 'The target answered 500',
        }),
        hold: {
          endpoint: '/kindly',
          heldAt: 1,
          deadline: 2,
          endedAt: 2,
          outcome: 'fallback',
          reason: 'deadline',
        },
      });
    });
    const first = temp.store.captures.get(a)!;
    expect(Buffer.from(first.forward!.body!.base64, 'base64').toString()).toBe('{"reply":"hi"}');
    expect(first.forward).toMatchObject({ status: 200, durationMs: 12.5, error: null });
    const second = temp.store.captures.get(b)!;
    expect(Buffer.from(second.forward!.body!.base64, 'base64').toString()).toBe('boom');
    expect(second.hold).toEqual({
      endpoint: '/kindly',
      heldAt: 1,
      deadline: 2,
      endedAt: 2,
      outcome: 'fallback',
      reason: 'deadline',
    });
    const raw = temp.store.db.prepare<[number], { forward: Buffer | null }>(
      'SELECT forward FROM bodies WHERE capture_id = ?',
    );
    expect(raw.get(a)?.forward).toBeNull();
  });
});
