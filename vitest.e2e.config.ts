import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/chrome-mv3, `npm run build`) in real Chromium.
// One browser at a time, one file after another: they share the machine's only Chromium and the
// tests inside a file build on each other's state (the import, the open tabs).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    sequence: { concurrent: false },
  },
});
