/**
 * Accessibility with axe-core: zero violations in both themes and both languages, before a run
 * and mid-run (an example run and stepped into, with every view showing), with the help dialog
 * open, and in presenter mode. Nothing is excluded: the page passes axe's rules as they are.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { afterRun, openApp } from './runInPage';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 300_000 });

type Theme = 'light' | 'dark';

async function chooseTheme(page: Page, theme: Theme): Promise<void> {
  await page.getByTestId('theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function chooseLanguage(page: Page, lang: 'en' | 'zh'): Promise<void> {
  await page.getByTestId('language').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
}

/** Run the TaskGroup-failure example from the menu (tasks, a TaskGroup, cancellations, output) and step into it. */
async function runExampleAndStep(page: Page): Promise<void> {
  const run = await afterRun(page, async () => {
    await page.getByTestId('examples').click();
    await page.locator('[data-testid="example-item"][data-example-id="taskgroup-failure"]').click();
  });
  expect(run.status).toBe('done');
  // A run opens at its start or its end, depending on what the page showed before.
  const jumpStart = page.getByTestId('jump-start');
  if (await jumpStart.isEnabled()) await jumpStart.click();
  for (let i = 0; i < 6; i++) await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('step-label')).toContainText('6');
  // Every view of the machinery is on the page (and so inside axe's check).
  for (const view of ['timeline', 'objects', 'await-graph', 'narration']) await expect(page.getByTestId(view)).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations in the ${theme} theme, in English and Chinese, before a run and mid-run`, async ({ page }) => {
    await openApp(page);
    await chooseTheme(page, theme);
    await expectNoViolations(page, `${theme}, English, before a run`);
    await page.getByTestId('help').click();
    await expect(page.getByTestId('help-overlay')).toBeVisible();
    await expectNoViolations(page, `${theme}, English, the help dialog open`);
    await page.keyboard.press('Escape');
    await chooseLanguage(page, 'zh');
    await expectNoViolations(page, `${theme}, Chinese, before a run`);

    await chooseLanguage(page, 'en');
    await runExampleAndStep(page);
    await expectNoViolations(page, `${theme}, English, mid-run`);
    await chooseLanguage(page, 'zh');
    await expectNoViolations(page, `${theme}, Chinese, mid-run`);
  });
}

test('axe finds no violations in presenter mode, in both themes, mid-run', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('presenter').click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await runExampleAndStep(page);
  for (const theme of ['light', 'dark'] as const) {
    await chooseTheme(page, theme);
    await expectNoViolations(page, `presenter mode, ${theme}, English, mid-run`);
  }
  await chooseLanguage(page, 'zh');
  await expectNoViolations(page, 'presenter mode, dark, Chinese, mid-run');
});
