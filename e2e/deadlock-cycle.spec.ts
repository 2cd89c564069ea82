/**
 * The deadlock's end message points at its cause: the lock-order deadlock names the cycle the
 * await graph draws, in order, and its button goes to the last step and brings the graph (with
 * the cycle's edges) into view; an Event nobody sets is said to be no cycle. In both languages.
 */
import { objectsProgram } from '../test/objects/programs';
import { expect, test, type Page } from '@playwright/test';
import { fixture, openProgram, snapshot, waitForStatus } from './helpers';

test.describe.configure({ timeout: 90_000 });

const lockOrder = objectsProgram('deadlock.py');

async function stepLabel(page: Page): Promise<string> {
  return (await page.getByTestId('step-label').textContent()) ?? '';
}

test('a lock-order deadlock: the end names the cycle, and its button shows it in the await graph', async ({ page }) => {
  await openProgram(page, lockOrder, 1);
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('run-end')).toHaveAttribute('data-end', 'deadlock');
  const cause = page.getByTestId('deadlock-cause');
  await expect(cause).toHaveAttribute('data-cause', 'cycle');
  await expect(cause).toContainText('The await graph has a cycle: t1 holds a and waits for b, which t2 holds while waiting for a.');
  await expect(page.getByTestId('step-label')).toContainText('Step 1 /');
  const graph = page.getByTestId('await-graph');
  await expect(graph.locator('[data-cycle="true"]')).toHaveCount(0);
  await snapshot(page, 'deadlock-cause-en');

  await page.getByTestId('show-deadlock-cause').click();
  const total = /\/ (\d+)/.exec(await stepLabel(page))?.[1] ?? '';
  await expect(page.getByTestId('step-label')).toContainText(`Step ${total} /`);
  await expect(graph).toBeInViewport();
  await expect(graph.locator('[data-cycle="true"]')).toHaveCount(4);
  await snapshot(page, 'deadlock-cause-graph-en');

  await page.getByTestId('language').selectOption('zh');
  await expect(cause).toContainText('等待图里有一个环：t1 持有 a，在等 b；而 b 被 t2 持有，它又在等 a。');
  await expect(page.getByTestId('show-deadlock-cause')).toHaveText('在等待图中查看这个环');
  await page.getByTestId('run-end').scrollIntoViewIfNeeded();
  await snapshot(page, 'deadlock-cause-zh');
});

test('tasks waiting on an Event nobody sets: the end says there is no cycle, and what they wait on', async ({ page }) => {
  await openProgram(page, fixture('event-nobody-sets.py'));
  await waitForStatus(page, 'done');
  const cause = page.getByTestId('deadlock-cause');
  await expect(cause).toHaveAttribute('data-cause', 'no-cycle');
  await expect(cause).toContainText('The await graph has no cycle: waiter (Task-2) and waiter (Task-3) wait on ready (Event)');
  await expect(page.getByTestId('show-deadlock-cause')).toHaveText('Show the await graph');
  await page.getByTestId('show-deadlock-cause').click();
  await expect(page.getByTestId('await-graph')).toBeInViewport();
  await expect(page.getByTestId('await-graph').locator('[data-cycle="true"]')).toHaveCount(0);
  await page.getByTestId('language').selectOption('zh');
  await expect(cause).toContainText('等待图里没有环');
  await snapshot(page, 'deadlock-no-cycle-zh');
});
