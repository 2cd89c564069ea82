/**
 * One booted app shared by the tests of a file that need only "the app, to run programs in"
 * (objects.spec.ts, run-and-step.spec.ts): each test sets its program and presses Run, as a
 * learner does, instead of opening a new document and booting Python again (3–5 s a test on a
 * loaded 2-core machine). Tests that check what a fresh page does (links, reloads, a language
 * picked by a link) keep Playwright's own `page`.
 *
 * One page per spec file (and window size): a file's tests never meet another file's leftovers.
 * A failed test ends its Playwright worker, so the tests after a failure get a fresh page, never
 * one left half-way by the failure.
 */
import { expect, test as base, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import type { Trace } from '../src/protocol/trace';
import { pageTrace } from './helpers';
import { openApp, runAndWait, setSource } from './runInPage';

/** The worker's shared page, made again when a test of another file (or window size) asks. */
class SharedApps {
  private current: { readonly key: string; readonly context: BrowserContext; readonly page: Page } | null = null;

  private readonly browser: Browser;

  constructor(browser: Browser) {
    this.browser = browser;
  }

  async pageFor(key: string, options: BrowserContextOptions): Promise<Page> {
    if (this.current?.key === key) return this.current.page;
    await this.close();
    const context = await this.browser.newContext(options);
    const page = await context.newPage();
    this.current = { key, context, page };
    await openApp(page);
    return page;
  }

  async close(): Promise<void> {
    await this.current?.context.close();
    this.current = null;
  }
}

export const test = base.extend<{ appPage: Page }, { sharedApps: SharedApps }>({
  sharedApps: [
    async ({ browser }, use) => {
      const apps = new SharedApps(browser);
      await use(apps);
      await apps.close();
    },
    { scope: 'worker' },
  ],
  // The same origin, test hooks and window as Playwright's own `page` (the config's and the file's `use`).
  appPage: async ({ sharedApps, baseURL, storageState, viewport }, use, testInfo) => {
    const page = await sharedApps.pageFor(`${testInfo.file} ${JSON.stringify(viewport)}`, { baseURL, storageState, viewport });
    await use(page);
    // A screenshot when the test fails, as Playwright takes of its own page (screenshot: 'only-on-failure').
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('screenshot', { body: await page.screenshot(), contentType: 'image/png' });
    }
  },
});

/** Run `source` in the shared page: set the editor's text, press Run, wait for the end; the page's trace. */
export async function runInApp(page: Page, source: string): Promise<Trace> {
  await setSource(page, source);
  expect((await runAndWait(page, 60_000)).status).toBe('done');
  const trace = await pageTrace(page);
  expect(trace.source, 'the trace is of the program just run').toBe(source);
  return trace;
}
