import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fencedBlocks, guideSteps } from '../guides/extract';
import { ROOT } from './reference-tables';

// Snippet honesty (issue 21): a code block a reader may copy is either a file of a guide that CI runs, a
// file of an example that CI builds, or compiled against the built package by test/types/check.mjs.

function markdown(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'screenshots' ? [] : markdown(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const runner = read('test/guides/guides.guide.ts');
const typeCheck = read('test/types/check.mjs');

/** Guides CI follows as written (test/guides), and the one CI checks against examples/nextjs (test/docs). */
const RUN = [
  'docs/guides/vite-react-hono.md',
  'docs/guides/plain-html.md',
  'docs/guides/existing-better-auth.md',
];
const EXAMPLE = 'docs/guides/nextjs.md';

/**
 * Pages whose ts/tsx blocks test/types/check.mjs compiles against the built package, once more under a stock
 * Vite app's tsconfig with nothing ambient: a block declares or imports every name it uses.
 * Their other blocks (html, js) are shown as they are used, not run. Moving them into guides is the way out.
 */
const COMPILED = [
  'docs/reference.md',
  'docs/account-settings.md',
  'docs/translations.md',
  'docs/host-questions.md',
  'docs/security.md',
  'docs/personalization.md',
  // every page of these folders
  'docs/components/',
  'docs/server/',
];
const compiled = (page: string) =>
  COMPILED.some((entry) => (entry.endsWith('/') ? page.startsWith(entry) : page === entry));
/** Fragments that neither CI runs nor compiles yet, each by its first line: a new one fails below. */
const UNCHECKED: Record<string, string[]> = {
  'docs/reference.md': [
    '<script src="/js/profilekit/profilekit.js"',
    "const unmount = ProfileKit.mount(document.querySelector('#join'), 'sign-up', {",
  ],
};

describe('the code blocks of README.md and docs/', () => {
  it('README.md shows commands only: its code is in the guides', () => {
    const langs = fencedBlocks(read('README.md')).map((block) => block.lang);
    expect(langs.length).toBeGreaterThan(0);
    expect(langs.filter((lang) => lang !== 'sh')).toEqual([]);
  });

  it.each(RUN)('%s: every block is a command or a file, and CI follows the guide', (guide) => {
    expect(() => guideSteps(read(guide))).not.toThrow();
    expect(runner).toContain(`'${guide.slice('docs/guides/'.length)}'`);
  });

  it('the plain HTML guide runs the same server file as the Vite guide', () => {
    const server = (guide: string) =>
      guideSteps(read(guide)).flatMap((step) =>
        step.kind === 'file' && step.path === 'server/server.ts' ? [step.content] : [],
      );
    const vite = server('docs/guides/vite-react-hono.md');
    expect(vite).toHaveLength(1);
    expect(server('docs/guides/plain-html.md')).toEqual(vite);
  });

  it(`${EXAMPLE}: every code block is an example file (checked by readme-nextjs.test.ts) or a command`, () => {
    const blocks = fencedBlocks(read(EXAMPLE));
    expect(blocks.filter((b) => !['sh', 'ts', 'tsx'].includes(b.lang))).toEqual([]);
    for (const block of blocks.filter((b) => b.lang !== 'sh'))
      expect(block.body).toMatch(/^\/\/ \S+\.tsx?\n/);
  });

  it('the compiled pages are the ones test/types/check.mjs reads', () => {
    for (const page of COMPILED) expect(typeCheck).toContain(`'${page}'`);
  });

  it('no other page has a block that is neither checked nor listed', () => {
    const loose: string[] = [];
    for (const page of markdown('docs').map((p) => relative(ROOT, join(ROOT, p)))) {
      if (RUN.includes(page) || page === EXAMPLE) continue;
      for (const block of fencedBlocks(read(page))) {
        if (['sh', ''].includes(block.lang)) continue;
        if (compiled(page) && ['ts', 'tsx'].includes(block.lang)) continue;
        if (UNCHECKED[page]?.includes(block.body.split('\n')[0] ?? '')) continue;
        loose.push(`${page}:${block.line} (${block.lang})`);
      }
    }
    expect(loose).toEqual([]);
  });
});
