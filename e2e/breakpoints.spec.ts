/**
 * Breakpoints as a teacher sets them: a dot in the editor's gutter, run forward and back to it
 * (buttons and F8 / Shift+F8), an event breakpoint (a task fails) from the panel, the note that
 * says which breakpoint hit or that none did, a dot that moves with an edit, and a link that
 * carries the breakpoints to a learner; in English and Chinese.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { ShareLink } from '../src/share';
import { pageCursor, snapshot, waitForStatus } from './helpers';

test.describe.configure({ timeout: 180_000 });

/** The TaskGroup example: line 6 prints "part N: uploading" once per upload task (steps 2, 3 and 4); part 2 fails. */
const PROGRAM = readFileSync(new URL('../src/examples/programs/taskgroup-failure.py', import.meta.url), 'utf8');
const UPLOADING_LINE = PROGRAM.split('\n').findIndex((l) => l.includes('uploading')) + 1;

async function openLink(page: Page, link: ShareLink): Promise<void> {
  if (!page.url().startsWith('http')) await page.goto('/');
  const hash = await page.evaluate((l) => window.__loopscope?.shareHash(l) ?? null, link);
  if (hash === null) throw new Error('the page has no test hooks');
  await page.goto(`/${hash}`);
  await page.reload();
  await waitForStatus(page, 'done');
}

/** Back to the start of the run (the button is disabled when already there). */
async function toStart(page: Page): Promise<void> {
  const button = page.getByTestId('jump-start');
  if (await button.isEnabled()) await button.click();
  await expect.poll(() => pageCursor(page)).toEqual({ step: 0 });
}

/** The editor's line-number element of `line`, to aim at its row. */
function lineNumber(page: Page, line: number) {
  return page.locator('.margin-view-overlays .line-numbers').filter({ hasText: new RegExp(`^${line}$`) });
}

/** Click the glyph margin (left of the line numbers) on `line`, as a learner clicks the gutter. */
async function clickGutter(page: Page, line: number): Promise<void> {
  const row = await lineNumber(page, line).boundingBox();
  const margin = await page.locator('.monaco-editor .glyph-margin').first().boundingBox();
  if (row === null || margin === null) throw new Error(`line ${line} is not on screen`);
  await page.mouse.click(margin.x + margin.width / 2, row.y + row.height / 2);
}

/** The line the (only) breakpoint dot sits on, read from where it is drawn. */
async function dotLine(page: Page): Promise<number> {
  const dot = await page.locator('.ls-glyph-breakpoint').boundingBox();
  if (dot === null) throw new Error('no breakpoint dot');
  const rows = await page.locator('.margin-view-overlays .line-numbers').evaluateAll((els) =>
    els.map((el) => ({ line: Number(el.textContent), top: el.getBoundingClientRect().top })),
  );
  const row = rows.find((r) => Math.abs(r.top - dot.y) < 3);
  if (row === undefined) throw new Error('the dot is on no line');
  return row.line;
}

test('a gutter breakpoint: set it, run to it forward and back, and the note says which hit', async ({ page }) => {
  await openLink(page, { source: PROGRAM });
  await expect(page.getByTestId('run-forward-hit')).toBeDisabled(); // nothing set yet

  await clickGutter(page, UPLOADING_LINE);
  await expect(page.locator('.ls-glyph-breakpoint')).toHaveCount(1);
  expect(await dotLine(page)).toBe(UPLOADING_LINE);

  await toStart(page);
  const note = page.getByTestId('break-note');
  for (const step of [2, 3, 4]) {
    await page.getByTestId('run-forward-hit').click();
    await expect.poll(() => pageCursor(page)).toEqual({ step, line: 0 });
    await expect(note).toHaveText(`Stopped at a breakpoint: line ${UPLOADING_LINE}.`);
  }
  await snapshot(page, 'breakpoint-line-hit');

  // Past the last hit: the position stays and the note says so.
  await page.getByTestId('run-forward-hit').click();
  await expect(note).toHaveText('No breakpoint is hit after this point: the position did not change.');
  expect(await pageCursor(page)).toEqual({ step: 4, line: 0 });

  // Backward, with the keyboard: Shift+F8, then F8 forward again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => pageCursor(page)).toEqual({ step: 3, line: 0 });
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => pageCursor(page)).toEqual({ step: 2, line: 0 });
  await page.keyboard.press('Shift+F8');
  await expect(note).toHaveText('No breakpoint is hit before this point: the position did not change.');
  await page.keyboard.press('F8');
  await expect.poll(() => pageCursor(page)).toEqual({ step: 3, line: 0 });

  // A click on the dot removes it.
  await clickGutter(page, UPLOADING_LINE);
  await expect(page.locator('.ls-glyph-breakpoint')).toHaveCount(0);
  await expect(page.getByTestId('run-forward-hit')).toBeDisabled();
});

