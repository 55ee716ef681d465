import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, openPage, ROOT, type StaticServer, startStaticServer } from './support';

/**
 * The static Storybook (npm run build-storybook) in a real browser: every story renders with the mock backend
 * in a service worker, its play function finishes, and axe finds nothing, colour contrast included (which jsdom
 * cannot check), in the light and the dark theme. Screenshots of every component in both themes are saved to
 * e2e-artifacts/screenshots.
 */

const STATIC = join(ROOT, 'storybook-static');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

interface IndexEntry {
  id: string;
  type: string;
  title: string;
  name: string;
}

let browser: Browser;
let storybook: StaticServer;
let stories: IndexEntry[] = [];

beforeAll(async () => {
  const index = JSON.parse(await readFile(join(STATIC, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  stories = Object.values(index.entries).filter((e) => e.type === 'story');
  await mkdir(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
  storybook = await startStaticServer(STATIC);
});
afterAll(async () => {
  await browser?.close();
  await storybook?.close();
});

/** Opens a story and waits until Storybook has rendered it and run its play function. */
async function showStory(page: Page, id: string, theme: 'light' | 'dark') {
  await page.goto(`${storybook.origin}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`);
  const phase = await page.waitForFunction(
    () => {
      const render = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
        .__STORYBOOK_PREVIEW__?.currentRender;
      return ['completed', 'finished', 'errored', 'aborted'].includes(render?.phase ?? '') && render?.phase;
    },
    undefined,
    { timeout: 30_000 },
  );
  return phase.jsonValue();
}

async function axe(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run;
    const result = await run(document, {
      rules: {
        region: { enabled: false },
        'landmark-one-main': { enabled: false },
        'page-has-heading-one': { enabled: false },
      },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('given the static Storybook in Chromium', () => {
  it('has stories for every component', () => {
    const titles = new Set(stories.map((s) => s.title));
    expect([...titles].sort()).toEqual([
      'Components/AccountSettings',
      'Components/AuthGate',
      'Components/DeleteAccount',
      'Components/ForgotPassword',
      'Components/ProfileEditor',
      'Components/ResetPassword',
      'Components/SignIn',
      'Components/SignUpWithBackground',
      'Components/SocialButtons',
      'Components/UserMenu',
      'Locales/Arabic',
      'Questionnaire/Host questions',
    ]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`renders and plays every story in the ${theme} theme with no axe violation`, {
      timeout: 600_000,
    }, async () => {
      const { page, errors, context } = await openPage(browser, { colorScheme: theme });
      const problems: string[] = [];
      for (const story of stories) {
        errors.length = 0;
        const phase = await showStory(page, story.id, theme);
        if (phase !== 'completed' && phase !== 'finished') problems.push(`${story.id}: play ${phase}`);
        const violations = await axe(page);
        for (const v of violations) problems.push(`${story.id} (${theme}): ${v}`);
        // The browser's own background check for a newer mock service worker can race the next story's
        // navigation and report the script as not found; the registered worker keeps serving the story.
        for (const e of errors.filter((text) => !/Failed to update a ServiceWorker/.test(text)))
          problems.push(`${story.id}: ${e}`);
        if (
          story.name === 'Empty' ||
          story.name === 'Prefilled' ||
          story.name === 'Signed Out' ||
          story.name === 'Dialog'
        ) {
          await page.screenshot({
            path: join(SCREENSHOTS, `${story.id}--${theme}.png`),
            fullPage: true,
          });
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
