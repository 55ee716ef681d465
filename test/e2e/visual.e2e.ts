import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 *
 * The same pass checks the static Storybook in a real browser: at desktop width, in both themes, every story
 * renders with the mock backend in a service worker, its play function finishes, nothing is logged as an
 * error, and axe finds nothing, colour contrast included (which jsdom cannot check). One visit of each story
 * serves both, so the stories are loaded once per look, not once per look and once more per check.
 */

const BASELINES = join(ROOT, 'test/visual');
const DIFFS = join(ARTIFACTS, 'visual-diff');
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** `VISUAL_FILTER=usermenu` compares (or updates) only the pictures whose name matches. */
const FILTER = new RegExp(process.env.VISUAL_FILTER ?? '');
const WIDTHS = { desktop: 1280, phone: 390 } as const;
/** Per pixel colour distance pixelmatch ignores (anti-aliasing), and the share of pixels allowed to differ. */
const THRESHOLD = 0.1;
/** Text that changes by the second (the resend countdown) or the minute (a session's last activity): masked. */
const COUNTDOWN = '[data-pk-part="countdown"], [data-pk-part="session"] .pk-description';
const MAX_DIFF_RATIO = 0.001;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Stories whose whole page is also saved to e2e-artifacts/screenshots, for a reviewer to look at. */
const SAVED = new Set(['Empty', 'Prefilled', 'Signed Out', 'Dialog']);

/**
 * Takes out what changes between two runs of the same look: motion, the caret, the pointer's hover, focus
 * rings (whether Chromium draws one after a scripted click or focus depends on timing), and the width of a
 * session's masked date and time, which "1:05 PM" and "12:45 PM" would change. Focus styles are
 * covered by the keyboard journeys and axe, not by these pictures.
 */
const STILL = `*, *::before, *::after {
  animation: none !important; transition: none !important; caret-color: transparent !important;
}
*:focus, *:focus-visible, .pk-chip:has(:focus-visible), .pk-chips:focus-within { outline: none !important; }
[data-pk-part="session"] .pk-description {
  display: inline-block; width: 18em; max-width: 100%; white-space: nowrap; overflow: hidden; vertical-align: top;
}`;

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

/** axe on the whole story page, as a string per violation (the rules about a page's own landmarks off). */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
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

/**
 * A page's requests on their way, so that a wait can ask for a quiet network. `forget` leaves out those
 * already on their way: a story that shows a request that never ends (a loading state) must not hold up
 * the stories after it in the same page.
 */
function watchRequests(page: Page): { open(): number; forget(): void } {
  const open = new Set<object>();
  page.on('request', (request) => open.add(request));
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return { open: () => open.size, forget: () => open.clear() };
}
const requestsOf = new WeakMap<Page, ReturnType<typeof watchRequests>>();

/** Quiet for this long (no request on its way, no change of markup) counts as settled. */
const QUIET_MS = 400;

/**
 * Waits until the page has stopped changing: no request on its way (code loaded on demand, the mock
 * backend's answers) and no change to the markup for 400 ms. On a loaded machine a story's play function
 * can finish before a part it does not look at has loaded; the picture must not. The markup is watched in
 * the page (a MutationObserver), not compared copy by copy.
 */
