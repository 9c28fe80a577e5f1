import { defineConfig } from 'vitest/config';

// `npm run test:slow`: tests that need minutes of real time (kept out of the normal suite).
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/slow/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 30_000,
  },
});
