/**
 * Every hostile or broken program of test/bad-input/ in the real page, with the same
 * expectations as the CLI suite (`differences()`), plus what only the page can get wrong:
 * the run ends within a bound, the editor text is left alone, the page still answers, the
 * next run works, a syntax error is marked in the editor, and the runs that must kill the
 * worker (a C call that never returns, a memory hog, Python crashing) leave a viewable partial
 * trace and a restarted engine.
 *
 * One page per group of cases: Python boots once per group, the cases run one after another
 * in it as a learner would run them. The groups run in parallel on the two workers.
 */
import { expect, test, type Page } from '@playwright/test';
import { BAD_INPUT_CASES, type BadInputCase } from '../test/bad-input/cases';
import { hintSentence, limitSentence } from '../src/i18n/endWords';
import { taskLabelText } from '../src/i18n/format';
import { uiStrings } from '../src/i18n/ui';
import { differences, endText, fixtureSource } from '../test/bad-input/check';
import { indexTrace, taskLabel } from '../src/trace';
import { pageTrace, snapshot } from './helpers';
import { expectResponsive, expectTinyRunWorks, getSource, openApp, pageResult, runAndWait, setSource } from './runInPage';

/** A generous sanity bound on one run's real time (the watchdog case ends at 10 s + 3 s). */
const ENDS_WITHIN_MS = 30_000;

/** The runs that end by terminating the worker: one per page, each in its own test. */
const KILLS_THE_WORKER: Readonly<Record<string, { notice: string | null }>> = {
  'long-c-call.py': { notice: 'stopped-restarted' },
  // The memory limit ends the run normally; the fresh engine that follows is not announced.
  'memory-growing-list.py': { notice: null },
  'memory-error.py': { notice: null },
  // Python itself crashes (its C stack overflows): the worker is replaced and the learner told.
  'c-stack-overflow.py': { notice: 'crashed' },
};

/** Screenshots for a human to look at: one per kind of end a learner meets. */
const SNAPSHOTS: Readonly<Record<string, string>> = {
  'syntax-missing-colon.py': 'bad-input-syntax-error',
  'uncaught-in-main.py': 'bad-input-exception',
  'busy-loop-in-coroutine.py': 'bad-input-limit-busy-loop',
  'output-flood-lines.py': 'bad-input-limit-output',
  'deadlock-lock-twice.py': 'bad-input-deadlock',
  'long-c-call.py': 'bad-input-watchdog',
  'memory-growing-list.py': 'bad-input-memory',
  'c-stack-overflow.py': 'bad-input-crash',
  'tasks-100k.py': 'bad-input-100k-tasks',
};

interface Row {
  readonly file: string;
  readonly ms: number;
  /** The whole case: the run plus every check after it. */
  readonly caseMs: number;
  readonly end: string;
  readonly events: number;
}

/** `BAD_INPUT_ONLY=a.py,b.py` runs only those cases (to look into one). */
const only = process.env.BAD_INPUT_ONLY?.split(',');
const selected = BAD_INPUT_CASES.filter((c) => only === undefined || only.includes(c.file));
const light = selected.filter((c) => KILLS_THE_WORKER[c.file] === undefined);
const heavy = selected.filter((c) => KILLS_THE_WORKER[c.file] !== undefined);
/**
 * The runaways (every case that ends at a limit) share one page, so two of them never burn
 * CPU at once: each must reach its own limit before the 10 s wall-clock one (tasks-100k.py's
 * 100,000 steps take Python ~8 s), and a case ends at its own limit only. The rest is split in
 * three.
 */
const runaways = light.filter((c) => c.expect.kind === 'limit');
const others = light.filter((c) => c.expect.kind !== 'limit');
const OTHER_GROUPS = only === undefined ? 3 : 1;
const groupSize = Math.max(1, Math.ceil(others.length / OTHER_GROUPS));
const groups: (readonly BadInputCase[])[] = runaways.length > 0 ? [runaways] : [];
for (let i = 0; i < others.length; i += groupSize) groups.push(others.slice(i, i + groupSize));

function printTable(title: string, rows: readonly Row[]): void {
  const lines = rows.map((r) => `  ${r.file.padEnd(36)} ${String(r.ms).padStart(6)} ms run ${String(r.caseMs).padStart(6)} ms case  ${r.end.padEnd(18)} ${r.events} events`);
  console.log(`bad input in the browser, ${title}:\n${lines.join('\n')}`);
}

