import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/client/index';
import { publicEntries, ROOT, readPage, tableOf } from './reference-tables';

// Every public component, hook and server export has a page with its props/options table, generated from
// the declarations: an export or a prop added without its documentation fails here. To fix it, run
// `npx tsx test/docs/reference-tables.ts --write` and describe the new entry on its page (issue 21).

const entries = publicEntries();

describe('the reference pages of docs/components and docs/server', () => {
  it('find the public exports (the list is read from the entries, not written here)', () => {
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['AuthGate', 'SignUpWithBackground', 'useSession']));
    expect(names).toEqual(
      expect.arrayContaining(['createProfileHandler', 'profileKitCors', 'ServerAuthGate']),
    );
  });

  it.each(entries.map((entry) => [entry.name, entry] as const))(
    '%s has its page with an up-to-date table',
    (_name, entry) => {
      const page = readPage(entry.page);
      expect(page, `${entry.page} is missing`).toBeDefined();
      expect(page).toContain(tableOf(entry));
      for (const row of entry.rows) expect(page).toContain(`| \`${row.name}\` |`);
    },
  );

  it('link every component page from the components index', () => {
    const index = readFileSync(join(ROOT, 'docs/components/index.md'), 'utf8');
    for (const entry of entries.filter((e) => e.page.startsWith('docs/components/'))) {
      expect(index, entry.name).toContain(`(./${entry.page.slice('docs/components/'.length)})`);
    }
  });

  it('document every error code of the client and the server', () => {
    const reference = readFileSync(join(ROOT, 'docs/reference.md'), 'utf8');
    for (const code of [...Object.keys(ErrorCodes), 'ORIGIN_NOT_ALLOWED']) {
      expect(reference, code).toMatch(new RegExp(`^\\| [^|]*\`${code}\``, 'm'));
    }
  });
});
