// The props/options tables of docs/components/*.md and docs/server/*.md, generated from the public
// TypeScript declarations (`npx tsx test/docs/reference-tables.ts --write` rewrites them; the test
// test/docs/reference-pages.test.ts fails when a page is missing or a table is out of date).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Entry {
  /** The export's name. */
  name: string;
  /** Where its page is, relative to the repository. */
  page: string;
  kind: 'component' | 'hook' | 'function' | 'constant';
  /** Its signature, one line. */
  signature: string;
  /** What its own doc comment says. */
  summary: string;
  /** Rows of the props/options table: what the first parameter takes. */
  rows: { name: string; type: string; optional: boolean; description: string }[];
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The public entries whose values get a page: `profilekit` (components, hooks) and `profilekit/server`. */
const FACES = [
  { file: 'src/react/index.ts', folder: 'docs/components' },
  { file: 'src/rsc/index.ts', folder: 'docs/components' },
  { file: 'src/server/index.ts', folder: 'docs/server' },
];

// Types named by where they live (`import("/abs/path").X`) read as `X`.
const oneLine = (text: string) =>
  text
    .replace(/import\("[^"]*"\)\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|');

export function publicEntries(): Entry[] {
  const program = ts.createProgram(
    FACES.map((face) => join(ROOT, face.file)),
    {
      strict: true,
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      resolveJsonModule: true,
    },
  );
  const checker = program.getTypeChecker();
  const entries: Entry[] = [];
  for (const face of FACES) {
    const source = program.getSourceFile(join(ROOT, face.file));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`cannot read ${face.file}`);
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (!(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable))) continue;
      const name = symbol.getName();
      // Names the React entry re-exports from profilekit/client are documented there.
      const declaration = target.valueDeclaration ?? target.declarations?.[0];
      if (!declaration) continue;
      if (face.file === 'src/react/index.ts' && declaration.getSourceFile().fileName.includes('/src/client/'))
        continue;
      const type = checker.getTypeOfSymbolAtLocation(target, declaration);
      const call = type.getCallSignatures()[0];
      const kind: Entry['kind'] = !call
        ? 'constant'
        : /^use[A-Z]/.test(name)
          ? 'hook'
          : /^[A-Z]/.test(name)
            ? 'component'
            : 'function';
      const signature = call
        ? `${name}${checker.signatureToString(call, declaration, ts.TypeFormatFlags.NoTruncation)}`
        : `${name}: ${checker.typeToString(type, declaration, ts.TypeFormatFlags.NoTruncation)}`;
      const rows: Entry['rows'] = [];
      const first = call?.getParameters()[0];
      if (first) {
        const parameter = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(first, declaration));
        if (parameter.getProperties().length > 0 && !(parameter.flags & ts.TypeFlags.StringLike)) {
          for (const property of parameter.getProperties()) {
            const at = property.valueDeclaration ?? property.declarations?.[0] ?? declaration;
            const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
            const typeText = checker.typeToString(
              checker.getTypeOfSymbolAtLocation(property, at),
              at,
              ts.TypeFormatFlags.NoTruncation,
            );
            rows.push({
              // A well-known symbol's member reads as `[Symbol.x]`, not by its checker-internal id.
              name: property.getName().replace(/^__@(\w+)@\d+$/, '[Symbol.$1]'),
              type: optional ? typeText.replace(/ \| undefined$/, '') : typeText,
              optional,
              description: ts.displayPartsToString(property.getDocumentationComment(checker)),
            });
          }
        }
      }
      const page =
        kind === 'component' || kind === 'hook'
          ? `${face.folder}/${kebab(name)}.md`
          : `${face.folder}/index.md`;
      const summary = oneLine(ts.displayPartsToString(target.getDocumentationComment(checker)));
      entries.push({ name, page, kind, signature: oneLine(signature), summary, rows });
    }
  }
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

/** The generated block of one entry, between its markers. */
export function tableOf(entry: Entry): string {
  const story = `stories/${kebab(entry.name)}.stories.tsx`;
  const lines = [`<!-- reference:${entry.name} -->`, ''];
  if (entry.summary) lines.push(entry.summary, '');
  lines.push(`Signature: \`${entry.signature.replace(/`/g, "'")}\``);
  if (readPage(story) !== undefined) lines.push('', `Every state in Storybook: [${story}](../../${story}).`);
  if (entry.rows.length > 0) {
    lines.push('', '| Name | Type | Required | Description |', '| --- | --- | --- | --- |');
    for (const row of entry.rows) {
      lines.push(
        `| \`${row.name}\` | \`${cell(row.type)}\` | ${row.optional ? 'no' : 'yes'} | ${cell(row.description) || '—'} |`,
      );
    }
  }
  lines.push('', `<!-- /reference:${entry.name} -->`);
  return lines.join('\n');
}

/** A page's text with every entry's block replaced by the current one (a block not there is added last). */
export function updatedPage(text: string, entries: Entry[]): string {
  let out = text;
  for (const entry of entries) {
    const block = new RegExp(`<!-- reference:${entry.name} -->[\\s\\S]*?<!-- /reference:${entry.name} -->`);
    out = block.test(out)
      ? out.replace(block, () => tableOf(entry))
      : `${out.trimEnd()}\n\n## ${entry.name}\n\n${tableOf(entry)}\n`;
  }
  return out;
}

export function readPage(page: string): string | undefined {
  try {
    return readFileSync(join(ROOT, page), 'utf8');
  } catch {
    return undefined;
  }
}

if (process.argv.includes('--write')) {
  const { writeFileSync } = await import('node:fs');
  const byPage = new Map<string, Entry[]>();
  for (const entry of publicEntries()) byPage.set(entry.page, [...(byPage.get(entry.page) ?? []), entry]);
  for (const [page, entries] of byPage) {
    const name = entries[0]?.name ?? '';
    // A new page of one component or hook: its title, then its block.
    const fresh = `# ${name}\n\n<!-- reference:${name} --><!-- /reference:${name} -->\n`;
    writeFileSync(join(ROOT, page), `${updatedPage(readPage(page) ?? fresh, entries).trimEnd()}\n`);
  }
}