/** Run one case in the open page and check everything a learner would see; returns its row. */
async function checkCase(page: Page, testCase: BadInputCase): Promise<Row> {
  const name = testCase.file;
  const started = Date.now();
  const source = fixtureSource(name);
  await setSource(page, source);
  expect(await getSource(page), `${name}: the editor took the text as is`).toBe(source);

  const run = await runAndWait(page, ENDS_WITHIN_MS + 15_000);
  expect(run.ms, `${name} ended after ${run.ms} ms`).toBeLessThan(ENDS_WITHIN_MS);
  const { result, events } = await pageResult(page);
  // Soft: a group goes on to its next cases, so one run reports every case that differs.
  // A limit case accepts only its own limit: a runaway the wall-clock limit stopped instead differs.
  expect.soft(differences(testCase, result), name).toEqual([]);
  expect(await getSource(page), `${name}: the editor text is unchanged by the run`).toBe(source);

  const runEnd = page.getByTestId('run-end');
  if (result.kind === 'syntax-error') {
    expect(run.status, name).toBe('error');
    await expect(runEnd, name).toHaveAttribute('data-end', 'syntax-error');
    await expect(runEnd, name).toContainText(result.problem.type);
    await expect(runEnd, name).toContainText(`line ${result.problem.line}`);
    // Monaco draws the marker as a squiggle under the faulty line.
    await expect(page.locator('.monaco-editor .squiggly-error').first(), `${name}: an error marker in the editor`).toBeAttached();
  } else {
    expect(run.status, name).toBe('done');
    expect(result.trace.source, name).toBe(source);
    await expect(runEnd, name).toHaveAttribute('data-end', result.trace.end.kind);
    const end = result.trace.end;
    if (end.kind === 'limit') {
      // The limit in the learner's words (English here), with its figures.
      await expect(runEnd.locator('.end-message'), name).toHaveText(limitSentence(end, 'en'));
      await expect(runEnd, name).toContainText(uiStrings('en').endLimit(uiStrings('en').limitName[end.limit]));
    }
    if (end.kind === 'deadlock') {
      // Each stuck task by name, what it waits on, and a link to its line.
      await expect(runEnd, name).toContainText(uiStrings('en').endDeadlock);
      const stuck = runEnd.locator('.stuck-tasks li');
      await expect(stuck, name).toHaveCount(end.stuck.length);
      // A deadlock's trace is small: index it here to name its tasks as the panel does.
      const { tasks } = indexTrace(await pageTrace(page));
      for (const [i, s] of end.stuck.entries()) {
        const row = stuck.nth(i);
        await expect(row, name).toContainText(taskLabelText(taskLabel(tasks, s.task)));
        if (s.on?.k === 'future' && s.on.api !== undefined) await expect(row, name).toContainText(s.on.api);
        if (s.line !== null) await expect(row, name).toContainText(uiStrings('en').showLine(s.line));
      }
    }
    if (end.kind === 'limit' || end.kind === 'deadlock') {
      // A run stopped early keeps what it did.
      expect(events, `${name}: partial trace`).toBeGreaterThan(0);
      // …and it can be stepped through to where it stopped (100,000 steps for tasks-100k.py).
      const jumpEnd = page.getByTestId('jump-end');
      if (await jumpEnd.isEnabled()) await jumpEnd.click();
      await expect(page.getByTestId('step-label'), `${name}: the last step`).toContainText(/Step (\d+) \/ \1 /);
    }
    if (end.kind === 'exception') {
      await expect(runEnd, name).toContainText(end.type);
      // The hint the engine gave, in words under the error; none where it gave none.
      const hint = runEnd.getByTestId('end-hint');
      if (end.hint === undefined) await expect(hint, name).toHaveCount(0);
      else await expect(hint, name).toHaveText(hintSentence(end.hint, 'en'));
    }
  }

  const shot = SNAPSHOTS[name];
  if (shot !== undefined) await snapshot(page, shot);
  await expectResponsive(page);
  return {
    file: name,
    ms: run.ms,
    caseMs: Date.now() - started,
    end: result.kind === 'syntax-error' ? 'syntax-error' : result.trace.end.kind === 'limit' ? `limit:${result.trace.end.limit}` : result.trace.end.kind,
    events,
  };
}

test.describe('bad input in the browser', () => {
  test.describe.configure({ mode: 'parallel' });

  // With BAD_INPUT_ONLY the groups hold the chosen cases only, so there is nothing to cover.
  if (only === undefined) {
    test('the groups cover every case exactly once', () => {
      const covered = [...groups.flat(), ...heavy].map((c) => c.file).sort();
      expect(covered).toEqual(BAD_INPUT_CASES.map((c) => c.file).sort());
    });
  }

  for (const group of groups) {
    const first = group[0]?.file ?? '';
    const last = group[group.length - 1]?.file ?? '';
    test(`${group.length} cases in one page, ${first} … ${last}: each ends as expected, the next run works`, async ({ page }) => {
      test.slow();
      test.setTimeout(group.length * 20_000 + 60_000);
      await openApp(page);
      const rows: Row[] = [];
      try {
        for (const testCase of group) {
          rows.push(await checkCase(page, testCase));
          await expectTinyRunWorks(page);
        }
      } finally {
        printTable(`${first} … ${last}`, rows);
      }
    });
  }

  for (const testCase of heavy) {
    const expected = KILLS_THE_WORKER[testCase.file];
    test(`${testCase.file}: ${testCase.what} — the worker is replaced, the partial trace stays viewable`, async ({ page }) => {
      test.slow();
      await openApp(page);
      const row = await checkCase(page, testCase);
      printTable(testCase.file, [row]);

      const kind = expected?.notice ?? null;
      if (kind !== null) {
        const notice = page.locator(`[data-testid="notice"][data-kind="${kind}"]`);
        await expect(notice, 'the restart is said').toBeVisible();
        await expect(notice).toContainText('restarted');
      }

      // The partial trace can be stepped through to its end, which names the limit.
      const { result } = await pageResult(page);
      expect(result.kind).toBe('trace');
      const jumpEnd = page.getByTestId('jump-end');
      if (await jumpEnd.isEnabled()) await jumpEnd.click();
      await expect(page.getByTestId('step-label')).toContainText(/Step (\d+) \/ \1 /);
      await expect(page.getByTestId('run-end')).toContainText(endText(result));

      if (kind !== null) await page.getByTestId('dismiss-notice').first().click();
      await expectTinyRunWorks(page);
    });
  }
});
