import { expect, test } from '@playwright/test';
import { fixture, openFixture, pageCursor, shareHash, snapshot, waitForStatus } from './helpers';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

test('a share link opens the same program at the same step', async ({ page }) => {
  const source = await openFixture(page, 'workers.py', 5);
  await waitForStatus(page, 'done');
  expect(await page.evaluate(() => window.__loopscope?.getSource())).toBe(source);
  expect((await pageCursor(page)).step).toBe(5);
  await expect(page.getByTestId('step-label')).toContainText('Step 5 /');
});

test('Copy link gives a link to this program at this step, and the URL follows the cursor', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const source = await openFixture(page, 'workers.py');
  await waitForStatus(page, 'done');
  await page.getByTestId('step-forward').click();
  await page.getByTestId('step-forward').click();
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share')).toContainText(/copied/i);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).host).toBe(new URL(page.url()).host);
  expect(copied).toContain('#code/');
  expect(copied).toContain('&step=2');

  // The address bar keeps the step current (debounced replaceState).
  await page.getByTestId('step-forward').click();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('&step=3');

  // The copied link, opened by someone else, shows the same program at the same step.
  const other = await context.newPage();
  await other.goto(copied);
  await waitForStatus(other, 'done');
  expect(await other.evaluate(() => window.__loopscope?.getSource())).toBe(source);
  expect((await pageCursor(other)).step).toBe(2);
});

test('a link pasted into the address bar of an open tab opens that program, also mid-run', async ({ page }) => {
  const first = await openFixture(page, 'workers.py', 3);
  await waitForStatus(page, 'done');
  // The URL follows the cursor a moment later (debounced): step away so a write is pending
  // when the new link comes, the case where the old program used to come back.
  await page.getByTestId('step-forward').click();
  const second = `${first}\n# the second program\n`;
  const hash = await shareHash(page, { source: second, step: 2 });
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await waitForStatus(page, 'done');
  await expect.poll(() => page.evaluate(() => window.__loopscope?.getSource())).toBe(second);
  await expect(page.getByTestId('step-label')).toContainText('Step 2 /');
  await page.waitForTimeout(600); // past the URL's debounce: the address stays the new program's
  expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('&step=2');
  expect(await page.evaluate(() => window.__loopscope?.getSource())).toBe(second);

  // Mid-run: the run going is stopped and the link opens when it has ended.
  const runaway = 'import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n';
  await page.evaluate((s) => window.__loopscope?.setSource(s), runaway);
  await page.getByTestId('run').click();
  await waitForStatus(page, 'running');
  await page.evaluate((h) => { window.location.hash = h; }, await shareHash(page, { source: first, step: 1 }));
  await expect.poll(() => page.evaluate(() => window.__loopscope?.getSource()), { timeout: 60_000 }).toBe(first);
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('step-label')).toContainText('Step 1 /');
});

test('a broken link says what is wrong and keeps a program open', async ({ page }) => {
  await page.goto('/#code/this-is-not-lz-data!!!');
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-kind', 'link-error');
  await expect(notice).toContainText('could not be opened');
  await snapshot(page, 'broken-link');
  const text = await page.evaluate(() => window.__loopscope?.getSource() ?? '');
  expect(text).toContain('asyncio');
  await page.getByTestId('dismiss-notice').click();
  await expect(notice).toHaveCount(0);
});

test('the editor text survives a reload', async ({ page }) => {
  await page.goto('/');
  await waitForStatus(page, 'ready');
  const text = `${fixture('workers.py')}\n# my own note\n`;
  await page.evaluate((t) => window.__loopscope?.setSource(t), text);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('loopscope.source'))).toBe(text);
  await page.goto('/');
  expect(await page.evaluate(() => window.__loopscope?.getSource())).toBe(text);
});
