import { expect, test } from '@playwright/test';
import { fixture, openFixture, pageCursor, snapshot, waitForStatus } from './helpers';

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
