import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../../electron/core/store/checkpointer.js';
import { Store } from '../../../electron/core/store/store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { waitFor } from '../../helpers/wait-for.js';

describe('WAL checkpoints in a worker thread', () => {
  const temp = makeTempDir('convoscope-checkpoint-');
  afterEach(() => temp.remove());

  it('the main connection stops checkpointing and the worker copies the WAL into the database', async () => {
    const store = Store.open(temp.dir);
    const checkpointer = startCheckpointer(store.db);
    try {
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const file = path.join(temp.dir, 'convoscope.db');
      const before = fs.statSync(file).size;
      const put = store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
      // ~12 MB through the WAL, in many commits like the listener's.
      for (let i = 0; i < 300; i++) store.transaction(() => put.run(`k${i}`, 'x'.repeat(40_000)));
      await waitFor(
        () => fs.statSync(file).size > before + 8_000_000,
        'the database file to receive the pages',
        10_000,
      );
      expect(store.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'k%'").get()).toEqual({
        n: 300,
      });
    } finally {
      await checkpointer.close();
      // Back to SQLite's own checkpoints once the worker is gone.
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      store.close();
    }
  });
});
