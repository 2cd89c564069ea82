import { expect, test } from '@playwright/test';
import { openFixture, openProgram, pageTrace, snapshot, waitForStatus } from './helpers';
import { runAndWait, setSource, TINY_PROGRAM } from './runInPage';

// Each page boots its own Python; on a busy 2-core machine that alone can take a minute.
test.describe.configure({ timeout: 180_000 });

test('Stop ends a runaway coroutine and the partial trace can be stepped through', async ({ page }) => {
  // Not runaway.py: its bare busy loop meets the busy-loop limit within a second, which can
  // come before the click on a fast machine.
  await openFixture(page, 'slow-spin.py');
  await waitForStatus(page, 'running');
  // Stop once Python is actually running the program (not while it still boots).
  await expect(page.getByTestId('status')).not.toContainText(/Starting|Waiting/, { timeout: 120_000 });
  await page.getByTestId('stop').click();
  await waitForStatus(page, 'done', 30_000);
  const runEnd = page.getByTestId('run-end');
  await expect(runEnd).toHaveAttribute('data-end', 'stopped');
  const trace = await pageTrace(page);
  expect(trace.end.kind).toBe('stopped');
  expect(trace.stats.steps).toBeGreaterThan(0);
  await page.getByTestId('jump-end').click();
  await expect(page.getByTestId('console')).toContainText('spinning forever');
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('narration')).not.toBeEmpty();
  await snapshot(page, 'runaway-stopped');

  // The engine is ready for the next run.
  await page.getByTestId('run').click();
  await waitForStatus(page, 'running');
});

/** One C call Python cannot interrupt: Stop must end the worker. */
const LONG_C_CALL = 'print("summing", flush=True)\nprint(sum(range(10**13)))\n';

test('a Stop that has to end the engine is followed by a run at once: the spare engine takes over', async ({ page }) => {
  const boots: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('[loopscope] engine ready')) boots.push(message.text());
  });
  await openProgram(page, LONG_C_CALL);
  await waitForStatus(page, 'running');
  await expect(page.getByTestId('status')).not.toContainText(/Starting|Waiting/, { timeout: 120_000 });
  // The spare boots once the first engine is ready; give it the time a boot takes here.
  await expect.poll(() => boots.length, { timeout: 120_000 }).toBe(2);
  // From here on, note whether the page ever says Python is starting.
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid="status"]');
    const seen: string[] = [];
    (window as unknown as { __statusTexts: string[] }).__statusTexts = seen;
    new MutationObserver(() => seen.push(status?.textContent ?? '')).observe(status as Node, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('stop').click();
  await waitForStatus(page, 'done', 30_000);
  await expect(page.getByTestId('run-end')).toHaveAttribute('data-end', 'stopped');

  await setSource(page, TINY_PROGRAM);
  const next = await runAndWait(page, 30_000);
  expect(next.status).toBe('done');
  const trace = await pageTrace(page);
  expect(trace.stdout).toBe('still here\n');
  const texts = await page.evaluate(() => (window as unknown as { __statusTexts: string[] }).__statusTexts);
  expect(texts.some((text) => text.includes('Starting Python')), `status texts after Stop: ${texts.join(' | ')}`).toBe(false);
  // The spare that took over was booted before the Stop, and a new spare boots behind it.
  await expect.poll(() => boots.length, { timeout: 120_000 }).toBe(3);
});
