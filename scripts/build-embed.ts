// The script-tag build (`profilekit/embed`), run by `npm run build` after tsup, into dist/embed/:
//   profilekit.js         the loader: custom elements and `window.ProfileKit`, no UI code (a classic script)
//   <name>-<hash>.js      ES module chunks: one per element, the React-compatible runtime (Preact through
//                         preact/compat) and what they share, each named by its content so a CDN can
//                         cache it for good
// The chunks are built first; their file names are then written into the loader (load-built.ts).
// dist/embed.meta.json (not shipped) is esbuild's metafile of both, which .size-limit.js reads.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin, transform } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(ROOT, 'dist/embed');
const ELEMENTS = ['sign-up', 'profile-editor', 'auth-gate', 'sign-in', 'user-menu', 'for'] as const;

/**
 * `import css from './styles.css?inline'`: the stylesheet as a string, as Vite does it, minified (no
 * syntax lowered: the browsers the stylesheet is written for read it as it is).
 */
const cssInline: Plugin = {
  name: 'css-inline',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: resolve(dirname(args.importer), args.path.replace(/\?inline$/, '')),
      namespace: 'css-inline',
    }));
    b.onLoad({ filter: /.*/, namespace: 'css-inline' }, async (args) => ({
      contents: (await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true })).code,
      loader: 'text',
    }));
  },
};

/** The loader's load.ts becomes load-built.ts, which fetches chunk files instead of importing sources. */
const builtLoad: Plugin = {
  name: 'built-load',
  setup(b) {
    b.onResolve({ filter: /^\.\/load$/ }, (args) => ({ path: resolve(args.resolveDir, 'load-built.ts') }));
  },
};

const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  metafile: true,
  target: 'es2020',
  platform: 'browser',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
} as const;

const chunks = await build({
  ...common,
  entryPoints: {
    ...Object.fromEntries(ELEMENTS.map((name) => [`element-${name}`, `src/embed/chunks/${name}.ts`])),
    session: 'src/embed/chunks/session.ts',
  },
  absWorkingDir: ROOT,
  outdir: OUT,
  format: 'esm',
  splitting: true,
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  // One UI runtime for the embed alone: Preact with its React compatibility layer, a fraction of React DOM.
  alias: {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react/jsx-runtime': 'preact/jsx-runtime',
  },
  plugins: [cssInline],
});

/** Each entry's output file, by entry name (`sign-up`, …, `session`). */
const files: Record<string, string> = {};
for (const [file, output] of Object.entries(chunks.metafile.outputs)) {
  if (!output.entryPoint || file.endsWith('.map')) continue;
  const entry = output.entryPoint.replace(/^.*\//, '').replace(/\.ts$/, '');
  if (output.entryPoint.startsWith('src/embed/chunks/')) files[entry] = relative(OUT, resolve(ROOT, file));
}
for (const name of [...ELEMENTS, 'session']) {
  if (!files[name]) throw new Error(`the embed build made no chunk for ${name}`);
}

const loader = await build({
  ...common,
  entryPoints: { profilekit: 'src/embed/index.ts' },
  absWorkingDir: ROOT,
  outdir: OUT,
  format: 'iife',
  globalName: 'ProfileKit',
  define: { ...common.define, PROFILEKIT_CHUNKS: JSON.stringify(files) },
  plugins: [builtLoad],
});
if (
  Object.keys(loader.metafile.inputs).some((input) => /src\/react\/|node_modules\/(react|preact)/.test(input))
)
  throw new Error('the embed loader must not contain UI code');

const meta: Metafile = {
  inputs: { ...chunks.metafile.inputs, ...loader.metafile.inputs },
  outputs: { ...chunks.metafile.outputs, ...loader.metafile.outputs },
};
await writeFile(resolve(ROOT, 'dist/embed.meta.json'), JSON.stringify(meta));
