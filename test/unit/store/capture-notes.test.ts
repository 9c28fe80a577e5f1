import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import type { NewCapture } from '../../../electron/core/store/records.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { newCapture } from '../../helpers/capture-fixture.js';

function capture(searchText: string): NewCapture {
  return newCapture({ summary: searchText, body: Buffer.from(searchText), searchText });
}

describe('capture notes', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir();
    store = Store.open(temp.dir);
  });
  afterEach(() => {
    store.close();
    temp.remove();
  });

  const ids = (q: string, extra: { limit?: number; before?: number; starred?: boolean } = {}) =>
    store.captures.list({ limit: 10, q, ...extra }).items.map((item) => item.id);

  it('stores a note on the summary and the detail, and removes it with null', () => {
    const id = store.transaction(() => store.captures.insert(capture('payload')));
    expect(store.captures.summary(id)).not.toHaveProperty('note');
    expect(store.captures.setNote(id, 'Customer said it came twice')).toBe(true);
    expect(store.captures.summary(id)?.note).toBe('Customer said it came twice');
    expect(store.captures.get(id)?.note).toBe('Customer said it came twice');
    expect(store.captures.setNote(id, null)).toBe(true);
    expect(store.captures.get(id)).not.toHaveProperty('note');
    expect(store.captures.setNote(id + 100, 'x')).toBe(false);
  });

  it('finds captures by their note, replaces the note in the index, and merges hits in id order', () => {
    const [a, b, c] = store.transaction(() =>
      ['alpha order', 'bravo order', 'charlie'].map((text) => store.captures.insert(capture(text))),
    ) as [number, number, number];
    store.captures.setNote(a, 'duplicate delivery');
    store.captures.setNote(c, 'order looks odd');
    expect(ids('duplicate')).toEqual([a]);
    // "order" is in b's and a's own text and in c's note: one list, newest first, no repeats.
    expect(ids('order')).toEqual([c, b, a]);
    store.captures.setNote(a, 'fine after all');
    expect(ids('duplicate')).toEqual([]);
    expect(ids('fine')).toEqual([a]);
    // Keyset pages over the merged hits stay exact.
    expect(ids('order', { limit: 1 })).toEqual([c]);
    expect(store.captures.list({ limit: 1, q: 'order' }).next).toBe(c);
    expect(ids('order', { limit: 1, before: c })).toEqual([b]);
    expect(ids('order', { limit: 5, before: b })).toEqual([a]);
    // Other filters apply to note hits too.
    store.captures.star([b], true);
    expect(ids('order', { starred: true })).toEqual([b]);
  });

  it('drops notes from the index when captures are deleted or cleared', () => {
    const [a, b] = store.transaction(() => [
      store.captures.insert(capture('one')),
      store.captures.insert(capture('two')),
    ]);
    store.captures.setNote(a, 'remember me');
    store.captures.setNote(b, 'remember me too');
    store.transaction(() => store.captures.delete([a]));
    expect(ids('remember')).toEqual([b]);
    store.transaction(() => store.captures.clear());
    const c = store.transaction(() => store.captures.insert(capture('three')));
    expect(ids('remember')).toEqual([]);
    // The index still works after a clear.
    store.captures.setNote(c, 'remember again');
    expect(ids('remember')).toEqual([c]);
  });

  it('lists the unstarred captures for a clear that keeps the starred ones', () => {
    const [a, b, c] = store.transaction(() =>
      ['one', 'two', 'three'].map((text) => store.captures.insert(capture(text))),
    ) as [number, number, number];
    store.captures.star([b], true);
    expect(store.captures.unstarredIds().sort((x, y) => x - y)).toEqual([a, c]);
  });
});
