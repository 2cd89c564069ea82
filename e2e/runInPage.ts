/**
 * Running many programs one after another in ONE page, the way a learner does (set the text,
 * press Run), instead of reopening the page per program: Python boots once per page, so the
 * bad-input and isolation suites stay within a few minutes.
 *
 * A run's end is seen by watching `.app[data-status]` go to `running` and then to `done` or
 * `error` (a MutationObserver in the page), because the status before the run is usually
 * `done` already and a fast run can pass through `running` between two polls.
 */
import { expect, type Page } from '@playwright/test';
import type { RunResult } from '../src/protocol/trace';
import { pageTrace, waitForStatus } from './helpers';

interface RunWatch {
  sawRunning: boolean;
  ended: 'done' | 'error' | null;
}

declare global {
  interface Window {
    __runWatch?: RunWatch;
  }
}

export interface PageRun {
  readonly status: 'done' | 'error';
  /** Real time from the Run click to the status change, in the test process. */
  readonly ms: number;
}

/** Open the app with no link and wait until Python is ready. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await waitForStatus(page, 'ready');
}

export async function setSource(page: Page, source: string): Promise<void> {
  await page.evaluate((text) => window.__loopscope?.setSource(text), source);
}

export async function getSource(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__loopscope?.getSource() ?? null);
}

/** Click Run and wait for the run to end (status `done`, or `error` for a syntax error or an engine that could not start). */
export async function runAndWait(page: Page, timeoutMs: number): Promise<PageRun> {
  return afterRun(page, () => page.getByTestId('run').click(), timeoutMs);
}

/**
 * Do something that starts a run (the Run button, an example, a "Run as Python 3.13 would") and
 * wait until that run has ended: the status went to `running` and then left it.
 */
export async function afterRun(page: Page, start: () => Promise<void>, timeoutMs = 60_000): Promise<PageRun> {
  await page.evaluate(() => {
    const app = document.querySelector('.app');
    if (app === null) throw new Error('no .app element');
    const watch: RunWatch = { sawRunning: false, ended: null };
    window.__runWatch = watch;
    new MutationObserver((_records, observer) => {
      const status = app.getAttribute('data-status');
      if (status === 'running') watch.sawRunning = true;
      else if (watch.sawRunning && (status === 'done' || status === 'error')) {
        watch.ended = status;
        observer.disconnect();
      }
    }).observe(app, { attributes: true, attributeFilter: ['data-status'] });
  });
  const started = Date.now();
  await start();
  const handle = await page.waitForFunction(() => window.__runWatch?.ended ?? null, undefined, { timeout: timeoutMs, polling: 50 });
  const status = (await handle.jsonValue()) as 'done' | 'error';
  return { status, ms: Date.now() - started };
}

/**
 * What the engine answered for the last run, as the page holds it: the syntax problem, or the
 * trace with only its `warn` events (what the checks read; a runaway's trace holds 2,000,000
 * events, too many to copy out of the page per case) and the count of all its events.
 */
export async function pageResult(page: Page): Promise<{ readonly result: RunResult; readonly events: number }> {
  const problem = await page.evaluate(() => window.__loopscope?.syntaxProblem() ?? null);
  if (problem !== null) return { result: { kind: 'syntax-error', problem }, events: 0 };
  const slim = await page.evaluate(() => {
    const trace = window.__loopscope?.trace() ?? null;
    if (trace === null) return null;
    return { trace: { ...trace, events: trace.events.filter((e) => e.e === 'warn') }, events: trace.events.length };
  });
  if (slim === null) throw new Error('the page has no trace');
  return { result: { kind: 'trace', trace: slim.trace }, events: slim.events };
}

export const TINY_PROGRAM = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    print("still here")\n\nasyncio.run(main())\n';

/** The engine still works: a tiny program runs and prints what it should (waits for a restarted engine to boot). */
export async function expectTinyRunWorks(page: Page): Promise<void> {
  await setSource(page, TINY_PROGRAM);
  const run = await runAndWait(page, 60_000);
  expect(run.status, 'the tiny program after it').toBe('done');
  const trace = await pageTrace(page);
  expect(trace.source).toBe(TINY_PROGRAM);
  expect(trace.end.kind, `the tiny program ended as ${JSON.stringify(trace.end)}`).toBe('ok');
  expect(trace.stdout).toBe('still here\n');
}

/**
 * The page still answers: a round trip into the page is quick, and when the trace has steps,
 * Step forward moves the cursor and the step label follows.
 */
export async function expectResponsive(page: Page): Promise<void> {
  const t0 = Date.now();
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  expect(Date.now() - t0, 'a round trip into the page').toBeLessThan(2_000);
  const forward = page.getByTestId('step-forward');
  if (await forward.isEnabled()) {
    const label = page.getByTestId('step-label');
    const before = await label.textContent();
    const cursorBefore = await page.evaluate(() => window.__loopscope?.cursor().step ?? -1);
    await forward.click();
    await expect(label).not.toHaveText(before ?? '');
    expect(await page.evaluate(() => window.__loopscope?.cursor().step ?? -1)).toBeGreaterThan(cursorBefore);
  }
}
