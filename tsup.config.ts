import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
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

/** `import css from './styles.css?inline'`: the stylesheet as a string, as Vite does it. */
const cssInline: Plugin = {
  name: 'css-inline',
  setup(build) {
    build.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: resolve(dirname(args.importer), args.path.replace(/\?inline$/, '')),
      namespace: 'css-inline',
    }));
    build.onLoad({ filter: /.*/, namespace: 'css-inline' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

export default defineConfig([
  {
    ...shared,
    entry: {
      client: 'src/client/index.ts',
      server: 'src/server/index.ts',
      msw: 'src/msw/index.ts',
      rsc: 'src/rsc/index.ts',
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
  // The script-tag build: one file with React and better-auth inside, exposing `window.ProfileKit`.
  {
    entry: { embed: 'src/embed/index.tsx' },
    format: ['iife'],
    globalName: 'ProfileKit',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    dts: false,
    noExternal: [/.*/],
    define: { 'process.env.NODE_ENV': '"production"' },
    // tsup's own CSS handling loads every .css file; as text, it hands the stylesheet over as a string.
    loader: { '.css': 'text' },
    esbuildPlugins: [cssInline],
  },
]);
