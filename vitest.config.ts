import { defineConfig, type Plugin } from 'vitest/config';

/** Loads `.sql` files as text, as tsup's text loader does for the build. */
const sqlAsText: Plugin = {
  name: 'sql-as-text',
  transform(code, id) {
    if (id.endsWith('.sql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
  },
};

const src = (path: string) => new URL(`./src/${path}`, import.meta.url).pathname;

export default defineConfig({
  plugins: [sqlAsText],
  resolve: {
    // Examples import the package by its public name; tests run them against the sources.
    alias: [
      { find: /^profilekit\/client$/, replacement: src('client/index.ts') },
      { find: /^profilekit\/server$/, replacement: src('server/index.ts') },
      { find: /^profilekit\/msw$/, replacement: src('msw/index.ts') },
      { find: /^profilekit\/rsc$/, replacement: src('rsc/index.ts') },
      { find: /^profilekit\/styles\.css$/, replacement: src('styles.css') },
      { find: /^profilekit\/locales\/(\w+)$/, replacement: src('locales/$1.ts') },
      { find: /^profilekit$/, replacement: src('react/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The embed imports the stylesheet as text (`?inline`); vitest leaves CSS empty unless told.
    css: { include: [/styles\.css/] },
    environment: 'node',
    setupFiles: ['test/async-waits.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
