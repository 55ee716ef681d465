import { defineConfig } from 'vitest/config';

// The guides of docs/guides/, followed end to end in empty folders (`npm run test:guides`): npm installs,
// the Vite template's own build, the guide's servers, and Chromium across two origins.
export default defineConfig({
  test: {
    include: ['test/guides/**/*.guide.ts'],
    environment: 'node',
    testTimeout: 20 * 60_000,
    hookTimeout: 5 * 60_000,
    fileParallelism: false,
  },
});
