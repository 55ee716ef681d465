import axe from 'axe-core';
import { expect } from 'vitest';

// jsdom has no canvas; axe only uses it for colour contrast, which the browser tests check.
if (typeof HTMLCanvasElement !== 'undefined') HTMLCanvasElement.prototype.getContext = () => null;

/**
 * Runs axe on what a test rendered and fails with the rules that were broken. The components live inside a
 * host's page, so the rules about the page as a whole (landmarks, a top-level heading) are the host's.
 */
export async function expectNoAxeViolations(container: Element = document.body) {
  const results = await axe.run(container, {
    rules: {
      region: { enabled: false },
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
    },
  });
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}
