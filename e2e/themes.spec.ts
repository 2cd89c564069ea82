/**
 * Themes and presenter mode as a teacher uses them: the page follows the system's light or dark
 * scheme until a theme is picked in the header, remembers the pick, and every view (panels, the
 * timeline's SVG, Monaco) follows it live; presenter mode makes the type, the lanes and the
 * narration bigger, from the header or the P key, and is remembered. Screenshots of each, mid-run,
 * in English and Chinese, go to screenshots/ for a human to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { snapshot } from './helpers';
import { afterRun, openApp } from './runInPage';

test.describe.configure({ timeout: 300_000 });

/** theme.css's panel surface in each theme, as the browser computes it. */
const PANEL_BG = { light: 'rgb(255, 255, 255)', dark: 'rgb(30, 33, 39)' } as const;

async function runExampleAndStep(page: Page, steps = 6): Promise<void> {
  const run = await afterRun(page, async () => {
    await page.getByTestId('examples').click();
    await page.locator('[data-testid="example-item"][data-example-id="taskgroup-failure"]').click();
  });
  expect(run.status).toBe('done');
  const jumpStart = page.getByTestId('jump-start');
  if (await jumpStart.isEnabled()) await jumpStart.click();
  for (let i = 0; i < steps; i++) await page.getByTestId('step-forward').click();
}

/** What the views paint, read from the page: their surfaces, the timeline axis' text, Monaco's theme. */
async function painted(page: Page) {
  return page.evaluate(() => {
    const bg = (sel: string) => {
      const el = document.querySelector(sel);
      return el === null ? null : getComputedStyle(el).backgroundColor;
    };
    const tick = document.querySelector('.timeline-axis .tick text');
    return {
      body: getComputedStyle(document.body).backgroundColor,
      panels: ['.view-problems', '.view-timeline', '.view-ready', '.view-timers', '.view-objects', '.view-await-graph', '.view-cancellations', '.app-header', '.machine-top'].map(bg),
      axisText: tick === null ? null : getComputedStyle(tick).fill,
      monacoDark: document.querySelector('.monaco-editor')?.classList.contains('vs-dark') ?? null,
    };
  });
}

test('the page follows the system scheme, live, until a theme is picked; the pick is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  const html = page.locator('html');
  await expect(page.getByTestId('theme')).toHaveValue('system');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await runExampleAndStep(page);
  await expect(page.locator('.monaco-editor')).toHaveClass(/vs-dark/);
  const dark = await painted(page);
  expect(dark.panels).toEqual(Array(dark.panels.length).fill(PANEL_BG.dark));
  expect(dark.monacoDark).toBe(true);

  // The system turns light (a laptop at sunrise): the page follows without a reload.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.monaco-editor')).not.toHaveClass(/vs-dark/);
  const light = await painted(page);
  expect(light.panels).toEqual(Array(light.panels.length).fill(PANEL_BG.light));
  expect(light.body).not.toBe(dark.body);
  expect(light.axisText).not.toBe(dark.axisText);

  // Picking dark overrides the system, and survives a reload while the system says light.
  await page.getByTestId('theme').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.monaco-editor')).toHaveClass(/vs-dark/);
  await page.reload();
  await expect(page.getByTestId('theme')).toHaveValue('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('theme').selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html, 'a picked theme ignores the system').toHaveAttribute('data-theme', 'light');
});

test('a page that sets data-theme itself (an embed with theme=) is followed by every view, Monaco too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  await runExampleAndStep(page);
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
  await expect(page.locator('.monaco-editor')).toHaveClass(/vs-dark/);
  const dark = await painted(page);
  expect(dark.panels).toEqual(Array(dark.panels.length).fill(PANEL_BG.dark));
});

test('presenter mode makes the type, the lanes and the narration bigger, from the header or P, and is remembered', async ({ page }) => {
  await openApp(page);
  await runExampleAndStep(page);
  const sizes = () =>
    page.evaluate(() => {
      const px = (sel: string) => {
        const el = document.querySelector(sel);
        return el === null ? 0 : parseFloat(getComputedStyle(el).fontSize);
      };
      const bar = document.querySelector<SVGRectElement>('.timeline-segment');
      return {
        narration: px('.narration'),
        laneName: px('.timeline-lane-name'),
        readyLabel: px('.ready-queue'),
        button: px('[data-testid="run"]'),
        bar: bar === null ? 0 : bar.getBBox().height,
        editorLine: px('.monaco-editor .view-line'),
      };
    });
  const normal = await sizes();
  const toggle = page.getByTestId('presenter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect.poll(async () => (await sizes()).editorLine).toBeGreaterThan(normal.editorLine);
  const big = await sizes();
  for (const key of Object.keys(normal) as (keyof typeof normal)[]) {
    expect(big[key], `${key}: ${normal[key]} → ${big[key]}`).toBeGreaterThan(normal[key] * 1.2);
  }
  expect(big.narration, 'the narration is the biggest text').toBeGreaterThanOrEqual(28);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect(page.getByTestId('presenter')).toHaveAttribute('aria-pressed', 'true');
  // P, with the focus outside the editor, switches it off again.
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.getByTestId('step-label').click();
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter', 'on');
  await expect(page.getByTestId('presenter')).toHaveAttribute('aria-pressed', 'false');
});

test('screenshots of the dark and light themes and presenter mode, mid-run, in English and Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await runExampleAndStep(page, 9);
  for (const lang of ['en', 'zh'] as const) {
    await page.getByTestId('language').selectOption(lang);
    for (const theme of ['dark', 'light'] as const) {
      await page.getByTestId('theme').selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await snapshot(page, `theme-${theme}-${lang}`);
      // The views below the fold: objects, the await graph, cancellations, the console.
      await page.locator('.machine-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await snapshot(page, `theme-${theme}-${lang}-lower`);
      await page.locator('.machine-scroll').evaluate((el) => el.scrollTo(0, 0));
    }
    await page.getByTestId('help').click();
    await snapshot(page, `help-${lang}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('presenter').click();
    await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
    for (const theme of ['dark', 'light'] as const) {
      await page.getByTestId('theme').selectOption(theme);
      await snapshot(page, `presenter-${theme}-${lang}`);
    }
    await page.getByTestId('presenter').click();
  }
});
