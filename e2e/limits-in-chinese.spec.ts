/**
 * Every limit, each way it can be reached, run for real in the page in Chinese: the run-end panel
 * says it in Chinese with its figures (src/i18n's words of the engine's facts), and nothing the
 * page says about the run or the engine (the run-end panel, the notices) holds an English
 * sentence. A limit has no CPython exception text, so nothing there may stay English but code
 * and figures.
 *
 * One case per limit and cause, the first in test/bad-input's table, all in one page as a
 * learner would run them (the runs that kill the worker wait for the fresh engine).
 */
import { expect, test } from '@playwright/test';
import { limitSentence } from '../src/i18n/endWords';
import { englishSentences } from '../src/i18n/testing/englishSentences';
import { uiStrings } from '../src/i18n/ui';
import { BAD_INPUT_CASES, LIMIT_CAUSES, causeOf, type BadInputCase } from '../test/bad-input/cases';
import { fixtureSource } from '../test/bad-input/check';
import { openApp, pageResult, runAndWait, setSource } from './runInPage';

const key = (limit: string, cause: string | null): string => `${limit}/${String(cause)}`;

/** The first case of the table for each limit and cause. */
const ONE_PER_LIMIT: readonly BadInputCase[] = Object.entries(LIMIT_CAUSES).flatMap(([limit, causes]) =>
  (causes ?? [null]).flatMap((cause) => {
    const found = BAD_INPUT_CASES.find((c) => c.expect.kind === 'limit' && key(String(c.expect.limit), c.expect.cause ?? null) === key(limit, cause));
    return found === undefined ? [] : [found];
  }),
);

test('every limit, run for real in the page in Chinese, is said in Chinese with no English sentence', async ({ page }) => {
  test.slow();
  test.setTimeout(ONE_PER_LIMIT.length * 40_000 + 120_000);
  const every = Object.entries(LIMIT_CAUSES).flatMap(([limit, causes]) => (causes ?? [null]).map((cause) => key(limit, cause)));
  expect(ONE_PER_LIMIT.map((c) => key(String(c.expect.limit), c.expect.cause ?? null))).toEqual(every);

  await openApp(page);
  await page.getByTestId('language').selectOption('zh');
  const zh = uiStrings('zh');
  const runEnd = page.getByTestId('run-end');
  for (const testCase of ONE_PER_LIMIT) {
    const name = testCase.file;
    await setSource(page, fixtureSource(name));
    const run = await runAndWait(page, 60_000);
    expect(run.status, name).toBe('done');
    const { result } = await pageResult(page);
    const end = result.kind === 'trace' ? result.trace.end : null;
    if (end?.kind !== 'limit') throw new Error(`${name} ended as ${JSON.stringify(end)}`);
    // A case that allows another limit (a race with the wall clock on a loaded machine) is
    // checked in Chinese for the limit it reached, and the race is noted in the report.
    const other = testCase.expect.orLimit !== undefined && end.limit === testCase.expect.orLimit;
    if (other) test.info().annotations.push({ type: 'other limit', description: `${name}: ${end.limit}` });
    else expect.soft(key(end.limit, causeOf(end)), name).toBe(key(String(testCase.expect.limit), testCase.expect.cause ?? null));

    await expect(runEnd, name).toHaveAttribute('data-end', 'limit');
    await expect(runEnd, name).toContainText(zh.endLimit(zh.limitName[end.limit]));
    await expect(runEnd.locator('.end-message'), name).toHaveText(limitSentence(end, 'zh'));
    // Everything the page says about this run and the engine, in Chinese only.
    const said = [await runEnd.innerText(), ...(await page.getByTestId('notice').allInnerTexts())].join('\n');
    expect.soft(englishSentences(said), `${name}: ${said}`).toEqual([]);
  }
});
