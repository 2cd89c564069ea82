/**
 * A new version of the app is picked up cleanly (issue 14, "Offline"): a deploy with a new
 * service worker is found when the learner comes back, downloads beside the old one and waits;
 * the page keeps running the old version, whole, until the learner presses Reload in the "new
 * version" notice; then the page is the new version and the program typed is still there.
 * Another tab of the app is told, not reloaded under the learner's hands.
 *
 * Version 2 is this build with a changed index.html, and the service worker's precache list
 * naming the new file's revision (Workbox's revision is the MD5 of the file): what `npm run
 * build` writes after a change to index.html. It is served by a static server on its own port
 * (e2e/deployServer.ts) that switches folders the way a host swaps in a new build.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { testHooksStorageState } from '../src/app/testHooksFlag';
import { startDeployServer, type DeployServer } from './deployServer';
import { snapshot, waitForStatus } from './helpers';
import { getSource, runAndWait, setSource, TINY_PROGRAM } from './runInPage';

// Three Python boots, two tabs: on a busy 2-core machine, minutes.
test.describe.configure({ timeout: 300_000 });

const PORT = Number(process.env.E2E_DEPLOY_PORT ?? 5321);
const DIST = path.resolve(import.meta.dirname, '../dist');
const MARK = '<meta name="loopscope-deploy" content="2" />';

/** dist/ as version 2: index.html changed, and the worker's list saying so. */
function makeVersionTwo(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'loopscope-v2-'));
  cpSync(DIST, folder, { recursive: true });
  const indexFile = path.join(folder, 'index.html');
  const oldIndex = readFileSync(indexFile);
  const newIndex = oldIndex.toString('utf8').replace('<head>', `<head>\n    ${MARK}`);
  writeFileSync(indexFile, newIndex);
  const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');
  const workerFile = path.join(folder, 'serviceWorker.js');
  const worker = readFileSync(workerFile, 'utf8');
  const oldEntry = `{"revision":"${md5(oldIndex)}","url":"index.html"}`;
  if (!worker.includes(oldEntry)) throw new Error(`serviceWorker.js does not list ${oldEntry}: has the precache list's format changed?`);
  writeFileSync(workerFile, worker.replace(oldEntry, `{"revision":"${md5(newIndex)}","url":"index.html"}`));
  return folder;
}

let server: DeployServer;
let versionTwo: string;

test.beforeAll(async () => {
  versionTwo = makeVersionTwo();
  server = await startDeployServer(PORT, DIST);
});

test.afterAll(async () => {
  await server.close();
  rmSync(versionTwo, { recursive: true, force: true });
});

const MINE = '# typed by the learner before the update\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("still mine")\n\nasyncio.run(main())\n';

/** Which service workers the page's registration has: the active one's state and any waiting. */
async function workers(page: Page): Promise<{ active: string | null; waiting: string | null; controlled: boolean }> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return {
      active: registration?.active?.state ?? null,
      waiting: registration?.waiting?.state ?? null,
      controlled: navigator.serviceWorker.controller !== null,
    };
  });
}

/** A value only this document holds: gone if the page reloads. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as Record<string, unknown>).__sameDocument = 'yes';
  });
}

async function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as Record<string, unknown>).__sameDocument === 'yes');
}

test("a new version waits for the learner's Reload, in every tab, and the program is kept", async ({ browser }) => {
  const context = await browser.newContext({ storageState: testHooksStorageState(server.url.slice(0, -1)) });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForStatus(page, 'ready');
  await expect(page.getByTestId('update-notice')).toHaveAttribute('data-news', 'offline-ready', { timeout: 180_000 });
  await setSource(page, MINE);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('loopscope.source'))).toBe(MINE);
  const other = await context.newPage();
  await other.goto(server.url);
  await waitForStatus(other, 'ready');
  expect(await workers(other)).toEqual({ active: 'activated', waiting: null, controlled: true });

  server.deploy(versionTwo);
  // The learner comes back to the first tab: the browser finds the new worker on the way.
  await page.reload();
  await waitForStatus(page, 'ready');
  const notice = page.getByTestId('update-notice');
  await expect(notice).toHaveAttribute('data-news', 'update-ready', { timeout: 120_000 });
  await expect(notice).toContainText('A new version of Loopscope is ready');
  // Downloaded and waiting, not in charge: this page is the old version, every file of it.
  expect(await workers(page)).toEqual({ active: 'activated', waiting: 'installed', controlled: true });
  await expect(page.locator('meta[name="loopscope-deploy"]')).toHaveCount(0);
  // The other tab hears of it too.
  await expect(other.getByTestId('update-notice')).toHaveAttribute('data-news', 'update-ready', { timeout: 60_000 });
  await markDocument(page);
  await markDocument(other);

  // A run while the new version waits: nothing reloads the page under it.
  const run = await runAndWait(page, 60_000);
  expect(run.status).toBe('done');
  expect(await isSameDocument(page)).toBe(true);
  expect(await workers(page)).toEqual({ active: 'activated', waiting: 'installed', controlled: true });

  await snapshot(page, 'update-notice-en');
  await page.getByTestId('language').selectOption('zh');
  await expect(notice).toContainText('Loopscope 有新版本了');
  await expect(page.getByTestId('update-reload')).toHaveText('重新加载');
  await snapshot(page, 'update-notice-zh');
  await page.getByTestId('language').selectOption('en');

  // Reload: the new worker takes over and the page comes back as version 2, with the program.
  await page.getByTestId('update-reload').click();
  await expect(page.locator('meta[name="loopscope-deploy"]')).toHaveCount(1, { timeout: 60_000 });
  // The address bar holds the link of the run made above: the page opens it and runs it again.
  await waitForStatus(page, 'done');
  expect(await getSource(page)).toBe(MINE);
  expect(await workers(page)).toEqual({ active: 'activated', waiting: null, controlled: true });
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  await setSource(page, TINY_PROGRAM);
  expect((await runAndWait(page, 60_000)).status).toBe('done');

  // The other tab still runs the old version's files, which the cache no longer holds: it is
  // told so, and reloads only when the learner says.
  const otherNotice = other.getByTestId('update-notice');
  await expect(otherNotice).toHaveAttribute('data-news', 'updated-elsewhere', { timeout: 60_000 });
  expect(await isSameDocument(other)).toBe(true);
  await snapshot(other, 'update-elsewhere-en');
  await other.getByTestId('language').selectOption('zh');
  await expect(otherNotice).toContainText('另一个标签页');
  await snapshot(other, 'update-elsewhere-zh');
  await other.getByTestId('update-reload').click();
  await expect(other.locator('meta[name="loopscope-deploy"]')).toHaveCount(1, { timeout: 60_000 });
  await waitForStatus(other, 'ready');
  await context.close();
});
