import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The MSW service worker that msw-storybook-addon registers.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  // The public components load their code on demand; their props come from the TypeScript types.
  typescript: { reactDocgen: 'react-docgen-typescript' },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      build: {
        rollupOptions: {
          // Radix marks its modules "use client"; the directive means nothing inside a Storybook bundle.
          onwarn(warning, warn) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
      resolve: {
        // Stories import the package by its public name, served from the sources.
        alias: [
          { find: /^profilekit\/client$/, replacement: src('client/index.ts') },
          { find: /^profilekit\/msw$/, replacement: src('msw/index.ts') },
          { find: /^profilekit\/styles\.css$/, replacement: src('styles.css') },
          { find: /^profilekit\/locales\/(\w+)$/, replacement: src('locales/$1.ts') },
          { find: /^profilekit$/, replacement: src('react/index.ts') },
        ],
      },
    });
  },
};

export default config;
