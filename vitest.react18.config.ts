import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The component tests and every story again, on React 18.3 (`npm run test:react18`, part of `npm test`); only
 * the Server Components file stays out (React Server Components need React 19).
 * React 18 lives in test/react-18/node_modules beside the project's React 19. Every `react` and `react-dom`
 * import resolves there: the sources' and tests' own, and those of the libraries that render with React
 * (Testing Library, Radix, react-hook-form, better-auth's React client, Storybook's renderer), which are
 * inlined so that the aliases reach them. One copy of React serves them all; react-dom 18 finds the same copy
 * from its own folder. test/react/react-version.test.tsx proves which React ran.
 */
const react18 = (path: string) =>
  fileURLToPath(new URL(`./test/react-18/node_modules/${path}`, import.meta.url));

const withReact = rendersWithReact();

const config = mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [
        { find: /^react$/, replacement: react18('react/index.js') },
        { find: /^react\/(.+)$/, replacement: react18('react/$1') },
        { find: /^react-dom$/, replacement: react18('react-dom/index.js') },
        { find: /^react-dom\/(.+)$/, replacement: react18('react-dom/$1') },
        // Their `main` files are CommonJS, whose require() the aliases never see: their ESM builds.
        ...withReact.aliases,
      ],
    },
    test: {
      env: { PROFILEKIT_EXPECT_REACT: '18' },
      server: {
        deps: {
          inline: withReact.inline,
        },
      },
    },
  }),
);
// mergeConfig appends arrays; the file list replaces the base one.
config.test.include = ['test/react/**/*.test.tsx', 'test/embed/**/*.test.tsx', 'test/stories/**/*.test.tsx'];
config.test.exclude = [
  // What a React Server Component hands a client component (a lazy element), which exists on React 19 only.
  'test/react/server-component-props.test.tsx',
];
// One file at a time: React 18's development build renders these tests markedly slower than React 19,
// and two files at once on a two-core machine pushed the slowest (ten gates, a failed profile read) past
// Testing Library's waits when they were one second long (test/async-waits.ts has since made them five);
// the test steps also count this run as the one core a single file at a time keeps busy.
config.test.fileParallelism = false;

export default config;

/** Every installed package that imports React, by its manifest. */
function rendersWithReact() {
  const root = new URL('./node_modules/', import.meta.url);
  const names = readdirSync(root).flatMap((name) =>
    name.startsWith('@') ? readdirSync(new URL(`${name}/`, root)).map((n) => `${name}/${n}`) : [name],
  );
  const packages: { name: string; module: string | undefined }[] = [];
  for (const name of names) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(`${name}/package.json`, root), 'utf8'));
      const uses = { ...manifest.dependencies, ...manifest.peerDependencies };
      if (name === 'react-dom' || !('react' in uses || 'react-dom' in uses)) continue;
      // Without an exports map, Node-style resolution picks `main`, often CommonJS; `module` is the ESM build.
      const module =
        manifest.exports === undefined && typeof manifest.module === 'string' ? manifest.module : undefined;
      packages.push({ name, module: module && fileURLToPath(new URL(`${name}/${module}`, root)) });
    } catch {
      // Not a package folder.
    }
  }
  const literal = (name: string) => name.replace(/[.+/]/g, '\\$&');
  return {
    inline: packages.map(({ name }) => new RegExp(`/node_modules/${literal(name)}/`)),
    aliases: packages.flatMap(({ name, module }) =>
      module ? [{ find: new RegExp(`^${literal(name)}$`), replacement: module }] : [],
    ),
  };
}
