import { expect, test } from '@playwright/test';
import { openFixture, pageTrace, snapshot, waitForStatus } from './helpers';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

test('Stop ends a runaway coroutine and the partial trace can be stepped through', async ({ page }) => {
  // Not runaway.py: its bare busy loop meets the busy-loop limit within a second, which can
  // come before the click on a fast machine.
  await openFixture(page, 'slow-spin.py');
  await waitForStatus(page, 'running');
  // Stop once Python is actually running the program (not while it still boots).
  await expect(page.getByTestId('status')).not.toContainText(/Starting|Waiting/, { timeout: 120_000 });
  await page.getByTestId('stop').click();
  await waitForStatus(page, 'done', 30_000);
  const runEnd = page.getByTestId('run-end');
  await expect(runEnd).toHaveAttribute('data-end', 'stopped');
  const trace = await pageTrace(page);
  expect(trace.end.kind).toBe('stopped');
  expect(trace.stats.steps).toBeGreaterThan(0);
  await page.getByTestId('jump-end').click();
  await expect(page.getByTestId('console')).toContainText('spinning forever');
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('narration')).not.toBeEmpty();
  await snapshot(page, 'runaway-stopped');

  // The engine is ready for the next run.
  await page.getByTestId('run').click();
  await waitForStatus(page, 'running');
});
