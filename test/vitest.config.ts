import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // better-sqlite3 is a native addon: separate processes keep each file's databases apart.
    pool: 'forks',
    setupFiles: ['test/setup/fast-check-seed.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
