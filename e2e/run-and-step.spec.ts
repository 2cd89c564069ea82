import { expect } from '@playwright/test';
import { indexTrace, stateAt, stepCount } from '../src/trace';
import { fixture, handlesOf, pageCursor, pageTrace, snapshot, waitForStatus } from './helpers';
import { runInApp, test } from './sharedApp';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

test('an example from the menu runs and its output shows in the console', async ({ page }) => {
  await page.goto('/');
  await waitForStatus(page, 'ready');
  await page.getByTestId('examples').click();
  await page.locator('[data-testid="example-item"][data-example-id="create-task"]').click();
  await waitForStatus(page, 'done');
  await expect(page.getByTestId('step-label')).toContainText(/Step 0 \/ \d+ · t = 0\.000 s/);
  await page.getByTestId('jump-end').click();
  await expect(page.getByTestId('console-line').first()).toBeVisible();
  const trace = await pageTrace(page);
  expect(trace.end.kind).toBe('ok');
  await snapshot(page, 'example-create-task-end');
});

test('stepping forward and back shows the ready queue, timers and lanes the trace says', async ({ appPage: page }) => {
  await runInApp(page, fixture('workers.py'));
  const index = indexTrace(await pageTrace(page));
  const total = stepCount(index);
  expect(total).toBeGreaterThan(5);
  await expect(page.getByTestId('step-label')).toContainText(`Step 0 / ${total}`);

  async function expectViewsAt(step: number): Promise<void> {
    const state = stateAt(index, { step });
    await expect(page.getByTestId('step-label')).toContainText(`Step ${step} / ${total}`);
    await expect.poll(() => handlesOf(page, 'ready-item')).toEqual(state.readyQueue.map((e) => e.h));
    await expect.poll(() => handlesOf(page, 'timer-item')).toEqual(state.timerHeap.map((e) => e.h));
    const lanes = page.getByTestId('task-lane');
    for (const task of state.tasks) {
      const info = index.tasks[task.id - 1];
      if (!info || info.internal) continue;
      await expect(lanes.and(page.locator(`[data-task-name="${info.name}"]`))).toHaveAttribute('data-state', task.state);
    }
  }

  await expectViewsAt(0);
  for (let step = 1; step <= Math.min(total, 12); step++) {
    await page.getByTestId('step-forward').click();
    await expectViewsAt(step);
    if (step === 4) await snapshot(page, 'workers-step-4');
  }
  for (let step = Math.min(total, 12) - 1; step >= 8; step--) {
    await page.getByTestId('step-back').click();
    await expectViewsAt(step);
  }
  expect((await pageCursor(page)).step).toBe(8);

  // The scrubber covers the whole run.
  await page.getByTestId('scrubber').fill(String(total));
  await expectViewsAt(total);
  await page.keyboard.press('Home');
  await expectViewsAt(0);
});

test('line stepping moves the highlighted line inside a step', async ({ appPage: page }) => {
  await runInApp(page, fixture('workers.py'));
  await page.getByTestId('line-forward').click();
  const first = await pageCursor(page);
  await page.getByTestId('line-forward').click();
  const second = await pageCursor(page);
  expect([second.step, second.line ?? -1]).not.toEqual([first.step, first.line ?? -1]);
  await expect(page.locator('.monaco-editor .ls-line-running')).toHaveCount(1);
  await page.getByTestId('line-back').click();
  expect(await pageCursor(page)).toEqual(first);
});

test('play runs through the steps and stops at the end', async ({ appPage: page }) => {
  await runInApp(page, fixture('workers.py'));
  const total = stepCount(indexTrace(await pageTrace(page)));
  await page.getByTestId('speed').selectOption('30');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('step-label')).toContainText(`Step ${total} / ${total}`, { timeout: 10_000 });
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
});

test('the narration keeps one box height from step to step, and a longer sentence scrolls inside it', async ({ appPage: page }) => {
  // A sentence that changed the box's height would move every view below it at each step (the
  // whole page laid out and painted again while scrubbing): the box is three lines whatever it says.
  await runInApp(page, fixture('workers.py'));
  const narration = page.getByTestId('narration');
  const total = stepCount(indexTrace(await pageTrace(page)));
  const heights = new Set<number>();
  const texts = new Set<string>();
  for (let step = 0; step <= Math.min(total, 12); step++) {
    if (step > 0) await page.getByTestId('step-forward').click();
    await expect(page.getByTestId('step-label')).toContainText(`Step ${step} / ${total}`);
    const box = await narration.evaluate((el) => ({ height: el.getBoundingClientRect().height, text: el.textContent ?? '' }));
    heights.add(Math.round(box.height));
    texts.add(box.text);
  }
  expect(texts.size).toBeGreaterThan(3); // the sentences did change
  expect([...heights]).toHaveLength(1);
  // Three times as much text still fits in the same box, all of it reachable by scrolling.
  const long = await narration.evaluate((el) => {
    const before = el.getBoundingClientRect().height;
    el.textContent = `${el.textContent} ${el.textContent} ${el.textContent} ${el.textContent}`;
    return { before, after: el.getBoundingClientRect().height, scroll: el.scrollHeight, client: el.clientHeight, overflow: getComputedStyle(el).overflowY };
  });
  expect(long.after).toBe(long.before);
  expect(long.scroll).toBeGreaterThan(long.client);
  expect(long.overflow).toBe('auto');
});
