import { expect, test, type Page } from '@playwright/test';
import { openApp, runAndWait, setSource } from './runInPage';
import { pageTrace } from './helpers';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

/** What a program can read of the interpreter it was given (see test/engine/snapshotBoot.test.ts). */
const FINGERPRINT = `import sys, os, gc
print(sys.path)
print(sorted(sys.modules))
print(sorted(os.environ.items()))
print(sys.flags)
print(hash("loop"), hash(("a", 1)), gc.get_freeze_count() > 0, sys.getrecursionlimit())
print(os.getcwd(), sorted(os.listdir("/home/pyodide")))
`;

/** The first engine's boot line from the worker's console: how it booted. */
function firstBoot(page: Page): Promise<string> {
  return new Promise((resolve) => {
    page.on('console', (message) => {
      if (message.text().startsWith('[loopscope] engine ready')) resolve(message.text());
    });
  });
}

async function fingerprint(page: Page): Promise<string> {
  await setSource(page, FINGERPRINT);
  expect((await runAndWait(page, 60_000)).status).toBe('done');
  const trace = await pageTrace(page);
  expect(trace.end.kind).toBe('ok');
  return trace.stdout;
}

test('the page boots from the build\'s snapshot, and a program sees the same interpreter as without it', async ({ page, browser }) => {
  const boot = firstBoot(page);
  await openApp(page);
  expect(await boot).toContain('engine ready from snapshot');
  const withSnapshot = await fingerprint(page);

  // The same build with the snapshot out of reach: the worker makes its own.
  const context = await browser.newContext();
  const without = await context.newPage();
  await without.route('**/assets/engine-*.snap', (route) => route.abort());
  const fallback = firstBoot(without);
  await openApp(without);
  expect(await fallback).toMatch(/engine ready from own-snapshot .*snapshot not used: missing/);
  expect(await fingerprint(without)).toBe(withSnapshot);
  // The spare engine fetches the snapshot too, maybe just now.
  await without.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});

test('a damaged snapshot is refused and the engine boots without it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/assets/engine-*.snap', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length >> 1] = (body[body.length >> 1] ?? 0) ^ 0xff;
    await route.fulfill({ response, body });
  });
  const boot = firstBoot(page);
  await openApp(page);
  expect(await boot).toMatch(/engine ready from own-snapshot .*damaged: checksum/);
  await setSource(page, 'print(6 * 7)\n');
  expect((await runAndWait(page, 60_000)).status).toBe('done');
  expect((await pageTrace(page)).stdout).toBe('42\n');
  // The spare engine fetches the snapshot too, maybe just now.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});
