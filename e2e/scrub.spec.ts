/**
 * Scrubbing (src/store/playbackSlice.ts): while seeks come a frame apart the heavy panes lag
 * the cursor, and once the scrub stops every view shows the final step exactly, as a seek to
 * that step on its own shows it; a single step still updates every pane before the next frame.
 * What each pane shows is read from the DOM (texts and test hooks) and compared whole.
 */
import { objectsProgram } from '../test/objects/programs';
import { expect, test, type Page } from '@playwright/test';
import { openProgram, pageTrace, waitForStatus } from './helpers';

test.describe.configure({ timeout: 120_000 });

/** Five downloads in line for a Semaphore(2), a watcher printing its state: every pane has something. */
const SEMAPHORE = objectsProgram('semaphore.py');

/** Everything the heavy panes and the views under the pointer show, as text. */
async function shown(page: Page): Promise<Record<string, string>> {
  // Monaco draws its decorations in its own animation frame: two frames and it has.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  return page.evaluate(() => {
    // Entries that just left (the ready queue's leaving animation) depend on the step shown before: left out.
    const text = (id: string): string => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (el === null) return '(none)';
      const copy = el.cloneNode(true) as Element;
      for (const leaving of copy.querySelectorAll('.is-leaving')) leaving.remove();
      return copy.textContent ?? '';
    };
    const all = (selector: string, of: (el: HTMLElement) => string): string =>
      [...document.querySelectorAll<HTMLElement>(selector)].map(of).join('\n');
    return {
      label: text('step-label'),
      narration: text('narration'),
      objects: all('[data-testid="object-card"]', (el) => `${JSON.stringify(el.dataset)} ${el.textContent ?? ''}`),
      graph: all('[data-testid="await-graph"] [data-edge]', (el) => `${el.dataset.from}>${el.dataset.to} ${el.dataset.edge} ${el.dataset.cycle ?? ''}`),
      ready: text('ready-queue'),
      timers: text('timers'),
      cancellations: text('cancellations'),
      console: text('console'),
      summary: text('timeline-summary'),
      lanes: all('[data-testid="task-lane"]', (el) => `${el.dataset.taskName} ${el.dataset.state} ${el.dataset.waitingFor ?? ''}`),
      // The editor's running line and paused tasks: the lines Monaco marks, by their place.
      editor: all('.view-overlays [class*="ls-line-"]', (el) => `${el.className} @${(el.parentElement as HTMLElement).style.top}`),
    };
  });
}

/** A seek on its own, once no scrub is going on: every view shows it at once. */
async function seekAlone(page: Page, step: number): Promise<void> {
  await expect(page.locator('.controls')).toHaveAttribute('data-scrubbing', 'false');
  await page.evaluate((s) => window.__loopscope?.seek({ step: s }), step);
  await expect(page.getByTestId('step-label')).toContainText(`Step ${step} /`);
}

/**
 * Drag through the run as the scrubber does, a seek per animation frame from `from` to `to`;
 * says whether the page said it was scrubbing and whether a pane was behind the cursor at some frame.
 */
function scrub(page: Page, from: number, to: number, frames: number): Promise<{ scrubbing: boolean; lagged: boolean }> {
  return page.evaluate(
    ({ from, to, frames }) =>
      new Promise<{ scrubbing: boolean; lagged: boolean }>((resolve) => {
        const controls = document.querySelector('.controls');
        const summary = document.querySelector('[data-testid="timeline-summary"]');
        const label = document.querySelector('[data-testid="step-label"]');
        let scrubbing = false;
        let lagged = false;
        let i = 0;
        const tick = (): void => {
          scrubbing ||= controls?.getAttribute('data-scrubbing') === 'true';
          // The spoken summary starts "Step N of M" (a heavy pane); the label "Step N / M".
          const at = (el: Element | null): string | undefined => /\d+/.exec(el?.textContent ?? '')?.[0];
          lagged ||= i > 1 && at(summary) !== at(label);
          if (i === frames) return resolve({ scrubbing, lagged });
          window.__loopscope?.seek({ step: Math.round(from + ((to - from) * i) / (frames - 1)) });
          i++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { from, to, frames },
  );
}

test('after a scrub every view shows the final step, exactly as a seek to it shows it', async ({ page }) => {
  await openProgram(page, SEMAPHORE);
  await waitForStatus(page, 'done');
  const total = (await pageTrace(page)).stats.steps;
  const final = Math.round(total * 0.6);
  expect(final).toBeGreaterThan(10);

  // The reference: the final step reached by a seek on its own.
  await seekAlone(page, final);
  const expected = await shown(page);
  expect(expected.objects).toContain('"objectName":"limit"');
  await seekAlone(page, 0);
  expect((await shown(page)).narration).not.toBe(expected.narration);

  // Back and forth, ending on the final step: the panes lag while it goes on, then settle.
  const there = await scrub(page, 0, total, 40);
  const back = await scrub(page, total, final, 40);
  expect(there.scrubbing && back.scrubbing).toBe(true);
  expect(there.lagged || back.lagged).toBe(true);
  await expect(page.locator('.controls')).toHaveAttribute('data-scrubbing', 'false');
  expect(await shown(page)).toEqual(expected);
});

test('a single step updates every pane before the next frame, during a scrub too', async ({ page }) => {
  await openProgram(page, SEMAPHORE);
  await waitForStatus(page, 'done');
  const total = (await pageTrace(page)).stats.steps;
  const step = Math.round(total / 2);
  await seekAlone(page, step + 1);
  const expected = await shown(page);
  await seekAlone(page, step);

  // Mid-scrub (the panes behind), a click on Next: in the frame after it, every pane shows step + 1.
  const inOneFrame = await page.evaluate(
    ({ step }) =>
      new Promise<{ label: string; narration: string; ready: string; objects: string }>((resolve) => {
        const text = (id: string): string => {
          const copy = document.querySelector(`[data-testid="${id}"]`)?.cloneNode(true) as Element | undefined;
          for (const leaving of copy?.querySelectorAll('.is-leaving') ?? []) leaving.remove();
          return copy?.textContent ?? '';
        };
        const objects = (): string =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="object-card"]')].map((el) => `${JSON.stringify(el.dataset)} ${el.textContent ?? ''}`).join('\n');
        let i = 0;
        const tick = (): void => {
          if (i < 6) {
            window.__loopscope?.seek({ step: step - 5 + i });
            i++;
            requestAnimationFrame(tick);
            return;
          }
          document.querySelector<HTMLButtonElement>('[data-testid="step-forward"]')?.click();
          requestAnimationFrame(() => resolve({ label: text('step-label'), narration: text('narration'), ready: text('ready-queue'), objects: objects() }));
        };
        requestAnimationFrame(tick);
      }),
    { step },
  );
  expect(inOneFrame).toEqual({ label: expected.label, narration: expected.narration, ready: expected.ready, objects: expected.objects });
  await expect(page.locator('.controls')).toHaveAttribute('data-scrubbing', 'false');
  expect(await shown(page)).toEqual(expected);
});
