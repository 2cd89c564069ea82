/**
 * Predict mode as a learner meets it: the toggle, a step hidden behind "what happens next?",
 * a right answer and a wrong one with why and what happened; a teacher's `ask=` link that stops
 * the player at its steps and shows the score at the end; in English and Chinese. The question
 * the page asks is the one src/trace/predict.ts builds for that trace and step.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { choiceText } from '../src/i18n/predict';
import type { Lang } from '../src/i18n/lang';
import type { ShareLink } from '../src/share';
import { indexTrace, questionAt, type PredictQuestion } from '../src/trace';
import { pageCursor, pageTrace, snapshot, waitForStatus } from './helpers';

test.describe.configure({ timeout: 180_000 });

const PROGRAM = readFileSync(new URL('../src/examples/programs/taskgroup-failure.py', import.meta.url), 'utf8');

async function openLink(page: Page, link: ShareLink): Promise<void> {
  if (!page.url().startsWith('http')) await page.goto('/');
  const hash = await page.evaluate((l) => window.__loopscope?.shareHash(l) ?? null, link);
  if (hash === null) throw new Error('the page has no test hooks');
  await page.goto(`/${hash}`);
  await page.reload();
  await waitForStatus(page, 'done');
}

/** The question src/trace builds for the page's own trace at `step`. */
async function expectedQuestion(page: Page, step: number): Promise<PredictQuestion> {
  const q = questionAt(indexTrace(await pageTrace(page)), step);
  if (q === null) throw new Error(`no question at step ${step}`);
  return q;
}

/** The question on the page: its step, and its choices as shown. */
async function shownQuestion(page: Page) {
  const card = page.getByTestId('predict-question');
  await expect(card).toBeVisible();
  return { step: Number(await card.getAttribute('data-step')), choices: await card.getByTestId('predict-choice').allTextContents() };
}

/** Pick the right choice (or, with `right` false, the first wrong one) of the question shown. */
async function answer(page: Page, right: boolean, lang: Lang): Promise<PredictQuestion> {
  const shown = await shownQuestion(page);
  const q = await expectedQuestion(page, shown.step);
  expect(shown.choices).toEqual(q.choices.map((c) => choiceText(c, lang)));
  const pick = right ? q.answer : q.choices.findIndex((_, i) => i !== q.answer);
  await page.getByTestId('predict-choice').nth(pick).click();
  return q;
}

test('predict mode: the next step is hidden, the learner picks, Loopscope says right or wrong and why', async ({ page }) => {
  await openLink(page, { source: PROGRAM });
  await page.getByTestId('predict-toggle').click();
  await expect(page.getByTestId('predict-toggle')).toHaveAttribute('aria-pressed', 'true');
  // The timeline does not give the answer away: what comes after the current step is veiled.
  await expect(page.getByTestId('timeline-future-veil')).toBeVisible();

  // Step forward until a step asks (a step where only one thing can happen just steps).
  for (let i = 0; i < 5 && !(await page.getByTestId('predict-question').isVisible()); i++) await page.getByTestId('step-forward').click();
  const before = await pageCursor(page);
  const first = await shownQuestion(page);
  expect(first.step).toBe(before.step + 1); // asked at the end of the step before: the step itself is hidden
  expect(first.choices.length).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('predict-question')).toContainText(`Step ${first.step} is hidden. What happens next?`);
  await snapshot(page, 'predict-question-en');
  // The step cannot be passed without answering (or asking to be shown).
  await page.getByTestId('step-forward').click();
  expect(await pageCursor(page)).toEqual(before);

  const q = await answer(page, true, 'en');
  const feedback = page.getByTestId('predict-feedback');
  await expect(feedback).toHaveAttribute('data-result', 'right');
  await expect(feedback).toContainText('Right!');
  await expect(feedback).toContainText('What happened:');
  expect((await pageCursor(page)).step).toBe(q.step);
  await snapshot(page, 'predict-right-en');

  // The next question, answered wrong: the right answer is named, with why.
  await page.getByTestId('step-forward').click();
  const next = await answer(page, false, 'en');
  await expect(feedback).toHaveAttribute('data-result', 'wrong');
  await expect(feedback).toContainText(`Not quite: the answer is “${choiceText(next.choices[next.answer]!, 'en')}”.`);
  await snapshot(page, 'predict-wrong-en');

  // In Chinese, the same question in the learner's words.
  await page.getByTestId('language').selectOption('zh');
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('predict-question')).toContainText('被隐藏了。接下来会发生什么？');
  await answer(page, false, 'zh');
  await expect(feedback).toContainText('不对：答案是');
  await expect(feedback).toContainText('实际发生的是：');
  await snapshot(page, 'predict-wrong-zh');

  // Predict mode off: stepping goes on without asking.
  await page.getByTestId('predict-toggle').click();
  const at = await pageCursor(page);
  await page.getByTestId('step-forward').click();
  expect((await pageCursor(page)).step).toBe(at.step + 1);
  await expect(page.getByTestId('predict-question')).toHaveCount(0);
});

test('a teacher’s ask= link stops playback at its steps and shows the learner’s score at the end', async ({ page }) => {
  await openLink(page, { source: PROGRAM });
  const index = indexTrace(await pageTrace(page));
  const asked = index.steps.map((s) => s.step).filter((s) => questionAt(index, s) !== null);
  const [a, b] = [asked[1]!, asked[4]!];
  await openLink(page, { source: PROGRAM, ask: [a, b] });
  await expect(page.getByTestId('predict-toggle')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('speed').selectOption('30');

  await page.getByTestId('play').click();
  await expect(page.getByTestId('predict-question')).toBeVisible();
  expect((await shownQuestion(page)).step).toBe(a);
  expect(await pageCursor(page)).toEqual({ step: a - 1 });
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await answer(page, true, 'en');

  await page.getByTestId('play').click();
  await expect(page.getByTestId('predict-question')).toBeVisible();
  expect((await shownQuestion(page)).step).toBe(b);
  await answer(page, false, 'en');

  await page.getByTestId('play').click();
  await expect.poll(() => pageCursor(page), { timeout: 30_000 }).toEqual({ step: index.steps.length });
  const score = page.getByTestId('predict-score');
  await expect(page.getByTestId('predict-score-total')).toHaveText('You got 1 of 2 right.');
  await expect(score.locator('li')).toHaveText([`✓step ${a}: right`, `✗step ${b}: wrong`]);
  await snapshot(page, 'predict-score-en');

  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('predict-score-total')).toHaveText('你答对了 2 题中的 1 题。');
  await expect(score.locator('li')).toHaveText([`✓第 ${a} 步: 答对`, `✗第 ${b} 步: 答错`]);
  await snapshot(page, 'predict-score-zh');

  // The address bar keeps the teacher's questions, so a reload asks them again.
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(`&ask=${a},${b}`);
});

test('a teacher’s predict=1 link opens straight into predict mode', async ({ page }) => {
  await openLink(page, { source: PROGRAM, predict: true });
  await expect(page.getByTestId('predict-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('timeline-future-veil')).toBeVisible();
  for (let i = 0; i < 5 && !(await page.getByTestId('predict-question').isVisible()); i++) await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('predict-question')).toContainText('is hidden. What happens next?');
  // The address bar keeps it, and turning predict mode off takes it out.
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('&predict=1');
  await page.getByTestId('predict-toggle').click();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('predict');
});
