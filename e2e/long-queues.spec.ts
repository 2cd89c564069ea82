import { expect, test, type Locator, type Page } from '@playwright/test';
import { indexTrace, stateAt } from '../src/trace';
import { handlesOf, openFixture, pageTrace, snapshot, waitForStatus } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** Scrolls a list to its end the way a wheel or a dragged scrollbar would. */
async function scrollToEnd(list: Locator): Promise<void> {
  await list.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
}

async function goToStep(page: Page, step: number): Promise<void> {
  await page.getByTestId('scrubber').fill(String(step));
  await expect(page.getByTestId('step-label')).toContainText(`Step ${step} /`);
}

test('a long ready queue and timer heap put only the rows in view in the page, and scroll to every row', async ({ page }) => {
  await openFixture(page, 'crowd.py');
  await waitForStatus(page, 'done');
  const index = indexTrace(await pageTrace(page));

  // Step 1: main has made the 300 tasks; their first steps wait in the ready queue.
  await goToStep(page, 1);
  const queue = stateAt(index, { step: 1 }).readyQueue;
  expect(queue.length).toBe(300);
  const readyList = page.locator('.ready-list');
  const firstRows = await handlesOf(page, 'ready-item');
  expect(firstRows.length).toBeLessThan(40);
  expect(firstRows).toEqual(queue.slice(0, firstRows.length).map((e) => e.h));
  await expect(page.getByTestId('ready-queue')).toContainText('and 200 more behind them');
  // The list is as tall as its 100 rows: scrolled to the end it shows the 100th.
  await scrollToEnd(readyList);
  const lastRow = page.locator(`[data-testid="ready-item"][data-handle="${queue[99]?.h}"]`);
  await expect(lastRow).toBeVisible();
  await expect(lastRow.locator('.ready-position')).toHaveText('100');
  expect((await handlesOf(page, 'ready-item')).length).toBeLessThan(40);

  // Once all 300 sleep, their timers share one deadline: one marker counts them.
  const step = index.steps.findIndex((_, s) => stateAt(index, { step: s }).timerHeap.length === 300);
  expect(step).toBeGreaterThan(0);
  await goToStep(page, step);
  const timers = stateAt(index, { step }).timerHeap;
  await expect(page.locator('.timers-marker.is-group')).toHaveCount(1);
  await expect(page.locator('.timers-marker.is-group text')).toHaveText('×100');
  await expect(page.getByTestId('timers')).toContainText('and 200 later timers');
  await scrollToEnd(page.locator('.timers-list'));
  await expect(page.locator(`[data-testid="timer-item"][data-handle="${timers[99]?.h}"]`)).toBeVisible();
  expect((await handlesOf(page, 'timer-item')).length).toBeLessThan(40);
  await page.getByTestId('timers').scrollIntoViewIfNeeded();
  await snapshot(page, 'long-queues-timers');
});
