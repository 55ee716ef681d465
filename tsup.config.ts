import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  // `npm run demo` builds without declarations (PROFILEKIT_DTS=off): they are most of the build's time.
  dts: process.env.PROFILEKIT_DTS !== 'off',
  sourcemap: true,
  target: 'es2022',
  splitting: false,
  external: ['react', 'react-dom', 'better-auth', 'pg', 'kysely', 'msw'],
  loader: { '.sql': 'text' },
};

export default defineConfig([
  {
    ...shared,
    entry: {
      client: 'src/client/index.ts',
      server: 'src/server/index.ts',
      msw: 'src/msw/index.ts',
      rsc: 'src/rsc/index.ts',
      // One file per language, so a page loads only the one it passes to the provider.
      'locales/en': 'src/locales/en.ts',
      'locales/de': 'src/locales/de.ts',
      'locales/fr': 'src/locales/fr.ts',
      'locales/es': 'src/locales/es.ts',
      'locales/ja': 'src/locales/ja.ts',
      'locales/ar': 'src/locales/ar.ts',
    },
    platform: 'neutral',
  },
  // The React entry must stay a client module for React Server Components hosts. Its ESM build is split:
  // what the entry loads with import() (sign-in, questionnaire, editor, dialog) becomes chunks of its own.
  {
    ...shared,
    entry: { index: 'src/react/index.ts' },
    format: ['esm'],
    splitting: true,
    banner: { js: '"use client";' },
  },
  {
    ...shared,
    entry: { index: 'src/react/index.ts' },
    format: ['cjs'],
    banner: { js: '"use client";' },
  },
  {
    ...shared,
    entry: { cli: 'src/server/cli.ts' },
    format: ['esm'],
    dts: false,
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The script-tag build (profilekit/embed, dist/embed/) is scripts/build-embed.ts, run after this one.
]);
