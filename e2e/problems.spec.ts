import { expect, test } from '@playwright/test';
import { openFixture, openProgram, snapshot, waitForStatus } from './helpers';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

test('a syntax error is marked in the editor with its message', async ({ page }) => {
  await openFixture(page, 'syntax_error.py');
  await waitForStatus(page, 'error');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  const runEnd = page.getByTestId('run-end');
  await expect(runEnd).toHaveAttribute('data-end', 'syntax-error');
  await expect(runEnd).toContainText('SyntaxError');
  await expect(runEnd).toContainText('line 5');
  // The marker carries the message: hovering the squiggle shows it.
  // The squiggle lies under Monaco's text layer: move the mouse over it rather than hover() it.
  const box = await page.locator('.monaco-editor .squiggly-error').boundingBox();
  if (!box) throw new Error('the squiggle has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('.monaco-hover:not(.hidden)').first()).toContainText(/never closed|SyntaxError/);
  await snapshot(page, 'syntax-error');
});

test('an uncaught exception is reported with its traceback and its line marked', async ({ page }) => {
  await openFixture(page, 'uncaught.py');
  await waitForStatus(page, 'done');
  const runEnd = page.getByTestId('run-end');
  await expect(runEnd).toHaveAttribute('data-end', 'exception');
  await expect(runEnd).toContainText('ValueError');
  await expect(runEnd).toContainText('item 2 is broken');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await page.getByTestId('jump-end').click();
  await expect(page.locator('[data-testid="console-line"][data-fd="err"]').first()).toBeVisible();
  await snapshot(page, 'uncaught-exception');
});

test('a package the sandbox lacks: CPython\'s error as it is, and a line saying why, in the panel and on the marker', async ({ page }) => {
  // numpy, not requests: requests (like aiohttp and httpx) is simulated in the sandbox now.
  await openProgram(page, 'import asyncio\nimport numpy\n\nasyncio.run(asyncio.sleep(0))\n');
  await waitForStatus(page, 'done');
  const runEnd = page.getByTestId('run-end');
  await expect(runEnd).toContainText("ModuleNotFoundError: No module named 'numpy'");
  await expect(page.getByTestId('end-hint')).toContainText('numpy is not in its sandbox');
  const box = await page.locator('.monaco-editor .squiggly-error').boundingBox();
  if (!box) throw new Error('the squiggle has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('.monaco-hover:not(.hidden)').first()).toContainText('cannot be installed here');
  await snapshot(page, 'missing-module');
});
