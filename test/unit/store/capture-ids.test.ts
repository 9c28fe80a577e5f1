import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/core/store/store.js';
import { newCapture } from '../../helpers/capture-fixture.js';
import { useTempStore } from '../../helpers/temp-store.js';

describe('capture ids', () => {
  const temp = useTempStore();
  const insert = (text: string) =>
    temp.store.transaction(() => temp.store.captures.insert(newCapture({ summary: text })));

  it('are not handed out again after the newest capture is deleted', () => {
    const first = insert('a');
    const second = insert('b');
    temp.store.transaction(() => temp.store.captures.delete([second]));
    const third = insert('c');
    expect(third).toBeGreaterThan(second);
    expect(first).toBeLessThan(second);
  });

  it('keep counting up after a clear, across a restart', () => {
    insert('a');
    const last = insert('b');
    temp.store.transaction(() => temp.store.captures.clear());
    temp.store.close();
    temp.store = Store.open(temp.dir);
    const next = insert('after the clear');
    expect(next).toBe(last + 1);
    expect(temp.store.captures.list({ limit: 10 }).items.map((item) => item.id)).toEqual([next]);
  });
});
