import { expect, test } from '@playwright/test';
import { openFixture, snapshot, waitForStatus } from './helpers';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

test('the UI switches to Chinese and remembers it', async ({ page }) => {
  await openFixture(page, 'workers.py', 3);
  await waitForStatus(page, 'done');
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('run')).toContainText('运行');
  await expect(page.getByTestId('step-label')).toContainText('第 3 /');
  await expect(page.getByTestId('narration')).toContainText(/[\u4e00-\u9fff]/);
  await snapshot(page, 'chinese');
  // The address bar now holds the program at step 3: a reload opens it again, in Chinese.
  await page.reload();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('run')).toContainText('运行');
  await expect(page.getByTestId('step-label')).toContainText('第 3 /');
  await page.getByTestId('help').click();
  await expect(page.getByTestId('help-overlay')).toContainText('快捷键');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
});

test('a run stopped by a limit is explained in Chinese too', async ({ page }) => {
  await openFixture(page, 'runaway.py');
  await waitForStatus(page, 'done');
  const runEnd = page.getByTestId('run-end');
  await expect(runEnd).toHaveAttribute('data-end', 'limit');
  const english = (await runEnd.locator('.end-message').textContent()) ?? '';
  await page.getByTestId('language').selectOption('zh');
  await expect(runEnd).toContainText('安全限制');
  await expect(runEnd.locator('.end-message')).toContainText(/[\u4e00-\u9fff]/);
  expect(await runEnd.locator('.end-message').textContent()).not.toBe(english);
});