async function settle(page: Page, inFlight: boolean) {
  // A story tagged `in-flight` shows a request on its way, as its play leaves it: shot at once.
  if (inFlight) return;
  const requests = requestsOf.get(page);
  const open = () => requests?.open() ?? 0;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    while (open() > 0 && Date.now() < deadline) await page.waitForTimeout(25);
    const calm = await page.evaluate(
      ({ countdown, quiet }) =>
        new Promise<boolean>((resolve) => {
          // A countdown ticks every second; its box is masked in the picture and its ticks left out here.
          const ticking = (node: Node) =>
            (node instanceof Element ? node : node.parentElement)?.closest(countdown) != null;
          let timer = setTimeout(finish, quiet, true);
          const observer = new MutationObserver((records) => {
            if (records.every((r) => ticking(r.target))) return;
            clearTimeout(timer);
            timer = setTimeout(finish, quiet, true);
          });
          observer.observe(document.documentElement, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          const cap = setTimeout(finish, 5_000, false);
          function finish(settled: boolean) {
            observer.disconnect();
            clearTimeout(timer);
            clearTimeout(cap);
            resolve(settled);
          }
        }),
      { countdown: COUNTDOWN, quiet: QUIET_MS },
    );
    if (calm && open() === 0) return;
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

/** The phases a story's render ends in. */
const ENDED = ['completed', 'finished', 'errored', 'aborted'];

/**
 * Shows a story and returns the phase its render ended in. The first loads the preview; each next one is
 * rendered in the same preview, as Storybook's own sidebar does (its `setCurrentStory` event), which spares
 * loading and starting the preview's code for every story. Each story still starts from its persona with
 * fresh clients and an empty session storage (the preview's loader); the page is scrolled back to the top.
 * The addon's own axe run is left out (`a11y.manual`): the check below runs axe once, after the picture.
 */
async function showStory(page: Page, origin: string, id: string, theme: string): Promise<string> {
  const inPreview = await page
    .evaluate(() => '__STORYBOOK_PREVIEW__' in window && '__STORYBOOK_ADDONS_CHANNEL__' in window)
    .catch(() => false);
  requestsOf.get(page)?.forget();
  if (inPreview) {
    await page.evaluate((id) => {
      window.scrollTo(0, 0);
      (document.activeElement as HTMLElement | null)?.blur?.();
      const channel = (
        window as unknown as {
          __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, ...args: unknown[]): void };
        }
      ).__STORYBOOK_ADDONS_CHANNEL__;
      channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
    }, id);
  } else {
    await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme};a11y.manual:!true`);
  }
  const phase = await page.waitForFunction(
    ({ id, ended }) => {
      const render = (
        window as unknown as {
          __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } };
        }
      ).__STORYBOOK_PREVIEW__?.currentRender;
      const phase = render?.phase ?? '';
      return render?.id === id && ended.includes(phase) && phase;
    },
    { id, ended: ENDED },
    { timeout: 30_000 },
  );
  return String(await phase.jsonValue());
}

describe('given the static Storybook', () => {
  let storybook: StaticServer;
  let stories: { id: string; title: string; name: string; tags?: string[] }[] = [];
  beforeAll(async () => {
    const index = JSON.parse(await readFile(join(ROOT, 'storybook-static/index.json'), 'utf8')) as {
      entries: Record<string, { id: string; type: string; title: string; name: string; tags?: string[] }>;
    };
    stories = Object.values(index.entries).filter((e) => e.type === 'story');
    storybook = await startStaticServer(join(ROOT, 'storybook-static'));
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => storybook?.close());

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

  for (const [device, width] of Object.entries(WIDTHS)) {
    for (const theme of ['light', 'dark'] as const) {
      // At desktop width each story is also played to its end, checked for errors and run through axe.
      const checked = device === 'desktop';
      // The four looks are taken side by side, each in a page of its own: most of a picture's time is spent
      // waiting for the story to settle.
      it.concurrent(`every story looks as its baseline${checked ? ', plays and passes axe' : ''}: ${theme}, ${device} (${width}px)`, {
        timeout: 900_000,
      }, async ({ expect }) => {
        const { page, context, errors } = await openPage(browser, {
          colorScheme: theme,
          viewport: { width, height: 900 },
        });
        requestsOf.set(page, watchRequests(page));
        const problems: string[] = [];
        for (const story of stories) {
          if (!FILTER.test(`${story.id}--${theme}--${device}`)) continue;
          errors.length = 0;
          const phase = await showStory(page, storybook.origin, story.id, theme);
          const problem = await compare(
            `${story.id}--${theme}--${device}`,
            await shoot(page, storyArea, story.tags?.includes('in-flight')),
          );
          if (problem) problems.push(problem);
          if (!checked) continue;
          if (phase !== 'completed' && phase !== 'finished') problems.push(`${story.id}: play ${phase}`);
          for (const v of await axe(page)) problems.push(`${story.id} (${theme}): ${v}`);
          // The browser's own background check for a newer mock service worker can race the next story's
          // navigation and report the script as not found; the registered worker keeps serving the story.
          for (const e of errors.filter((text) => !/Failed to update a ServiceWorker/.test(text)))
            problems.push(`${story.id}: ${e}`);
          if (SAVED.has(story.name)) {
            await page.screenshot({ path: join(SCREENSHOTS, `${story.id}--${theme}.png`), fullPage: true });
          }
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
        requestsOf.set(page, watchRequests(page));
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
