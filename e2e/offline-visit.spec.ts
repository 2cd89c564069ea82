/**
 * The second visit works with the network off (issue 14, "Offline"): the first visit's service
 * worker (src/offline/serviceWorker.ts) has precached the page, Monaco, the engine worker,
 * Pyodide and the snapshot; with the browser context offline, a new page opens the app from the
 * cache, boots Python from the snapshot, runs programs and examples, and stays cross-origin
 * isolated, so Stop still interrupts Python instead of ending its worker.
 */
import path from 'node:path';
import { expect, test, type Page, type Response } from '@playwright/test';
import { testHooksStorageState } from '../src/app/testHooksFlag';
import { startDeployServer } from './deployServer';
import { fixture, pageTrace, snapshot, waitForStatus } from './helpers';
import { afterRun, runAndWait, setSource, TINY_PROGRAM } from './runInPage';

// Two Python boots and the whole app precached: on a busy 2-core machine, minutes.
test.describe.configure({ timeout: 300_000 });

/** The port of the bare static host below (E2E_PORT's server is Vite's preview, with headers). */
const BARE_HOST_PORT = Number(process.env.E2E_BARE_HOST_PORT ?? 5322);
const DIST = path.resolve(import.meta.dirname, '../dist');

/** Wait until the service worker has saved every file and controls the scope. */
async function waitForOfflineReady(page: Page): Promise<void> {
  // The page registers the worker once Python is ready; "saved for offline use" is said once
  // Workbox has stored the last file of its list.
  await expect(page.getByTestId('update-notice')).toHaveAttribute('data-news', 'offline-ready', { timeout: 180_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** How many files the precache holds, and how many the worker's list names. */
async function precacheCounts(page: Page): Promise<{ cached: number; listed: number }> {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.includes('precache'));
    let cached = 0;
    for (const name of names) cached += (await (await caches.open(name)).keys()).length;
    const script = navigator.serviceWorker.controller?.scriptURL ?? (await navigator.serviceWorker.ready).active?.scriptURL ?? '';
    const source = await (await fetch(script)).text();
    // The list Workbox wrote in at build time: one `"url":"…"` per file.
    const listed = new Set(source.match(/"url":"[^"]+"/g) ?? []).size;
    return { cached, listed };
  });
}

test('the second visit works with the network off: the app, Python, a run, an example, and Stop', async ({ context, page }) => {
  await page.goto('/');
  await waitForStatus(page, 'ready');
  await waitForOfflineReady(page);
  const counts = await precacheCounts(page);
  expect(counts.listed, 'the worker names the files it precaches').toBeGreaterThan(20);
  expect(counts.cached, 'every file of the list is in the cache').toBe(counts.listed);
  // Something of the learner's to find again offline.
  await setSource(page, TINY_PROGRAM);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('loopscope.source'))).toBe(TINY_PROGRAM);
  await page.close();

  await context.setOffline(true);
  const offline = await context.newPage();
  const responses: Response[] = [];
  offline.on('response', (r) => responses.push(r));
  const boots: string[] = [];
  offline.on('console', (m) => {
    if (m.text().startsWith('[loopscope] engine ready')) boots.push(m.text());
  });
  const document = await offline.goto('/');
  expect(document?.fromServiceWorker(), 'the page itself came from the service worker').toBe(true);
  await waitForStatus(offline, 'ready');
  // The network really is off, for the page and for its service worker: a file the precache
  // does not hold cannot be fetched.
  const probe = await offline.evaluate(() =>
    fetch(`./not-precached-${Date.now()}.txt`).then(
      (r) => `answered ${r.status}`,
      (e: unknown) => `failed: ${String(e)}`,
    ),
  );
  expect(probe).toMatch(/^failed/);
  expect(await offline.evaluate(() => crossOriginIsolated), 'cross-origin isolated offline').toBe(true);
  expect(await offline.evaluate(() => navigator.onLine)).toBe(false);
  await expect.poll(() => boots.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  expect(boots[0], 'Python booted from the precached snapshot').toContain('from snapshot');

  // The learner's text is there, and it runs.
  await expect(offline.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
  const run = await runAndWait(offline, 60_000);
  expect(run.status).toBe('done');
  expect((await pageTrace(offline)).stdout).toBe('still here\n');

  // An example from the menu.
  await afterRun(offline, async () => {
    await offline.getByTestId('examples').click();
    await offline.locator('[data-testid="example-item"][data-example-id="gather"]').click();
  });
  expect((await pageTrace(offline)).end.kind).toBe('ok');

  // Stop interrupts Python through the SharedArrayBuffer: the run ends as stopped, in the same
  // engine (no "restarted" notice, no other boot). The spare engine has booted by then.
  await expect.poll(() => boots.length, { timeout: 120_000 }).toBe(2);
  await setSource(offline, fixture('slow-spin.py'));
  await offline.getByTestId('run').click();
  await waitForStatus(offline, 'running');
  await expect(offline.getByTestId('status')).not.toContainText(/Starting|Waiting/, { timeout: 60_000 });
  await offline.getByTestId('stop').click();
  await waitForStatus(offline, 'done', 30_000);
  await expect(offline.getByTestId('run-end')).toHaveAttribute('data-end', 'stopped');
  await expect(offline.locator('[data-testid="notice"][data-kind="stopped-restarted"]')).toHaveCount(0);
  expect(boots.length, 'Stop did not end the engine').toBe(2);

  // Everything the page and its workers loaded came from the service worker.
  const fromNetwork = responses.filter((r) => !r.fromServiceWorker()).map((r) => r.url());
  expect(fromNetwork).toEqual([]);
  expect(responses.some((r) => r.url().endsWith('pyodide.asm.wasm')), 'the engine worker loaded Pyodide (so the list above means something)').toBe(true);
  expect(responses.some((r) => r.url().endsWith('.snap'))).toBe(true);
});

test('on a host that sets no headers, the second visit is cross-origin isolated, and the precache revalidates instead of downloading again', async ({ browser }) => {
  const server = await startDeployServer(BARE_HOST_PORT, DIST, { headers: false });
  try {
    const context = await browser.newContext({ storageState: testHooksStorageState(server.url.slice(0, -1)) });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForStatus(page, 'ready');
    // The first visit is as the host serves it: no COOP/COEP, no isolation (Stop then ends the worker).
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await waitForOfflineReady(page);
    // The service worker asked whether the page's copy was current (a 304) instead of
    // downloading the 9.6 MB again: one full answer for the wasm, however many engines booted.
    // The service worker asked whether the browser's copy of Pyodide's runtime script was
    // current (a 304) instead of downloading its 1.25 MB again: one full answer, however many
    // engines booted. (Chromium's in-memory cache of a test context keeps no file as big as the
    // 9.6 MB wasm, the 9.7 MB standard library (a zip of stored entries, and this host
    // compresses nothing) or the snapshot, so those are downloaded again here.)
    const runtime = server.log.filter((s) => s.path === '/pyodide/pyodide.asm.mjs').map((s) => s.status);
    expect(runtime.filter((status) => status === 200), `the runtime script's answers: ${runtime.join(', ')}`).toHaveLength(1);
    expect(runtime.filter((status) => status === 304).length, `the runtime script's answers: ${runtime.join(', ')}`).toBeGreaterThanOrEqual(1);

    const second = await context.newPage();
    await second.goto(server.url);
    await waitForStatus(second, 'ready');
    expect(await second.evaluate(() => crossOriginIsolated), 'the service worker added the isolation headers').toBe(true);
    expect(await second.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
    await setSource(second, TINY_PROGRAM);
    expect((await runAndWait(second, 60_000)).status).toBe('done');
    await context.close();
  } finally {
    await server.close();
  }
});

test('when the service worker cannot save a file, the learner is told, and the app works online as before', async ({ context, page }) => {
  // One file of the precache list fails (as when the browser refuses the storage): Workbox's
  // install fails as a whole. Only the service worker fetches this icon.
  await context.route('**/icons/icon-maskable-512.png', (route) => route.abort());
  await page.goto('/');
  await waitForStatus(page, 'ready');
  const notice = page.getByTestId('update-notice');
  await expect(notice).toHaveAttribute('data-news', 'offline-failed', { timeout: 180_000 });
  await expect(notice).toContainText('could not be saved on this device');
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active ?? null)).toBeNull();
  await page.getByTestId('language').selectOption('zh');
  await expect(notice).toContainText('没能保存到本设备');
  await snapshot(page, 'offline-failed-zh');
  await page.getByTestId('language').selectOption('en');
  await setSource(page, TINY_PROGRAM);
  expect((await runAndWait(page, 60_000)).status).toBe('done');
  await page.getByTestId('update-dismiss').click();
  await expect(notice).toHaveCount(0);
});
