import { describe, expect, it } from 'vitest';
import type { NewCapture } from '../../../electron/core/store/records.js';
import { useTempStore } from '../../helpers/temp-store.js';
import { newCapture } from '../../helpers/capture-fixture.js';

function capture(searchText: string): NewCapture {
  return newCapture({ summary: searchText, body: Buffer.from(searchText), searchText });
}

describe('capture notes', () => {
  const temp = useTempStore();

  const ids = (q: string, extra: { limit?: number; before?: number; starred?: boolean } = {}) =>
    temp.store.captures.list({ limit: 10, q, ...extra }).items.map((item) => item.id);

  it('stores a note on the summary and the detail, and removes it with null', () => {
    const id = temp.store.transaction(() => temp.store.captures.insert(capture('payload')));
    expect(temp.store.captures.summary(id)).not.toHaveProperty('note');
    expect(temp.store.captures.setNote(id, 'Customer said it came twice')).toBe(true);
    expect(temp.store.captures.summary(id)?.note).toBe('Customer said it came twice');
    expect(temp.store.captures.get(id)?.note).toBe('Customer said it came twice');
    expect(temp.store.captures.setNote(id, null)).toBe(true);
    expect(temp.store.captures.get(id)).not.toHaveProperty('note');
    expect(temp.store.captures.setNote(id + 100, 'x')).toBe(false);
  });

  it('finds captures by their note, replaces the note in the index, and merges hits in id order', () => {
    const [a, b, c] = temp.store.transaction(() =>
      ['alpha order', 'bravo order', 'charlie'].map((text) => temp.store.captures.insert(capture(text))),
    ) as [number, number, number];
    temp.store.captures.setNote(a, 'duplicate delivery');
    temp.store.captures.setNote(c, 'order looks odd');
    expect(ids('duplicate')).toEqual([a]);
    // "order" is in b's and a's own text and in c's note: one list, newest first, no repeats.
    expect(ids('order')).toEqual([c, b, a]);
    temp.store.captures.setNote(a, 'fine after all');
    expect(ids('duplicate')).toEqual([]);
    expect(ids('fine')).toEqual([a]);
    // Keyset pages over the merged hits stay exact.
    expect(ids('order', { limit: 1 })).toEqual([c]);
    expect(temp.store.captures.list({ limit: 1, q: 'order' }).next).toBe(c);
    expect(ids('order', { limit: 1, before: c })).toEqual([b]);
    expect(ids('order', { limit: 5, before: b })).toEqual([a]);
    // Other filters apply to note hits too.
    temp.store.captures.star([b], true);
    expect(ids('order', { starred: true })).toEqual([b]);
  });

  it('drops notes from the index when captures are deleted or cleared', () => {
    const [a, b] = temp.store.transaction(() => [
      temp.store.captures.insert(capture('one')),
      temp.store.captures.insert(capture('two')),
    ]);
    temp.store.captures.setNote(a, 'remember me');
    temp.store.captures.setNote(b, 'remember me too');
    temp.store.transaction(() => temp.store.captures.delete([a]));
    expect(ids('remember')).toEqual([b]);
    temp.store.transaction(() => temp.store.captures.clear());
    const c = temp.store.transaction(() => temp.store.captures.insert(capture('three')));
    expect(ids('remember')).toEqual([]);
    // The index still works after a clear.
    temp.store.captures.setNote(c, 'remember again');
    expect(ids('remember')).toEqual([c]);
  });

  it('lists the unstarred captures for a clear that keeps the starred ones', () => {
    const [a, b, c] = temp.store.transaction(() =>
      ['one', 'two', 'three'].map((text) => temp.store.captures.insert(capture(text))),
    ) as [number, number, number];
    temp.store.captures.star([b], true);
    expect(temp.store.captures.unstarredIds().sort((x, y) => x - y)).toEqual([a, c]);
  });
});
