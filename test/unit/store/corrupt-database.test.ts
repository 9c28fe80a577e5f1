import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAMAGED_MARKER_FILE, DATABASE_FILE } from '../../../electron/core/store/database.js';
import { Store } from '../../../electron/core/store/store.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('a damaged database at start', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  const file = () => path.join(temp.dir, DATABASE_FILE);
  // The main files moved aside (their -wal/-shm companions move with them).
  const asideFiles = () => fs.readdirSync(temp.dir).filter((name) => /\.corrupt-.*Z$/u.test(name));

  it('moves a garbage file aside with a timestamp (bytes untouched) and creates a fresh store', () => {
    const garbage = Buffer.from('this is not a database at all, just some text\n'.repeat(200));
    fs.writeFileSync(file(), garbage);
    const moved: { movedTo: string; reason: string }[] = [];

    const store = Store.open(temp.dir, { onMovedAside: (info) => moved.push(info) });
    try {
      expect(moved).toHaveLength(1);
      expect(moved[0]!.movedTo).toMatch(/convoscope\.db\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/u);
      expect(moved[0]!.reason).toMatch(/not a database/u);
      expect(fs.readFileSync(moved[0]!.movedTo).equals(garbage)).toBe(true);
      expect(store.captures.count()).toBe(0);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
    // A second start finds a sound file and moves nothing.
    const again = Store.open(temp.dir, { onMovedAside: (info) => moved.push(info) });
    again.close();
    expect(moved).toHaveLength(1);
    expect(asideFiles()).toHaveLength(1);
  });

  it('fully checks a file the last run flagged as damaged, and moves it aside when it fails', () => {
    const store = Store.open(temp.dir);
    store.db.exec('CREATE TABLE filler (x BLOB)');
    const insert = store.db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(3000, i));
    store.close();
    // Scribble over the middle of the file: the header stays valid, b-tree pages do not.
    const fd = fs.openSync(file(), 'r+');
    const size = fs.fstatSync(fd).size;
    fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    fs.writeFileSync(path.join(temp.dir, DAMAGED_MARKER_FILE), 'x');
    const moved: string[] = [];

    const fresh = Store.open(temp.dir, { onMovedAside: (info) => moved.push(info.reason) });
    fresh.close();

    expect(moved).toEqual(['it failed its integrity check after a write error']);
    expect(asideFiles()).toHaveLength(1);
    expect(fs.existsSync(path.join(temp.dir, DAMAGED_MARKER_FILE))).toBe(false);
  });

  it('keeps a sound file that was flagged, and clears the flag', () => {
    Store.open(temp.dir).close();
    fs.writeFileSync(path.join(temp.dir, DAMAGED_MARKER_FILE), 'x');
    const moved: string[] = [];
    Store.open(temp.dir, { onMovedAside: (info) => moved.push(info.reason) }).close();
    expect(moved).toEqual([]);
    expect(asideFiles()).toEqual([]);
    expect(fs.existsSync(path.join(temp.dir, DAMAGED_MARKER_FILE))).toBe(false);
  });
});
