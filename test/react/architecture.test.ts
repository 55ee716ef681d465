import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layout of the React entry (docs/architecture.md): floors that import only downward. Biome's
// noImportCycles catches circles; this test catches an import running back up, a component loaded
// outside the lazy boundary, and a face skipped.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REACT = join(ROOT, 'src/react');

/** Higher floors may import lower ones; files of one folder may import each other. */
const FLOORS: [prefix: string, floor: number][] = [
  ['index.ts', 100],
  ['gate/', 60],
  ['account/', 55],
  ['sign-up/', 50],
  ['sign-in/', 45],
  ['profile/', 40],
  ['recovery/', 35],
  ['questionnaire/', 30],
  ['lazy/shells.tsx', 27],
  ['lazy/forms.tsx', 26],
  ['lazy/sign-up-dialog.tsx', 25.5],
  ['lazy/parts.tsx', 25],
  ['lazy/host-parts.tsx', 24.5],
  ['lazy/on-demand.tsx', 24],
  ['elements/', 20],
  ['context/', 15],
  ['localization/translate.ts', 12],
  ['types/', 10],
  ['localization/en/', 8],
];

function floorOf(file: string): { floor: number; folder: string } {
  const path = relative(REACT, file);
  if (path.startsWith('..')) return { floor: 0, folder: 'outside' };
  const found = FLOORS.find(([prefix]) => path === prefix || path.startsWith(prefix));
  if (!found) throw new Error(`${path} has no floor in the architecture test; give it one`);
  return { floor: found[1], folder: found[0].endsWith('/') ? found[0] : path };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  dynamic: boolean;
  typeOnly: boolean;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?from\s+)?'([^']+)'/gm;
const DYNAMIC = /import\(\s*'([^']+)'\s*\)/g;

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = normalize(join(dirname(from), spec.replace(/\?.*$/, '')));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  throw new Error(`${relative(ROOT, from)} imports ${spec}, which does not exist`);
}

function edgesOf(file: string): Edge[] {
  const source = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const m of source.matchAll(STATIC)) {
    const to = resolve(file, m[3] as string);
    if (to) edges.push({ from: file, to, dynamic: false, typeOnly: Boolean(m[2]) });
  }
  for (const m of source.matchAll(DYNAMIC)) {
    const to = resolve(file, m[1] as string);
    if (to) edges.push({ from: file, to, dynamic: true, typeOnly: false });
  }
  return edges;
}

const reactFiles = filesUnder(REACT);
const edges = reactFiles.flatMap(edgesOf);
const show = (file: string) => relative(ROOT, file);

describe('given the React entry’s layout', () => {
  it('gives every file a floor', () => {
    for (const file of reactFiles) expect(() => floorOf(file)).not.toThrow();
  });

  it('has no import running back up a floor, or sideways into another feature', () => {
    const upward = edges
      .filter((edge) => !edge.dynamic)
      .filter((edge) => {
        const from = floorOf(edge.from);
        const to = floorOf(edge.to);
        return to.folder !== from.folder && to.floor >= from.floor;
      })
      .map((edge) => `${show(edge.from)} -> ${show(edge.to)}`);
    expect(upward).toEqual([]);
  });

  it('loads components on demand only through the lazy boundary', () => {
    const outside = edges
      .filter((edge) => edge.dynamic && edge.to.startsWith(REACT))
      .filter((edge) => !relative(REACT, edge.from).startsWith('lazy/'))
      .map((edge) => `${show(edge.from)} -> ${show(edge.to)}`);
    expect(outside).toEqual([]);
  });

  it('keeps the lazy boundary free of components: it imports types, the loading state and itself', () => {
    const heavy = edges
      .filter((edge) => relative(REACT, edge.from).startsWith('lazy/') && !edge.dynamic)
      .filter((edge) => {
        const to = relative(REACT, edge.to);
        return !(edge.typeOnly || to.startsWith('lazy/') || to === 'elements/loading.tsx');
      })
      .map((edge) => `${show(edge.from)} -> ${show(edge.to)}`);
    expect(heavy).toEqual([]);
  });

  it('keeps types/ free of code that runs', () => {
    const runtime = reactFiles
      .filter((file) => relative(REACT, file).startsWith('types/'))
      .flatMap((file) => {
        const source = readFileSync(file, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '');
        return source
          .split('\n')
          .filter((line) => /^(export\s+)?(const|let|var|function|class|enum)\b/.test(line))
          .map((line) => `${show(file)}: ${line}`);
      });
    expect(runtime).toEqual([]);
    const valueImports = edges
      .filter((edge) => relative(REACT, edge.from).startsWith('types/') && !edge.typeOnly)
      .map((edge) => `${show(edge.from)} -> ${show(edge.to)}`);
    expect(valueImports).toEqual([]);
  });

  it('lets the embed and the stories enter by the faces only', () => {
    const stories = filesUnder(join(ROOT, 'stories')).flatMap(edgesOf);
    const embed = filesUnder(join(ROOT, 'src/embed')).flatMap(edgesOf);
    const faces = new Set(['src/react/index.ts', 'src/msw/index.ts', 'src/client/index.ts']);
    // The embed's element chunks may also import a module the React face re-exports, which is what the
    // face holds: importing the face itself would put every module it re-exports (ForBackground's matcher
    // among them) in the chunk all elements share.
    const face = readFileSync(join(REACT, 'index.ts'), 'utf8');
    const exported = new Set(
      [...face.matchAll(/^export \{[^}]*\} from '\.\/([^']+)';$/gms)].map(([, path]) => `src/react/${path}`),
    );
    const allowed = (edge: (typeof embed)[number]) => {
      const to = show(edge.to);
      return faces.has(to) || (embed.includes(edge) && exported.has(to.replace(/\.tsx?$/, '')));
    };
    const inside = [...stories, ...embed]
      .filter((edge) => /^src\/(react|msw)\//.test(show(edge.to)) && !allowed(edge))
      .map((edge) => `${show(edge.from)} -> ${show(edge.to)}`);
    expect(inside).toEqual([]);
    expect(exported.size).toBeGreaterThan(5);
  });

  it('keeps every chunk’s name telling: no two lazily loaded files share a basename', () => {
    const loaded = edges.filter((edge) => edge.dynamic && edge.to.startsWith(REACT)).map((edge) => edge.to);
    const names = [...new Set(loaded)].map((file) => file.replace(/^.*\//, '').replace(/\.tsx?$/, ''));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
