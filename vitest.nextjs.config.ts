import { defineConfig } from 'vitest/config';

// The Next.js App Router example in Chromium (`npm run test:nextjs`): built, started and run in development
// mode from examples/nextjs, with profilekit installed there from its packed tarball.
export default defineConfig({
  test: {
    include: ['test/nextjs/**/*.next.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
