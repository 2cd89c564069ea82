/**
 * Compare two runs, as a teacher does it (issue 13): run the sequential version, pin it, switch
 * to the gather version, run again; both runs on one time axis, the difference called out
 * ("sequential: 6.0 s, gather: 3.0 s"), and the whole comparison shared as one link. In English
 * and Chinese; screenshots of the compare view to look at.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fixture, openFixture, waitForStatus } from './helpers';

test.describe.configure({ timeout: 180_000 });

const WORDS = {
  en: {
    time: 'Total time: sequential: 6.0 s, gather: 3.0 s: gather is 2.0× as fast',
    steps: 'Loop steps: sequential:',
    tasks: 'Tasks: sequential: 1, gather: 4',
    findings: 'Pitfalls: only sequential has awaits one by one that could run together',
    output: 'Output: both printed the same',
    waiting: 'Pinned. Now edit the program and run it again',
  },
  zh: {
    time: '总用时：sequential：6.0 s，gather：3.0 s，gather 快 2.0×',
    steps: '循环步数：sequential：',
    tasks: '任务数：sequential：1，gather：4',
    findings: '常见的坑：只有 sequential 有本可并发却逐个 await',
    output: '输出：两次运行打印的内容相同',
    waiting: '已固定。现在修改程序并再次运行',
  },
} as const;

/** The rightmost pixel a run's lanes reach: where its last task ends on the shared axis. */
async function lanesEnd(run: Locator): Promise<number> {
  return run.locator('.compare-segment').evaluateAll((rects) =>
    Math.max(...rects.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width')))),
  );
}

async function expectComparison(page: Page, lang: 'en' | 'zh'): Promise<void> {
  const words = WORDS[lang];
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  const facts = page.getByTestId('compare-fact');
  await expect(facts.and(page.locator('[data-kind="time"]'))).toHaveText(words.time);
  await expect(facts.and(page.locator('[data-kind="steps"]'))).toContainText(words.steps);
  await expect(facts.and(page.locator('[data-kind="tasks"]'))).toHaveText(words.tasks);
  await expect(facts.and(page.locator('[data-kind="findings"]'))).toHaveText(words.findings);
  await expect(facts.and(page.locator('[data-kind="output"]'))).toHaveText(words.output);

  const pinned = page.locator('[data-testid="compare-run"][data-run="pinned"]');
  const current = page.locator('[data-testid="compare-run"][data-run="current"]');
  await expect(pinned).toHaveAttribute('data-total-time', '6');
  await expect(current).toHaveAttribute('data-total-time', '3');
  await expect(pinned.getByTestId('compare-lane')).toHaveCount(1);
  await expect(current.getByTestId('compare-lane')).toHaveCount(4);
  // One axis: the pinned run (6 s) reaches twice as far from the axis's start as gather (3 s).
  const start = await page.locator('.compare-axis line').first().getAttribute('x1');
  const origin = Number(start);
  const ratio = ((await lanesEnd(pinned)) - origin) / ((await lanesEnd(current)) - origin);
  expect(ratio).toBeGreaterThan(1.9);
  expect(ratio).toBeLessThan(2.1);
}

for (const lang of ['en', 'zh'] as const) {
  test(`pin the sequential run, run gather, and see the difference; the link opens both (${lang})`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openFixture(page, 'sequential.py');
    await waitForStatus(page, 'done');
    await page.getByTestId('language').selectOption(lang);
    await page.getByTestId('pin-compare').click();
    await expect(page.getByTestId('compare-waiting')).toContainText(WORDS[lang].waiting);
    await expect(page.getByTestId('pin-compare')).toBeDisabled();

    // Edit: the gather version of the same program, then Run.
    await page.evaluate((t) => window.__loopscope?.setSource(t), fixture('gather.py'));
    await page.getByTestId('run').click();
    await waitForStatus(page, 'done');
    await expectComparison(page, lang);
    await page.getByTestId('compare-view').scrollIntoViewIfNeeded();
    await page.getByTestId('compare-view').screenshot({ path: `screenshots/compare-${lang}.png` });

    // One link for both runs.
    await page.getByTestId('share').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('&pin=');
    const other = await context.newPage();
    await other.goto(copied);
    await waitForStatus(other, 'done');
    expect(await other.evaluate(() => window.__loopscope?.getSource())).toBe(fixture('gather.py'));
    await expectComparison(other, lang);
    // The address bar keeps the pinned program too, so a reload keeps the comparison.
    await expect.poll(() => other.evaluate(() => location.hash)).toContain('&pin=');
    await other.close();

    // Stop comparing: the view goes, the next link has no pin.
    await page.getByTestId('compare-unpin').click();
    await expect(page.getByTestId('compare-view')).toHaveCount(0);
    await page.getByTestId('share').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toContain('&pin=');
  });
}

test('a compare link with a damaged pinned program says so and keeps the saved program', async ({ page }) => {
  await openFixture(page, 'gather.py');
  await waitForStatus(page, 'done');
  const hash = await page.evaluate(() => location.hash);
  // A fresh load of the link (a hash-only goto opens it in the same document).
  await page.goto('about:blank');
  await page.goto(`/${hash.split('&')[0]}&pin=not-lz-data!!!`);
  const notice = page.getByTestId('notice');
  await expect(notice).toHaveAttribute('data-kind', 'link-error');
  await expect(notice).toContainText('the program pinned in it for comparison is damaged');
  expect(await page.evaluate(() => window.__loopscope?.getSource())).toBe(fixture('gather.py'));
});
