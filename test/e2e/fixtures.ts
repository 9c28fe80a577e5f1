import { test as base } from '@playwright/test';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

/** Every test gets its own serve process: fresh data folder, free ports, stopped afterwards. */
export const test = base.extend<{ app: ServeProcess }>({
  // Playwright reads fixture dependencies from this destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const app = await startServe();
    try {
      await use(app);
    } finally {
      await app.stop();
    }
  },
});

export { expect } from '@playwright/test';
