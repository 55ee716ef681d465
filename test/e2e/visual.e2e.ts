import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type ApiServer,
  ARTIFACTS,
  launchBrowser,
  openPage,
  ROOT,
  type StaticServer,
  startApiServer,
  startStaticServer,
} from './support';

/**
 * Visual regression: every story in the light and the dark theme at desktop and phone width, and the example
 * pages, compared in Chromium with the committed baselines in test/visual. A change of look is a reviewed
 * update of those files: `UPDATE_SCREENSHOTS=1 npm run test:visual` writes them. A missing baseline fails.
 */

const BASELINES = join(ROOT, 'test/visual');
const DIFFS = join(ARTIFACTS, 'visual-diff');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** `VISUAL_FILTER=usermenu` compares (or updates) only the pictures whose name matches. */
const FILTER = new RegExp(process.env.VISUAL_FILTER ?? '');
const WIDTHS = { desktop: 1280, phone: 390 } as const;
/** Per pixel colour distance pixelmatch ignores (anti-aliasing), and the share of pixels allowed to differ. */
const THRESHOLD = 0.1;
/** Text that changes by the second (the resend countdown) or the minute (a session's last activity): masked. */
const COUNTDOWN = '[data-pk-part="countdown"], [data-pk-part="session"] .pk-description';
const MAX_DIFF_RATIO = 0.001;

/**
 * Takes out what changes between two runs of the same look: motion, the caret, the pointer's hover, and focus
 * rings (whether Chromium draws one after a scripted click or focus depends on timing). Focus styles are
 * covered by the keyboard journeys and axe, not by these pictures.
 */
const STILL = `*, *::before, *::after {
  animation: none !important; transition: none !important; caret-color: transparent !important;
}
*:focus, *:focus-visible, .pk-chip:has(:focus-visible), .pk-chips:focus-within { outline: none !important; }`;

let browser: Browser;
beforeAll(async () => {
  await mkdir(DIFFS, { recursive: true });
  if (UPDATE) await mkdir(BASELINES, { recursive: true });
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Compares a screenshot with its baseline (or writes it when updating); returns a problem, or null. */
async function compare(name: string, actual: Buffer): Promise<string | null> {
  if (!FILTER.test(name)) return null;
  const file = join(BASELINES, `${name}.png`);
  if (UPDATE) {
    await writeFile(file, actual);
    return null;
  }
  if (!existsSync(file)) return `${name}: no baseline (run with UPDATE_SCREENSHOTS=1 and review it)`;
  const expected = PNG.sync.read(await readFile(file));
  const got = PNG.sync.read(actual);
  if (expected.width !== got.width || expected.height !== got.height) {
    await writeFile(join(DIFFS, `${name}.actual.png`), actual);
    return `${name}: ${got.width}x${got.height}, baseline ${expected.width}x${expected.height}`;
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const differing = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, {
    threshold: THRESHOLD,
  });
  if (differing / (got.width * got.height) <= MAX_DIFF_RATIO) return null;
  await writeFile(join(DIFFS, `${name}.actual.png`), actual);
  await writeFile(join(DIFFS, `${name}.diff.png`), PNG.sync.write(diff));
  return `${name}: ${differing} pixels differ`;
}

/**
 * Waits until the page has stopped changing: no request for half a second (code loaded on demand, the mock
 * backend's answers), then the same markup and size over five checks 100 ms apart. On a loaded machine a
 * story's play function can finish before a part it does not look at has loaded; the picture must not.
 */
async function settle(page: Page, inFlight: boolean) {
  // A story tagged `in-flight` shows a request on its way, as its play leaves it: shot at once.
  if (inFlight) return;
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  let last = '';
  let same = 0;
  for (let i = 0; i < 150 && same < 5; i++) {
    const now = await page.evaluate((countdown) => {
      // A countdown ticks every second; its box is masked in the picture and left out here.
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const part of body.querySelectorAll(countdown)) part.textContent = '';
      return `${document.documentElement.scrollHeight}:${body.innerHTML}`;
    }, COUNTDOWN);
    same = now === last ? same + 1 : 0;
    last = now;
    await page.waitForTimeout(100);
  }
}

/** Waits for the page to settle and for fonts, stills it and moves the pointer away, then shoots. */
async function shoot(page: Page, area?: (page: Page) => Promise<Clip>, inFlight = false) {
  await page.addStyleTag({ content: STILL });
  await page.mouse.move(0, 0);
  await settle(page, inFlight);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const clip = area ? await area(page) : undefined;
  return page.screenshot({ fullPage: true, mask: [page.locator(COUNTDOWN)], ...(clip ? { clip } : {}) });
}

type Clip = { x: number; y: number; width: number; height: number };

/** The area a story draws on: its root and any dialog it opened, with a small margin. */
async function storyArea(page: Page): Promise<Clip> {
  return page.evaluate(() => {
    const styled = [...document.querySelectorAll('.pk-root, .pk-trigger, [role="dialog"], [role="menu"]')];
    const parts = (
      styled.length > 0 ? styled : [...document.querySelectorAll('#storybook-root > *')]
    ) as HTMLElement[];
    const boxes = parts.map((p) => p.getBoundingClientRect()).filter((b) => b.width > 0 && b.height > 0);
    if (boxes.length === 0) return { x: 0, y: 0, width: 100, height: 100 };
    const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - 8);
    const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - 8);
    const right = Math.max(...boxes.map((b) => b.right)) + 8;
    const bottom = Math.max(...boxes.map((b) => b.bottom)) + 8;
    return {
      x: Math.floor(left),
      y: Math.floor(top),
      width: Math.ceil(right - left),
      height: Math.ceil(bottom - top),
    };
  });
}

