/**
 * Pitfalls on the page (issue 12): the two pitfall examples of the Examples menu, opened as a
 * learner opens them. The Problems list shows the finding (its kind, line, step and title in the
 * learner's language) and the timeline marks it; choosing it jumps to its step and shows its line
 * with the explanation and the fix; a mark on the timeline chooses it too; the editor's quick fix
 * (Ctrl+.) mends the line, and the next run no longer finds it. A clean example shows the empty
 * state. In English and in Chinese. What the page should show is computed here from the page's
 * own trace by the same pure functions (findings, findingText), never typed by hand.
 */
import { expect, test, type Page } from '@playwright/test';
import { findingText } from '../src/i18n/findings';
import { LANGS, type Lang } from '../src/i18n/lang';
import { problemsStrings } from '../src/i18n/problemsPanel';
import { findings, indexTrace } from '../src/trace';
import type { Finding } from '../src/trace/findings/types';
import { NARRATION_PROGRAMS } from '../test/narration/programs';
import { openProgram, pageCursor, pageTrace, snapshot, waitForStatus } from './helpers';
import { afterRun, getSource, openApp } from './runInPage';

// Each page boots its own Python, and each test runs five programs.
test.describe.configure({ timeout: 240_000 });

/** Move the cursor to the start (the Home button is disabled when it is there already). */
async function seekStart(page: Page): Promise<void> {
  await page.evaluate(() => window.__loopscope?.seek({ step: 0 }));
  await expect.poll(async () => (await pageCursor(page)).step).toBe(0);
}

async function openExample(page: Page, id: string): Promise<void> {
  await afterRun(page, async () => {
    await page.getByTestId('examples').click();
    await page.locator(`[data-testid="example-item"][data-example-id="${id}"]`).click();
  });
}

/** The findings of the run the page shows, as the page's own analysis makes them. */
async function pageFindings(page: Page): Promise<readonly Finding[]> {
  return findings(indexTrace(await pageTrace(page)));
}

interface Pitfall {
  readonly example: string;
  readonly kind: Finding['kind'];
  /** Text on the finding's line before and after the quick fix. */
  readonly before: string;
  readonly after: string;
  readonly fixTitle: (lang: Lang) => string;
}

const PITFALLS: readonly Pitfall[] = [
  {
    example: 'blocking-sleep',
    kind: 'blocking-call',
    before: '        time.sleep(1.5)  #',
    after: '        await asyncio.sleep(1.5)  #',
    fixTitle: (lang) => problemsStrings(lang).quickFixAsyncSleep,
  },
  {
    example: 'forgotten-await',
    kind: 'never-awaited',
    before: '    result = save("draft")',
    after: '    result = await save("draft")',
    fixTitle: (lang) => problemsStrings(lang).quickFixAddAwait('save'),
  },
];

