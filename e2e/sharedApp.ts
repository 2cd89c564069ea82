/**
 * One booted app shared by the tests of a file that need only "the app, to run programs in"
 * (objects.spec.ts): each test sets its program and presses Run, as a learner does, instead of
 * opening a new document and booting Python again (3–5 s a test on a loaded 2-core machine).
 * Tests that check what a fresh page does (links, reloads, a language picked by a link) keep
 * Playwright's own `page`.
 *
 * The page lives as long as the Playwright worker. A failed test ends its worker, so the tests
 * after a failure get a fresh page, never one left half-way by the failure.
 */
import { test as base, type Page } from '@playwright/test';
import { openApp } from './runInPage';

export const test = base.extend<{ appPage: Page }, { sharedApp: Page }>({
  sharedApp: [
    async ({ browser }, use, workerInfo) => {
      // A worker's fixture gets none of the config's `use` for free: the same origin, test hooks and window.
      const { baseURL, storageState, viewport } = workerInfo.project.use;
      const context = await browser.newContext({ baseURL, storageState, viewport });
      const page = await context.newPage();
      await openApp(page);
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
  // The shared page under a test's name: a screenshot of it when the test fails, as Playwright
  // takes of its own `page` (screenshot: 'only-on-failure').
  appPage: async ({ sharedApp }, use, testInfo) => {
    await use(sharedApp);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('screenshot', { body: await sharedApp.screenshot(), contentType: 'image/png' });
    }
  },
});
