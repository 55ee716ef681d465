// Type-checks the public API as hosts compile it: the BUILT package (dist/*.d.ts, dist/*.d.cts, linked as
// test/types/node_modules/profilekit), `strict` plus `exactOptionalPropertyTypes`, in three module modes
// (bundler, node16 ESM, node16 CJS), each with @types/react 19 (the project's) and 18 (test/react-18); and the
// docs' snippets alone under a stock Vite app's tsconfig (step 4).
// Run by `npm test` after the build: `node test/types/check.mjs`.
//
// The ```ts and ```tsx blocks of README.md and the docs pages (DOCUMENTS below) are compiled too, verbatim: each becomes its own module in
// test/types/esm/readme/ (generated, not committed), compiled in the ESM modes (they use top-level await and
// ESM-only better-auth, as an ESM host does). test/types/ambient.d.ts declares what the snippets take from
// the page around them. An HTML comment on the line just before a fence changes that:
//   <!-- types: skip -->                  not compiled (a fragment); say why after the word if useful
//   <!-- types: file <path> -->           not compiled here: the block must appear verbatim in <path> (a file
//                                          of the repository, e.g. under examples/, which its own checks compile)
//   <!-- example: <path> -->              the same as `types: file <path>` (the Next.js App Router section)
// Any other `<!-- types: ... -->` is an error, so a typo cannot silently drop a block.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const here = new URL('./', import.meta.url);
const at = (path) => new URL(path, here).pathname;

// 1. The snippets of README.md and the docs pages (test/docs/snippets.test.ts checks that every page with a
// ts/tsx block outside the guides is one of these).
const pagesOf = (folder) =>
  readdirSync(new URL(folder, root))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `${folder}${name}`);