async function findListFixAndRerun(page: Page, lang: Lang, pitfall: Pitfall): Promise<void> {
  const { kind } = pitfall;
  await openExample(page, pitfall.example);
  const found = (await pageFindings(page)).filter((f) => f.kind === kind);
  expect(found, `the ${pitfall.example} example has one ${kind} finding`).toHaveLength(1);
  const finding = found[0];
  if (finding === undefined || finding.line === null) throw new Error(`no ${kind} finding with a line`);
  const line = finding.line;
  const source = (await getSource(page)) ?? '';
  expect(source.split('\n')[line - 1]).toContain(pitfall.before.trim());

  // The Problems list: the row, its hooks, its title in the learner's language; the count.
  const problems = page.getByTestId('problems');
  const rows = problems.getByTestId('problem-row');
  const row = problems.locator(`[data-testid="problem-row"][data-kind="${kind}"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-line', String(line));
  await expect(row).toHaveAttribute('data-step', String(finding.step));
  const words = findingText(finding, lang);
  await expect(row).toContainText(words.title);
  await expect(problems.getByTestId('problems-count')).toHaveText(String(await rows.count()));

  // The timeline marks it at its steps; the editor underlines its line.
  const marks = page.locator(`[data-testid="finding-marker"][data-kind="${kind}"]`);
  await expect(marks.first()).toBeVisible();
  const markSteps = await marks.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.step)));
  expect(markSteps.every((s) => finding.steps.includes(s))).toBe(true);
  await expect(marks.first()).toHaveAttribute('title', problemsStrings(lang).marker(words.title));
  await expect(page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').first()).toBeVisible();

  // Choosing it: the cursor goes to its step, the editor shows and selects its line, and the
  // row opens with what happened and what to do.
  await seekStart(page);
  await row.getByRole('button').first().click();
  await expect.poll(async () => (await pageCursor(page)).step).toBe(finding.step);
  await expect(row).toHaveAttribute('data-chosen', 'true');
  const details = row.getByTestId('problem-details');
  await expect(details).toContainText(words.explanation);
  await expect(details).toContainText(words.fix);
  await expect(page.locator('.monaco-editor .view-line', { hasText: pitfall.before.trim() })).toBeVisible();
  await expect(page.locator('.monaco-editor .selected-text').first()).toBeVisible();
  await snapshot(page, `pitfalls-${lang}-${pitfall.example}-1-chosen`);

  // Choosing it again closes it; a mark on the timeline chooses it from there.
  await row.getByRole('button').first().click();
  await expect(details).toHaveCount(0);
  await seekStart(page);
  await marks.first().click();
  await expect(row).toHaveAttribute('data-chosen', 'true');
  await expect.poll(async () => (await pageCursor(page)).step).toBe(finding.step);

  // The quick fix on its line (the editor has the line selected): Ctrl+. offers it in the
  // learner's language, Enter applies it.
  await page.keyboard.press('Control+Period');
  const widget = page.locator('.action-widget').first();
  await expect(widget).toContainText(pitfall.fixTitle(lang));
  await snapshot(page, `pitfalls-${lang}-${pitfall.example}-2-quick-fix`);
  await widget.getByText(pitfall.fixTitle(lang)).click();
  await expect.poll(async () => ((await getSource(page)) ?? '').split('\n')[line - 1]).toContain(pitfall.after.trim());

  // Run again: the finding is gone from the list, the timeline and the editor.
  await afterRun(page, () => page.getByTestId('run').click());
  const now = await pageFindings(page);
  expect(now.filter((f) => f.kind === kind)).toEqual([]);
  await expect(row).toHaveCount(0);
  await expect(rows).toHaveCount(now.length);
  await expect(marks).toHaveCount(0);
  if (now.length === 0) await expect(problems.getByTestId('problems-empty')).toHaveText(problemsStrings(lang).empty);
  await snapshot(page, `pitfalls-${lang}-${pitfall.example}-3-fixed`);
}

for (const lang of LANGS) {
  test(`pitfall examples: the Problems list, the jump to step and line, the quick fix, and a clean run (${lang})`, async ({ page }) => {
    await openApp(page);
    await page.getByTestId('language').selectOption(lang);
    for (const pitfall of PITFALLS) await findListFixAndRerun(page, lang, pitfall);

    // A correct program: no findings, and the list says so.
    await openExample(page, 'gather');
    expect(await pageFindings(page)).toEqual([]);
    const problems = page.getByTestId('problems');
    await expect(problems.getByTestId('problems-empty')).toHaveText(problemsStrings(lang).empty);
    await expect(problems.getByTestId('problems-count')).toHaveText('0');
    await expect(problems.getByTestId('problem-row')).toHaveCount(0);
    await expect(page.getByTestId('finding-marker')).toHaveCount(0);
    await snapshot(page, `pitfalls-${lang}-clean`);
  });
}

test('the narration says when a step computed without awaiting, in English and Chinese', async ({ page }) => {
  // The narration fixtures' own CPU-heavy program (recorded in src/trace/fixtures), run for real.
  await openProgram(page, NARRATION_PROGRAMS['cpuHeavy'] ?? '');
  await waitForStatus(page, 'done');
  const trace = await pageTrace(page);
  // The step whose events hold the engine's cpu fact (12,000 rounds of line 12).
  const index = indexTrace(trace);
  const heavy = index.steps.find((s) => trace.events.slice(s.firstEvent, s.endEvent).some((e) => e.e === 'cpu'));
  expect(heavy).toBeDefined();
  await page.evaluate((step) => window.__loopscope?.seek({ step }), heavy?.step ?? 0);
  await expect(page.getByTestId('narration')).toContainText('runs 12,000 rounds of line 12 without awaiting (the other task waits all that time)');
  await snapshot(page, 'narration-cpu-en');
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('narration')).toContainText('在第 12 行连续运行了 12,000 轮而没有 await（另一个任务一直在等）');
  await snapshot(page, 'narration-cpu-zh');
});