describe('given the static Storybook', () => {
  let storybook: StaticServer;
  let stories: { id: string; tags?: string[] }[] = [];
  beforeAll(async () => {
    const index = JSON.parse(await readFile(join(ROOT, 'storybook-static/index.json'), 'utf8')) as {
      entries: Record<string, { id: string; type: string; tags?: string[] }>;
    };
    stories = Object.values(index.entries).filter((e) => e.type === 'story');
    storybook = await startStaticServer(join(ROOT, 'storybook-static'));
  });
  afterAll(() => storybook?.close());

  for (const [device, width] of Object.entries(WIDTHS)) {
    for (const theme of ['light', 'dark'] as const) {
      // The four looks are taken side by side, each in a page of its own: most of a picture's time is spent
      // waiting for the story to settle.
      it.concurrent(`every story looks as its baseline: ${theme}, ${device} (${width}px)`, {
        timeout: 900_000,
      }, async ({ expect }) => {
        const { page, context } = await openPage(browser, {
          colorScheme: theme,
          viewport: { width, height: 900 },
        });
        const problems: string[] = [];
        for (const story of stories) {
          if (!FILTER.test(`${story.id}--${theme}--${device}`)) continue;
          await page.goto(
            `${storybook.origin}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme}`,
          );
          await page.waitForFunction(
            () => {
              const render = (
                window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }
              ).__STORYBOOK_PREVIEW__?.currentRender;
              return ['completed', 'finished', 'errored', 'aborted'].includes(render?.phase ?? '');
            },
            undefined,
            { timeout: 30_000 },
          );
          const problem = await compare(`${story.id}--${theme}--${device}`, await shoot(page, storyArea));
          if (problem) problems.push(problem);
        }
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('given the example pages, signed out', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api?.close());

  for (const [device, width] of Object.entries(WIDTHS)) {
    for (const theme of ['light', 'dark'] as const) {
      it.concurrent(`look as their baselines: ${theme}, ${device} (${width}px)`, async ({ expect }) => {
        const { page, context } = await openPage(browser, {
          colorScheme: theme,
          viewport: { width, height: 900 },
        });
        const problems: string[] = [];
        await page.goto(`${api.origin}/react-app/`);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
        const react = await compare(`example-react-app--${theme}--${device}`, await shoot(page));
        if (react) problems.push(react);
        await page.goto(`${api.origin}/host-page/`);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        const host = await compare(`example-host-page--${theme}--${device}`, await shoot(page));
        if (host) problems.push(host);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
