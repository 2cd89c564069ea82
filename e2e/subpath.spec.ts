/**
 * dist/ copied under a sub-path of a static host (`/loopscope/`, issue 14): the page, the worker,
 * Pyodide and the snapshot are all found relative to the page; a share link and an embed link run
 * their program there; nothing is asked for outside the folder. A plain host (no COOP/COEP, as most
 * are) and one that sends them (then the page is cross-origin isolated and Stop interrupts).
 */
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { testHooksStorageState } from '../src/app/testHooksFlag';
import type { ShareLink } from '../src/share';
import { pageTrace, waitForStatus } from './helpers';
import { startStaticHost, type StaticHost } from './staticHost';

test.describe.configure({ timeout: 180_000 });

const PORT = Number(process.env.E2E_SUBPATH_PORT ?? 5331);
const PREFIX = '/loopscope/';
const DIST = path.resolve(new URL('..', import.meta.url).pathname, 'dist');
const PROGRAM = `import asyncio

async def main():
    print("from a sub-path")
    await asyncio.sleep(1)
    print("done at", asyncio.get_running_loop().time())

asyncio.run(main())
`;

/** The link's hash by src/share's own encoder (in a page of the preview server when Node cannot load it). */
async function hashOf(browser: Browser, link: ShareLink): Promise<string> {
  try {
    const share = await import('../src/share');
    return share.encodeShareHash(link);
  } catch {
    const page = await browser.newPage();
    await page.goto('/');
    const hash = await page.evaluate((l) => window.__loopscope?.shareHash(l) ?? null, link);
    await page.close();
    if (hash === null) throw new Error('the page has no test hooks');
    return hash;
  }
}

/** The first engine's boot line from the worker's console. */
function bootLine(page: Page): Promise<string> {
  return new Promise((resolve) => {
    page.on('console', (message) => {
      if (message.text().startsWith('[loopscope] engine ready')) resolve(message.text());
    });
  });
}

async function openOn(browser: Browser, host: StaticHost, hash: string): Promise<{ page: Page; boot: Promise<string> }> {
  const context = await browser.newContext({ storageState: testHooksStorageState(host.origin) });
  const page = await context.newPage();
  const boot = bootLine(page);
  await page.goto(`${host.origin}${PREFIX}${hash}`);
  return { page, boot };
}

for (const isolated of [false, true]) {
  test.describe(isolated ? 'a host that sends COOP/COEP' : 'a plain static host', () => {
    let host: StaticHost;
    test.beforeAll(async () => {
      host = await startStaticHost({ port: PORT + (isolated ? 1 : 0), prefix: PREFIX, dist: DIST, isolated });
    });
    test.afterAll(async () => {
      await host.close();
    });

    test('a share link runs its program from /loopscope/, the snapshot found beside the page', async ({ browser }) => {
      const hash = await hashOf(browser, { source: PROGRAM });
      const { page, boot } = await openOn(browser, host, hash);
      await waitForStatus(page, 'done');
      expect(await boot).toContain('engine ready from snapshot');
      const trace = await pageTrace(page);
      expect(trace.end.kind).toBe('ok');
      expect(trace.stdout).toBe('from a sub-path\ndone at 1.0\n');
      expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(isolated);
      // The address keeps its folder (share links are made from it).
      expect(new URL(page.url()).pathname).toBe(PREFIX);
      // Everything came from the folder, and nothing was missing.
      expect(host.requests.length).toBeGreaterThan(5);
      expect(host.requests.filter((r) => !r.path.startsWith(PREFIX)).map((r) => r.path)).toEqual([]);
      expect(host.requests.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.path}`)).toEqual([]);
      expect(host.requests.map((r) => r.path)).toEqual(
        expect.arrayContaining([`${PREFIX}pyodide/pyodide.asm.wasm`, `${PREFIX}pyodide/python_stdlib.zip`, expect.stringMatching(/\/loopscope\/assets\/engine-.*\.snap$/)]),
      );
      await page.context().close();
    });

    test('an embed link runs there too', async ({ browser }) => {
      const hash = await hashOf(browser, { source: PROGRAM, embed: { views: ["console"] } });
      const { page } = await openOn(browser, host, hash);
      await waitForStatus(page, 'done');
      await expect(page.getByTestId('embed')).toBeVisible();
      expect((await pageTrace(page)).stdout).toBe('from a sub-path\ndone at 1.0\n');
      await page.context().close();
    });
  });
}