const DOCUMENTS = [
  'README.md',
  'docs/reference.md',
  'docs/account-settings.md',
  'docs/translations.md',
  'docs/host-questions.md',
  'docs/security.md',
  'docs/personalization.md',
  ...pagesOf('docs/components/'),
  ...pagesOf('docs/server/'),
];
const out = new URL('esm/readme/', here);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const problems = [];
let compiled = 0;
let elsewhere = 0;
for (const document of DOCUMENTS) {
  const readme = readFileSync(new URL(document, root), 'utf8').split('\n');
  const prefix = document.replace(/\W+/g, '-').toLowerCase();
  for (let i = 0; i < readme.length; i++) {
    const fence = readme[i].match(/^```(ts|tsx)\s*$/);
    if (!fence) continue;
    const end = readme.findIndex((line, j) => j > i && line.startsWith('```'));
    const body = readme.slice(i + 1, end).join('\n');
    let k = i - 1;
    while (k >= 0 && readme[k].trim() === '') k--;
    // `<!-- example: <path> -->` means `types: file <path>`.
    const marker =
      readme[k]?.match(/^<!--\s*types:\s*(\S+)\s*(.*?)\s*-->$/) ??
      readme[k]?.match(/^<!--\s*(?:example:)\s*()(.*?)\s*-->$/)?.with(1, 'file');
    const line = i + 1;
    if (marker?.[1] === 'skip') {
      // Left out on purpose.
    } else if (marker?.[1] === 'file') {
      const text = (() => {
        try {
          return readFileSync(new URL(marker[2], root), 'utf8');
        } catch {
          return undefined;
        }
      })();
      if (text === undefined) problems.push(`${document}:${line}: ${marker[2]} does not exist`);
      else if (!text.includes(body))
        problems.push(`${document}:${line}: the block is not in ${marker[2]} verbatim`);
      elsewhere++;
    } else if (marker) {
      problems.push(`${document}:${k + 1}: unknown marker "${marker[1]}" (use skip or file <path>)`);
    } else {
      writeFileSync(new URL(`${prefix}-line-${line}.${fence[1]}`, out), `${body}\n`);
      compiled++;
    }
    i = end;
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

// 2. The package by its public name, as `npm install` would place it.
mkdirSync(new URL('node_modules/', here), { recursive: true });
rmSync(new URL('node_modules/profilekit', here), { force: true });
symlinkSync('../../..', new URL('node_modules/profilekit', here), 'dir');

// 3. One tsconfig per mode and React types.
const react18 = (path) => [`../react-18/node_modules/@types/${path}`];
const modes = {
  bundler: { module: 'ESNext', moduleResolution: 'Bundler', files: ['esm/**/*', 'ambient.d.ts'] },
  'node16-esm': { module: 'Node16', moduleResolution: 'Node16', files: ['esm/**/*', 'ambient.d.ts'] },
  'node16-cjs': { module: 'Node16', moduleResolution: 'Node16', files: ['cjs/**/*'] },
};
const configs = [];
mkdirSync(new URL('.tsconfig/', here), { recursive: true });
for (const [mode, { module, moduleResolution, files }] of Object.entries(modes)) {
  for (const react of ['19', '18']) {
    const name = `${mode}-react${react}`;
    const paths =
      react === '18'
        ? {
            // Files, not folders: node16 resolution does not look inside a folder a path maps to.
            react: react18('react/index.d.ts'),
            'react/*': react18('react/*.d.ts'),
            'react-dom': react18('react-dom/index.d.ts'),
            'react-dom/*': react18('react-dom/*.d.ts'),
          }
        : {};
    const config = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module,
        moduleResolution,
        jsx: 'react-jsx',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: false,
        esModuleInterop: true,
        // Third-party declarations are not ours to check; profilekit's are read and used by every line here.
        skipLibCheck: true,
        noEmit: true,
        types: [],
        baseUrl: '..',
        paths,
      },
      include: [...files, `react-types-${react}.ts`].map((f) => `../${f}`),
    };
    writeFileSync(new URL(`.tsconfig/${name}.json`, here), `${JSON.stringify(config, null, 2)}\n`);
    configs.push(name);
  }
}

// 4. The snippets once more as a user's stock Vite app compiles them: the compiler options of create-vite 9.3's
// react-ts template (template-react-ts/tsconfig.app.json) and nothing else in scope: no ambient.d.ts, so a
// snippet that uses a name it does not declare or import fails, as it would in that app. The template is built
// for TypeScript 7, which turns `strict` and DOM.Iterable on by default; this repository's TypeScript 5.9 is
// told so.
writeFileSync(
  new URL('.tsconfig/vite-template.json', here),
  `${JSON.stringify(
    {
      compilerOptions: {
        target: 'es2023',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'esnext',
        types: ['vite/client'],
        allowArbitraryExtensions: true,
        skipLibCheck: true,
        moduleResolution: 'bundler',
        allowImportingTsExtensions: true,
        verbatimModuleSyntax: true,
        moduleDetection: 'force',
        noEmit: true,
        jsx: 'react-jsx',
        noUnusedLocals: true,
        noUnusedParameters: true,
        erasableSyntaxOnly: true,
        noFallthroughCasesInSwitch: true,
        strict: true,
        // The template's `vite/client` types, from this repository's own Vite.
        typeRoots: ['../../../node_modules/@types', '../../../node_modules'],
      },
      include: ['../esm/readme/**/*'],
    },
    null,
    2,
  )}\n`,
);
configs.push('vite-template');

// 5. Compile, two at a time.
const tsc = new URL('node_modules/typescript/bin/tsc', root).pathname;
const started = performance.now();
const results = [];
const queue = [...configs];
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length > 0) {
      const name = queue.shift();
      const t0 = performance.now();
      const output = await new Promise((resolve) => {
        const child = spawn(process.execPath, [tsc, '-p', at(`.tsconfig/${name}.json`), '--pretty', 'false']);
        let text = '';
        child.stdout.on('data', (d) => (text += d));
        child.stderr.on('data', (d) => (text += d));
        child.on('close', (code) => resolve({ code, text }));
      });
      results.push({ name, ...output, seconds: ((performance.now() - t0) / 1000).toFixed(1) });
    }
  }),
);
let failed = false;
for (const { name, code, text, seconds } of results.sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (code !== 0) {
    failed = true;
    console.log(text.replaceAll(`${new URL('.', root).pathname}`, ''));
  }
}
console.log(
  `type tests: ${configs.length} configurations, ${compiled} README and docs blocks compiled, ${elsewhere} checked against files, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed ? 1 : 0);
