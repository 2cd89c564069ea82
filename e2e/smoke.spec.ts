import { expect, test } from '@playwright/test';

// Proves the toolchain end to end: the production build is served with its headers and React
// mounts. The app's own e2e tests replace or extend this.
test('the page loads and React renders into #root', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  const response = await page.goto('/');
  expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');

  await expect(page.locator('#root')).not.toBeEmpty();
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  expect(errors).toEqual([]);
});
