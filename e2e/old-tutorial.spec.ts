/**
 * Old-tutorial code on the page (issue 10): a learner pastes a program that makes its loop with
 * asyncio.get_event_loop(). Python 3.14 refuses it; the run-end panel says what changed and what
 * to write instead, in the learner's language; "Run as Python 3.13 would" runs it as the tutorial
 * meant, the page says the run used 3.13's behaviour and the address bar carries compat=3.13;
 * "Run as Python 3.14" goes back; and the editor's quick fix (Ctrl+.) rewrites it to
 * asyncio.run(main()), which 3.14 runs.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { hintSentence } from '../src/i18n/endWords';
import { LANGS } from '../src/i18n/lang';
import { uiStrings } from '../src/i18n/ui';
import type { RunHint } from '../src/protocol/trace';
import { pageTrace, snapshot } from './helpers';
import { afterRun, getSource, openApp, setSource } from './runInPage';

const T02 = readFileSync(new URL('../test/tutorials/t02_get_event_loop_chain.py', import.meta.url), 'utf8');
const T02_OUT = readFileSync(new URL('../test/tutorials/t02_get_event_loop_chain.out', import.meta.url), 'utf8');
const HINT: RunHint = { k: 'removed-api', api: 'get_event_loop', version: '3.14' };
/** The line the program makes its loop on: where the error and the quick fix are. */
const GET_LINE = T02.split('\n').findIndex((l) => l.includes('asyncio.get_event_loop()')) + 1;

for (const lang of LANGS) {
  test(`old get_event_loop code: the why, Run as Python 3.13 would, back to 3.14, and the quick fix (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    const t = uiStrings(lang);
    await openApp(page);
    await page.getByTestId('language').selectOption(lang);
    await setSource(page, T02);

    // As Python 3.14: the RuntimeError, and in plain words what changed and what to write.
    await afterRun(page, () => page.getByTestId('run').click());
    const runEnd = page.getByTestId('run-end');
    await expect(runEnd).toHaveAttribute('data-end', 'exception');
    await expect(runEnd.getByTestId('end-hint')).toHaveAttribute('data-hint', 'removed-api');
    await expect(runEnd.getByTestId('end-hint')).toHaveText(hintSentence(HINT, lang));
    await expect(page.getByTestId('compat-badge')).toHaveCount(0);
    const runAs313 = runEnd.getByTestId('run-as-compat');
    await expect(runAs313).toHaveText(t.runAsCompat('3.13'));
    await snapshot(page, `old-tutorial-${lang}-1-why`);

    // Run as Python 3.13 would: the program runs as the tutorial meant, and the page says how.
    await afterRun(page, () => runAs313.click());
    await expect(runEnd).toHaveAttribute('data-end', 'ok');
    const ran = await pageTrace(page);
    expect(ran.compat).toBe('3.13');
    expect(ran.stdout).toBe(T02_OUT);
    expect(ran.stderr).toContain('DeprecationWarning: There is no current event loop');
    await expect(page.getByTestId('compat-badge')).toHaveText(t.compatBadge('3.13'));
    await expect(runEnd.getByTestId('run-as-compat')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('&compat=3.13');
    await page.getByTestId('jump-end').click();
    await expect(page.getByTestId('console')).toContainText('获取返回值');
    await snapshot(page, `old-tutorial-${lang}-2-as-313`);

    // A reload of that address opens the same run, as Python 3.13 would.
    await page.reload();
    await expect(page.getByTestId('compat-badge')).toHaveText(t.compatBadge('3.13'), { timeout: 120_000 });

    // Back to today's Python: the error again, no badge, no compat in the link.
    await afterRun(page, () => page.getByTestId('run-as-current').click());
    await expect(runEnd).toHaveAttribute('data-end', 'exception');
    await expect(page.getByTestId('compat-badge')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('compat');

    // The quick fix on the marked line: Ctrl+. offers the rewrite in the learner's language.
    await runEnd.getByRole('button', { name: t.showLine(GET_LINE) }).click();
    await page.keyboard.press('Control+Period');
    const fixTitle = t.quickFixAsyncioRun('main()');
    await expect(page.locator('.action-widget').first()).toContainText(fixTitle);
    await snapshot(page, `old-tutorial-${lang}-3-quick-fix`);
    await page.keyboard.press('Enter');
    await expect.poll(() => getSource(page)).toContain('result = asyncio.run(main())');
    const fixedSource = (await getSource(page)) ?? '';
    expect(fixedSource).not.toContain('get_event_loop');
    expect(fixedSource).not.toContain('loop.close()');

    // …and the fixed program runs as Python 3.14, with no warning.
    await afterRun(page, () => page.getByTestId('run').click());
    await expect(runEnd).toHaveAttribute('data-end', 'ok');
    const fixed = await pageTrace(page);
    expect(fixed.compat).toBeUndefined();
    expect(fixed.stdout).toBe(T02_OUT);
    expect(fixed.stderr).toBe('');
    await expect(page.getByTestId('compat-badge')).toHaveCount(0);
    await page.getByTestId('jump-end').click();
    await snapshot(page, `old-tutorial-${lang}-4-fixed`);
  });
}
