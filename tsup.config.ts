import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  splitting: false,
  external: ['react', 'react-dom', 'better-auth', 'pg', 'kysely', 'msw'],
  loader: { '.sql': 'text' },
};

/**
 * Keeps the parts of the React entry that not every page needs in files of their own: imports of
 * `./forms` (questionnaire, react-hook-form, zod, profile client), `./sign-in` and `./sign-up-dialog`
 * (Radix Dialog) resolve to their built files, which the entry re-exports and loads on demand.
 */
const onDemandFiles: Plugin = {
  name: 'on-demand-files',
  setup(build) {
    build.onResolve({ filter: /^\.\/(forms|sign-in|sign-up-dialog)$/ }, (args) =>
      args.importer.includes('/src/react/') ? { path: `${args.path}.js`, external: true } : undefined,
    );
  },
};

export default defineConfig([
  {
    ...shared,
    entry: { client: 'src/client/index.ts', server: 'src/server/index.ts', msw: 'src/msw/index.ts' },
    platform: 'neutral',
  },
  // The React entry must stay a client module for React Server Components hosts. Its ESM build is split,
  // so the questionnaire, the profile client and zod load only when a page renders them.
  {
    ...shared,
    entry: {
      index: 'src/react/index.ts',
      forms: 'src/react/forms.ts',
      'sign-in': 'src/react/sign-in.tsx',
      'sign-up-dialog': 'src/react/sign-up-dialog.tsx',
    },
    format: ['esm'],
    splitting: true,
    banner: { js: '"use client";' },
    esbuildPlugins: [onDemandFiles],
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
]);
