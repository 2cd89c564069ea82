import { expect, test } from '@playwright/test';
import { openFixture, waitForStatus } from './helpers';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

function isLocal(url: string): boolean {
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

test('no request leaves localhost: Pyodide, Monaco and the examples are all served locally', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('worker', (worker) => urls.push(worker.url()));
  await openFixture(page, 'workers.py');
  await waitForStatus(page, 'done');
  await page.getByTestId('examples').click();
  await page.locator('[data-testid="example-item"][data-example-id="gather"]').click();
  await waitForStatus(page, 'done');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  expect(urls.length).toBeGreaterThan(5);
  expect(urls.some((u) => u.includes('pyodide'))).toBe(true);
  expect(urls.filter((u) => !isLocal(u))).toEqual([]);
});
