import { defineConfig } from 'vitest/config';

// End-to-end tests in Debian's Chromium (`npm run test:e2e`), against the built package, the example pages
// and the reference server in its own process.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
