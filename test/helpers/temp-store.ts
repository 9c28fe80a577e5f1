import { afterEach, beforeEach } from 'vitest';
import { Store } from '../../electron/core/store/store.js';
import { makeTempDir } from './temp-dir.js';

export interface TempStore {
  /** The folder the database lives in, fresh for each test. */
  readonly dir: string;
  /** The open store; a test that closes and reopens it assigns the new one here. */
  store: Store;
}

/**
 * Opens a real Store in a fresh temp folder before each test of the calling `describe`, and
 * closes it and removes the folder after each.
 */
export function useTempStore(): TempStore {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let store: Store | undefined;
  const handle: TempStore = {
    get dir() {
      if (!temp) throw new Error('useTempStore: no test is running');
      return temp.dir;
    },
    get store() {
      if (!store) throw new Error('useTempStore: no test is running');
      return store;
    },
    set store(next: Store) {
      store = next;
    },
  };
  beforeEach(() => {
    temp = makeTempDir();
    store = Store.open(temp.dir);
  });
  afterEach(() => {
    store?.close();
    temp?.remove();
    store = undefined;
    temp = undefined;
  });
  return handle;
}
