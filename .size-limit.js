// Bundle budgets of the React entry: minified + gzip, React external, the host's better-auth React client
// included. Run by `npm test` after the build (`npm run size`).

/** dist's chunks import each other for ordering; esbuild notes every such import it drops. */
const quiet = (config) => ({ ...config, logOverride: { 'ignored-bare-import': 'silent' } });

/**
 * Leaves out the chunks behind `import()` whose file name matches `lazy`: they load only when a page first
 * shows what needs them. Everything else, on-demand or not, is counted.
 */
const leaveOut = (lazy) => (config) => ({
  ...quiet(config),
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'leave-out-on-demand-chunks',
      setup(build) {
        build.onResolve({ filter: lazy }, (args) =>
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
    name: 'AuthGate for a signed-in visitor (first load: no form code)',
    path: 'dist/index.js',
    import: { 'dist/index.js': '{ AuthGate, ProfileKitProvider }', ...authClient },
    modifyEsbuildConfig: leaveOut(/./),
    limit: '14 kB',
    ...common,
  },
  {
    name: 'AuthGate for a signed-out visitor (with the sign-in form)',
    path: 'dist/index.js',
    import: { 'dist/index.js': '{ AuthGate, ProfileKitProvider }', ...authClient },
    modifyEsbuildConfig: leaveOut(/sign-up|profile-/),
    limit: '16 kB',
    ...common,
  },
  {
    // The design's budget. The dependencies alone take 34.3 kB of it (docs/benchmarks.md).
    name: 'All components shown inline (the dialog loads on first open)',
    path: 'dist/index.js',
    import: { 'dist/index.js': components, ...authClient },
    modifyEsbuildConfig: leaveOut(/sign-up-dialog/),
    limit: '50 kB',
    ...common,
  },
  {
    name: 'All components with everything they can load (dialog included)',
    path: 'dist/index.js',
    import: { 'dist/index.js': components, ...authClient },
    // Radix Dialog alone is 13.9 kB; this line guards growth rather than meeting the budget above.
    modifyEsbuildConfig: quiet,
    limit: '65 kB',
    ...common,
  },
];
