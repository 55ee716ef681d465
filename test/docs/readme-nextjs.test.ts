import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's "Next.js App Router" section shows the example's files verbatim: each code block follows an
// `<!-- example: examples/nextjs/... -->` marker and must equal that file, so the two cannot drift apart.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const blocks = [
  ...section('Next.js App Router').matchAll(/<!-- example: (\S+) -->\n```\w*\n([\s\S]*?)```\n/g),
].map(([, path, code]) => ({ path: path as string, code: code as string }));

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

describe('README: Next.js App Router', () => {
  it('shows example files, each under its marker', () => {
    expect(blocks.length).toBeGreaterThan(0);
    const unmarked = section('Next.js App Router').match(/```(ts|tsx)\n/g)?.length ?? 0;
    expect(blocks.length).toBe(unmarked);
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
