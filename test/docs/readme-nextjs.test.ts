import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The Next.js guide (docs/guides/nextjs.md) shows the example's files verbatim: each code block's first line
// names its path in the app (`// lib/auth.ts`), and the rest must equal examples/nextjs/<path>, so the two
// cannot drift apart.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const guide = readFileSync(join(ROOT, 'docs/guides/nextjs.md'), 'utf8');

const blocks = [...guide.matchAll(/```(?:ts|tsx)\n\/\/ (\S+)\n([\s\S]*?)```\n/g)].map(([, path, code]) => ({
  path: `examples/nextjs/${path as string}`,
  code: code as string,
}));

/** The example's source files (what a reader would copy), build output and installs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', '.next'].includes(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && name !== 'next-env.d.ts' && name !== 'next.config.ts'
      ? [relative(ROOT, path)]
      : [];
  });
}

describe('docs/guides/nextjs.md', () => {
  it('shows example files, each block naming its path', () => {
    expect(blocks.length).toBeGreaterThan(0);
    const all = guide.match(/```(ts|tsx)\n/g)?.length ?? 0;
    expect(blocks.length).toBe(all);
  });

  it.each(blocks)('$path matches the example verbatim', ({ path, code }) => {
    const file = join(ROOT, path);
    expect(existsSync(file)).toBe(true);
    expect(code).toBe(readFileSync(file, 'utf8'));
  });

  it('leaves out none of the example’s source files', () => {
    const shown = new Set(blocks.map((b) => b.path));
    const missing = sources(join(ROOT, 'examples/nextjs')).filter((path) => !shown.has(path));
    expect(missing).toEqual([]);
  });
});
