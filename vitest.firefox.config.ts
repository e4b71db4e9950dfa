import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox ESR: the Firefox build (.output/firefox-mv2,
// `npm run build:firefox`), driven over WebDriver BiDi (test/e2e-firefox/harness.ts). One browser
// at a time; the tests in a file build on each other's state (the import, the open tabs).
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    sequence: { concurrent: false },
  },
});
