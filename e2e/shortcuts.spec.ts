import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { openFixture, pageCursor, snapshot, waitForStatus } from './helpers';
import { getSource, openApp, setSource } from './runInPage';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

test('before a run the page explains its views, and the examples menu lists every example', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('run-intro')).toBeVisible();
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 60_000 });
  await snapshot(page, 'intro');
  await page.getByTestId('examples').click();
  // The catalogue imports programs with Vite's ?raw, which Node cannot load: count its files instead.
  const programs = readdirSync(new URL('../src/examples/programs/', import.meta.url)).filter((f) => f.endsWith('.py'));
  await expect(page.getByTestId('example-item')).toHaveCount(programs.length);
  await snapshot(page, 'examples-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('example-item')).toHaveCount(0);
});

test('keyboard: arrows step, Shift+arrows go by line, Home/End jump, ? shows the help', async ({ page }) => {
  await openFixture(page, 'workers.py');
  await waitForStatus(page, 'done');
  await page.locator('body').click({ position: { x: 900, y: 700 } }); // focus the page, not the editor
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await pageCursor(page)).toEqual({ step: 2 });
  await page.keyboard.press('ArrowLeft');
  expect(await pageCursor(page)).toEqual({ step: 1 });
  await page.keyboard.press('Shift+ArrowRight');
  expect((await pageCursor(page)).line).toBeDefined();
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-label')).toContainText(/Step (\d+) \/ \1 /);
  await page.keyboard.press('Home');
  expect(await pageCursor(page)).toEqual({ step: 0 });
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('Keyboard shortcuts');
  await snapshot(page, 'help');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
  // Typing in the editor does not step the trace.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ArrowRight');
  expect(await pageCursor(page)).toEqual({ step: 0 });
});

test("the editor's own keys a learner reaches for: Ctrl+/ comments a line, Ctrl+F finds, Ctrl+Z undoes", async ({ page }) => {
  await openApp(page);
  await setSource(page, 'import asyncio\nprint("one")\nprint("two")\n');
  await page.locator('.monaco-editor .view-line').nth(1).click();
  await page.keyboard.press('Control+/');
  await expect.poll(() => getSource(page)).toBe('import asyncio\n# print("one")\nprint("two")\n');
  await page.keyboard.press('Control+z');
  await expect.poll(() => getSource(page)).toBe('import asyncio\nprint("one")\nprint("two")\n');
  await page.keyboard.press('Control+f');
  await expect(page.locator('.monaco-editor .find-widget.visible')).toBeVisible();
  await page.keyboard.type('print');
  await expect(page.locator('.monaco-editor .find-widget .matchesCount')).toContainText('of 2');
});
