// Bundle budgets of the React entry: minified + gzip, React external, the host's better-auth React client
// included. Run by `npm test` after the build (`npm run size`).

/** Leaves chunks behind `import()` out: they load only when a page renders what needs them. */
const firstLoadOnly = (config) => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'first-load-only',
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) =>
          args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});

const common = { gzip: true, ignore: ['react', 'react-dom', 'react/jsx-runtime'] };
// better-auth/react, by file: size-limit reads `import` keys as paths.
const authClient = { 'node_modules/better-auth/dist/client/react/index.mjs': '{ createAuthClient }' };

const components = '{ AuthGate, ProfileEditor, ProfileKitProvider, SignIn, SignUpWithBackground }';

export default [
  {
    name: 'AuthGate, first load (what a signed-in visitor loads)',
    path: 'dist/index.js',
    import: { 'dist/index.js': '{ AuthGate, ProfileKitProvider }', ...authClient },
    modifyEsbuildConfig: firstLoadOnly,
    limit: '14 kB',
    ...common,
  },
  {
    name: 'AuthGate with its sign-in form (what a signed-out visitor loads)',
    path: 'dist/index.js',
    import: { 'dist/index.js': '{ AuthGate, ProfileKitProvider, SignIn }', ...authClient },
    modifyEsbuildConfig: firstLoadOnly,
    limit: '16 kB',
    ...common,
  },
  {
    name: 'All components, first load',
    path: 'dist/index.js',
    import: { 'dist/index.js': components, ...authClient },
    modifyEsbuildConfig: firstLoadOnly,
    limit: '50 kB',
    ...common,
  },
  {
    // Not a budget of the design: a ceiling so growth is noticed. Radix Dialog alone is about 14 kB of it.
    name: 'All components with everything they load on demand (dialog included)',
    path: 'dist/index.js',
    import: { 'dist/index.js': components, ...authClient },
    limit: '66 kB',
    ...common,
  },
];
