import { expect, test } from '@playwright/test';
import { allConsoleLinesForTest } from './traceHelpers';
import { openFixture, pageCursor, pageTrace, waitForStatus } from './helpers';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

test('clicking a console line jumps to the step that printed it', async ({ page }) => {
  await openFixture(page, 'workers.py');
  await waitForStatus(page, 'done');
  const lines = allConsoleLinesForTest(await pageTrace(page));
  await page.getByTestId('jump-end').click();
  const shown = page.getByTestId('console-line');
  await expect(shown).toHaveCount(lines.length);
  const target = lines.findIndex((l) => l.text.includes('w2 wakes'));
  expect(target).toBeGreaterThanOrEqual(0);
  await shown.nth(target).click();
  expect((await pageCursor(page)).step).toBe(lines[target]?.step);
  // Output after that step is hidden again.
  await expect(shown).toHaveCount(lines.filter((l) => l.step <= (lines[target]?.step ?? 0)).length);
});
