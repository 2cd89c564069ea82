import { expect, test } from '@playwright/test';
import { openFixture, snapshot, waitForStatus } from './helpers';

test('the UI switches to Chinese and remembers it', async ({ page }) => {
  await openFixture(page, 'workers.py', 3);
  await waitForStatus(page, 'done');
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('run')).toContainText('运行');
  await expect(page.getByTestId('step-label')).toContainText('第 3 /');
  await expect(page.getByTestId('narration')).toContainText(/[\u4e00-\u9fff]/);
  await snapshot(page, 'chinese');
  await page.reload();
  await expect(page.getByTestId('run')).toContainText('运行');
  await page.getByTestId('help').click();
  await expect(page.getByTestId('help-overlay')).toContainText('快捷键');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
});