test('a dot moves with the line when a line is added above it, and F9 sets one from the keyboard', async ({ page }) => {
  await openLink(page, { source: PROGRAM });
  await clickGutter(page, UPLOADING_LINE);
  expect(await dotLine(page)).toBe(UPLOADING_LINE);
  // A new line at the top of the program pushes the dot down with its line.
  await page.locator('.monaco-editor .view-line').filter({ hasText: 'import asyncio' }).click({ position: { x: 2, y: 5 } });
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Enter');
  await expect.poll(() => dotLine(page)).toBe(UPLOADING_LINE + 1);
  // F9 in the editor toggles the cursor's line: line 1 gets a dot, then loses it.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F9');
  await expect(page.locator('.ls-glyph-breakpoint')).toHaveCount(2);
  await page.keyboard.press('F9');
  await expect(page.locator('.ls-glyph-breakpoint')).toHaveCount(1);
});

test('an event breakpoint: stop where a task fails, in English and in Chinese', async ({ page }) => {
  await openLink(page, { source: PROGRAM });
  await page.getByTestId('event-breakpoints').locator('summary').click();
  await page.getByTestId('bp-task-failed').check();
  await toStart(page);
  await page.getByTestId('run-forward-hit').click();
  const note = page.getByTestId('break-note');
  await expect(note).toHaveText('Stopped at a breakpoint: upload (Task-3) fails with ValueError: part 2 is corrupt.');
  const failedAt = await pageCursor(page);
  expect(failedAt.step).toBeGreaterThan(0);
  // The task-state views agree: Task-3 is failed here, and was not at the step before.
  const trace = await page.evaluate(() => window.__loopscope?.trace() ?? null);
  expect(trace?.events.some((e) => e.e === 'done' && e.task === 3 && e.outcome === 'exception')).toBe(true);
  await snapshot(page, 'breakpoint-task-failed');

  await page.getByTestId('language').selectOption('zh');
  await toStart(page);
  await page.getByTestId('run-forward-hit').click();
  await expect(note).toHaveText('停在断点：upload (Task-3) 失败：ValueError: part 2 is corrupt。');
  await page.getByTestId('run-forward-hit').click();
  await expect(note).toHaveText('此处之后没有命中任何断点：位置没有改变。');
  await expect(page.getByTestId('run-forward-hit')).toHaveText('下一个命中 ▶▶');
  await snapshot(page, 'breakpoint-task-failed-zh');
});

test('a link carries the breakpoints: the learner who opens it stops where the teacher set them', async ({ page, context }) => {
  await openLink(page, { source: PROGRAM });
  await clickGutter(page, UPLOADING_LINE);
  await page.getByTestId('event-breakpoints').locator('summary').click();
  await page.getByTestId('bp-task-failed').check();
  // The address bar follows (debounced), with the breakpoints in it.
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`&bp=${UPLOADING_LINE}&bpe=task-failed`);
  const link = page.url();

  const learner = await context.newPage();
  await learner.goto(link);
  await waitForStatus(learner, 'done');
  await expect(learner.locator('.ls-glyph-breakpoint')).toHaveCount(1);
  expect(await dotLine(learner)).toBe(UPLOADING_LINE);
  await learner.getByTestId('event-breakpoints').locator('summary').click();
  await expect(learner.getByTestId('bp-task-failed')).toBeChecked();
  await toStart(learner);
  await learner.getByTestId('run-forward-hit').click();
  await expect.poll(() => pageCursor(learner)).toEqual({ step: 2, line: 0 });
  for (let i = 0; i < 3; i++) await learner.getByTestId('run-forward-hit').click();
  await expect(learner.getByTestId('break-note')).toContainText('fails with ValueError: part 2 is corrupt');

  // A link without them (every link made before breakpoints) opens with none.
  await openLink(learner, { source: PROGRAM });
  await expect(learner.locator('.ls-glyph-breakpoint')).toHaveCount(0);
});

test('breakpoints survive a reload with their program, as an editor keeps them', async ({ page }) => {
  await openLink(page, { source: PROGRAM });
  await clickGutter(page, UPLOADING_LINE);
  await page.getByTestId('event-breakpoints').locator('summary').click();
  await page.getByTestId('bp-task-failed').check();
  // Back to the app with no link at all: the saved program opens, and its breakpoints with it.
  await page.goto('/');
  await page.reload();
  await waitForStatus(page, 'ready');
  await expect(page.locator('.ls-glyph-breakpoint')).toHaveCount(1);
  expect(await dotLine(page)).toBe(UPLOADING_LINE);
  await page.getByTestId('event-breakpoints').locator('summary').click();
  await expect(page.getByTestId('bp-task-failed')).toBeChecked();
  // They hold on the next run as they did.
  await page.getByTestId('run').click();
  await waitForStatus(page, 'done');
  await page.getByTestId('run-forward-hit').click();
  await expect.poll(() => pageCursor(page)).toEqual({ step: 2, line: 0 });
});
