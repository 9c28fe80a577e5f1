import { test as base } from '@playwright/test';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

/** Every test gets its own serve process: fresh data folder, free ports, stopped afterwards. */
export const test = base.extend<{ app: ServeProcess; firstRun: boolean }>({
  /** `test.use({ firstRun: true })`: the app as on its very first start (the guide opens by itself). */
  firstRun: [false, { option: true }],
  app: async ({ firstRun }, use) => {
    const app = await startServe({ firstRun });
    try {
      await use(app);
    } finally {
      await app.stop();
    }
  },
});

export { expect } from '@playwright/test';
