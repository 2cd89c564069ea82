/**
 * The Objects view and the await graph, stepping forward and back through programs whose object
 * states test/objects/objects.test.ts checks against CPython 3.13's own internals: each card's
 * data attributes must be what objectsAt gives on the page's own trace, and the states the
 * programs printed must show at the steps they printed them.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { Trace } from '../src/protocol/trace';
import { awaitGraph, indexTrace, objectsAt, stepOfEvent, type TraceIndex } from '../src/trace';
import { pageTrace, snapshot, waitForStatus } from './helpers';
import { runInApp, test } from './sharedApp';
import { objectsProgram } from '../test/objects/programs';

test.describe.configure({ timeout: 90_000 });

const program = objectsProgram;

async function goToStep(page: Page, step: number): Promise<void> {
  await page.getByTestId('scrubber').fill(String(step));
  // "Step 7 / 46" in English, "第 7 / 46 步" in Chinese.
  await expect(page.getByTestId('step-label')).toContainText(new RegExp(`(Step|第) ${step} /`));
}

interface Card {
  name: string;
  kind: string;
  holders: string;
  waiters: string;
  value: string | null;
  size: string | null;
  set: string | null;
  state: string | null;
  children: string | null;
  done: string | null;
}

async function cards(page: Page): Promise<Card[]> {
  return page.getByTestId('object-card').evaluateAll((els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      return {
        name: d.objectName ?? '',
        kind: d.objectKind ?? '',
        holders: d.holders ?? '',
        waiters: d.waiters ?? '',
        value: d.value ?? null,
        size: d.size ?? null,
        set: d.set ?? null,
        state: d.state ?? null,
        children: d.children ?? null,
        done: d.done ?? null,
      };
    }),
  );
}

/** The cards objectsAt says the page should show at `step`. */
function expectedCards(index: TraceIndex, step: number): Card[] {
  const names = (ids: readonly number[]): string => ids.map((id) => index.tasks[id - 1]?.name ?? '').join(',');
  return objectsAt(index, { step }).map((o) => {
    const isQueue = o.kind === 'Queue' || o.kind === 'PriorityQueue' || o.kind === 'LifoQueue';
    const isSemaphore = o.kind === 'Semaphore' || o.kind === 'BoundedSemaphore';
    const hasChildren = o.kind === 'gather' || o.kind === 'TaskGroup';
    const state =
      o.kind === 'Future' || o.kind === 'gather'
        ? o.state.future
        : o.kind === 'TaskGroup'
          ? o.state.groupPhase
          : o.kind === 'timeout'
            ? o.state.timeout
            : null;
    return {
      name: o.name ?? `${o.kind}#${o.ordinal}`,
      kind: o.kind,
      holders: names(o.state.holders),
      waiters: names(o.state.waiters),
      value: isSemaphore ? String(o.state.value) : null,
      size: isQueue ? String(o.state.size) : null,
      set: o.kind === 'Event' ? String(o.state.set) : null,
      state,
      children: hasChildren ? names(o.state.children) : null,
      done: hasChildren ? String(o.state.childrenDone) : null,
    };
  });
}

/** The step of the first observer line (printed by _show.py) that says `text`. */
function stepPrinting(trace: Trace, index: TraceIndex, text: string): number {
  const at = trace.events.findIndex((e) => e.e === 'out' && e.s.includes(text));
  expect(at, `a print of ${text}`).toBeGreaterThanOrEqual(0);
  return stepOfEvent(index, at);
}

/** A screenshot of the Objects view and the graph (below the timeline: scrolled to first). */
async function snapshotObjects(page: Page, name: string): Promise<void> {
  await page.getByTestId('objects').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await snapshot(page, name);
}

async function open(page: Page, name: string): Promise<{ trace: Trace; index: TraceIndex }> {
  const trace = await runInApp(page, program(name));
  return { trace, index: indexTrace(trace) };
}

/** Visit `steps` in order, and check every card against objectsAt at each. */
async function walk(page: Page, index: TraceIndex, steps: readonly number[]): Promise<void> {
  for (const step of steps) {
    await goToStep(page, step);
    await expect.poll(() => cards(page), { message: `cards at step ${step}` }).toEqual(expectedCards(index, step));
  }
}

test('semaphore: permits, holders and the line, forward and back', async ({ appPage: page }) => {
  const { trace, index } = await open(page, 'semaphore.py');
  const full = stepPrinting(trace, index, 'v=0 wait=d2,d3,d4');
  await goToStep(page, full);
  const card = page.locator('[data-testid="object-card"][data-object-name="limit"]');
  await expect(card).toHaveAttribute('data-object-kind', 'Semaphore');
  await expect(card).toHaveAttribute('data-value', '0');
  await expect(card).toHaveAttribute('data-holders', 'd0,d1');
  await expect(card).toHaveAttribute('data-waiters', 'd2,d3,d4');
  await snapshotObjects(page, 'objects-semaphore');
  await walk(page, index, [full + 3, full + 1, full, full - 2, 1, index.steps.length]);
  await expect(card).toHaveAttribute('data-value', '2');
});

test('queue: items, getters and putters, forward and back', async ({ appPage: page }) => {
  const { trace, index } = await open(page, 'queue.py');
  const full = stepPrinting(trace, index, 'items=[0|1] unf=2 put=producer');
  await goToStep(page, full);
  const card = page.locator('[data-testid="object-card"][data-object-name="queue"]');
  await expect(card).toHaveAttribute('data-size', '2');
  await expect(card).toContainText('producer');
  await snapshotObjects(page, 'objects-queue');
  await walk(page, index, [full + 2, full, full - 1, 2]);
});

test('lock, event, condition and barrier cards follow their programs', async ({ appPage: page }) => {
  for (const [name, printed, object, attribute, value] of [
    ['lock.py', 'locked=True wait=w1,w2', 'lock', 'data-waiters', 'w1,w2'],
    ['event.py', 'set=False wait=e0,e1,e2', 'ready', 'data-set', 'false'],
    ['condition.py', 'locked=False wait=k0,k1,k2', 'cond', 'data-waiters', 'k0,k1,k2'],
    ['barrier.py', 'n=2 phase=draining', 'barrier', 'data-object-kind', 'Barrier'],
  ] as const) {
    const { trace, index } = await open(page, name);
    const step = stepPrinting(trace, index, printed);
    await goToStep(page, step);
    await expect(page.locator(`[data-testid="object-card"][data-object-name="${object}"]`)).toHaveAttribute(attribute, value);
    await snapshotObjects(page, `objects-${name.replace('.py', '')}`);
    await walk(page, index, [step + 1, step, Math.max(0, step - 1)]);
  }
  // The event once set: no one waits any more.
  const { trace, index } = await open(page, 'event.py');
  await goToStep(page, stepPrinting(trace, index, 'set=True wait=\n'));
  const ready = page.locator('[data-testid="object-card"][data-object-name="ready"]');
  await expect(ready).toHaveAttribute('data-set', 'true');
  await expect(ready).toHaveAttribute('data-waiters', '');
});

test('a lock-order deadlock is drawn as a cycle in the await graph', async ({ appPage: page }) => {
  const { index } = await open(page, 'deadlock.py');
  const last = index.steps.length;
  await goToStep(page, last);
  const graph = page.getByTestId('await-graph');
  const cycle = await graph.locator('[data-cycle="true"]').evaluateAll((els) =>
    els.map((el) => `${(el as HTMLElement).dataset.from} ${(el as HTMLElement).dataset.edge} ${(el as HTMLElement).dataset.to}`).sort(),
  );
  expect(cycle).toEqual(['t1 holds a', 't1 waits b', 't2 holds b', 't2 waits a']);
  expect(awaitGraph(index, { step: last }).hasCycle).toBe(true);
  await expect(page.locator('[data-testid="object-card"][data-object-name="a"]')).toHaveAttribute('data-holders', 't1');
  await snapshotObjects(page, 'objects-deadlock');
  // One step before both locks were taken there is no cycle.
  await goToStep(page, 2);
  await expect(graph.locator('[data-cycle="true"]')).toHaveCount(0);
  await walk(page, index, [2, last]);
});

test('1,000 tasks on one semaphore: the first waiters and a count', async ({ appPage: page }) => {
  const source = readFileSync(new URL('../bench/programs/thousand_on_semaphore.py', import.meta.url), 'utf8');
  const index = indexTrace(await runInApp(page, source));
  // The step at which the line is longest: every task has asked for a permit.
  let busiest = 0;
  let longest = 0;
  for (let step = 0; step <= index.steps.length; step++) {
    const s = objectsAt(index, { step })[0]?.state;
    const line = (s?.waiters.length ?? 0) + (s?.waitersMore ?? 0);
    if (line > longest) [busiest, longest] = [step, line];
  }
  await goToStep(page, busiest);
  const card = page.locator('[data-testid="object-card"][data-object-name="limit"]');
  const o = objectsAt(index, { step: busiest })[0];
  expect(o?.state.waitersMore).toBeGreaterThan(900);
  await expect(card).toHaveAttribute('data-value', '0');
  await expect(card.locator('.object-task')).toHaveCount(8 + 8); // 8 holders of 10 and 8 in line, by name
  await expect(card).toContainText(`+${(o?.state.waiters.length ?? 0) - 8 + (o?.state.waitersMore ?? 0)} more`);
  await snapshotObjects(page, 'objects-thousand');
});

test('in Chinese: the Objects view, the graph and the narration name the semaphore and the place in line', async ({ page }) => {
  const source = program('semaphore.py');
  await page.goto('/');
  const hash = await page.evaluate((s) => window.__loopscope?.shareHash({ source: s, lang: 'zh' }) ?? null, source);
  expect(hash).not.toBeNull();
  await page.goto(`/${hash ?? ''}`);
  await page.reload();
  await waitForStatus(page, 'done');
  const trace = await pageTrace(page);
  const index = indexTrace(trace);
  // The step where d4 asks for a permit and stands third in line.
  const step = index.steps.find((s) => {
    const o = objectsAt(index, { step: s.step })[0];
    return s.task !== null && index.tasks[s.task - 1]?.name === 'd4' && o?.state.waiters.length === 3;
  });
  expect(step).toBeDefined();
  await goToStep(page, step?.step ?? 0);
  await expect(page.getByTestId('objects')).toContainText('对象');
  await expect(page.getByTestId('objects')).toContainText('空闲许可 0/2');
  await expect(page.getByTestId('await-graph')).toContainText('谁在等谁');
  await expect(page.getByTestId('narration')).toContainText('limit 上的 Semaphore.acquire，排在第 3 位，共 3 个（Semaphore 0/2）');
  await snapshotObjects(page, 'objects-semaphore-zh');
});

/** The card of the object named `name`. */
const cardNamed = (page: Page, name: string) => page.locator(`[data-testid="object-card"][data-object-name="${name}"]`);

test('gather: children, how many are done, its awaiter, and child edges to the gathering task', async ({ appPage: page }) => {
  const { trace, index } = await open(page, 'gather.py');
  const waiting = stepPrinting(trace, index, 'everyone gather state=PENDING done=1/3');
  await goToStep(page, waiting);
  const card = cardNamed(page, 'everyone');
  await expect(card).toHaveAttribute('data-object-kind', 'gather');
  await expect(card).toHaveAttribute('data-state', 'pending');
  await expect(card).toHaveAttribute('data-children', 'k1,k3,k2');
  await expect(card).toHaveAttribute('data-done', '1');
  await expect(card).toHaveAttribute('data-waiters', 'Task-1');
  await expect(card).toContainText('return_exceptions=True');
  const edges = await page
    .getByTestId('await-graph')
    .locator('[data-edge="child"]')
    .evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset.from}>${(el as HTMLElement).dataset.to}`).sort());
  expect(edges).toEqual(['k2>Task-1', 'k3>Task-1']);
  await snapshotObjects(page, 'objects-gather');
  const finished = stepPrinting(trace, index, 'strict gather state=FINISHED exc=ValueError: two done=2/3');
  await walk(page, index, [finished, waiting + 2, waiting, 1, finished + 1]);
  await expect(cardNamed(page, 'strict')).toHaveAttribute('data-state', 'done');
});

test('TaskGroup: its children, aborting after a child fails, forward and back', async ({ appPage: page }) => {
  const { trace, index } = await open(page, 'taskgroup.py');
  const aborting = stepPrinting(trace, index, 'failing TaskGroup entered=True exiting=True aborting=True tasks=b6');
  await goToStep(page, aborting);
  const card = cardNamed(page, 'failing');
  await expect(card).toHaveAttribute('data-object-kind', 'TaskGroup');
  await expect(card).toHaveAttribute('data-aborting', 'true');
  await expect(card).toHaveAttribute('data-state', 'exiting');
  await expect(card).toHaveAttribute('data-children', 'b3,b6,b1');
  await expect(card).toHaveAttribute('data-done', '2');
  await expect(page.getByTestId('await-graph').locator('[data-edge="child"][data-from="b6"][data-to="Task-1"]')).toHaveCount(1);
  await snapshotObjects(page, 'objects-taskgroup');
  const open_ = stepPrinting(trace, index, 'tg TaskGroup entered=True exiting=False');
  await walk(page, index, [aborting + 1, aborting - 1, open_, open_ + 1, aborting]);
  await goToStep(page, open_);
  await expect(cardNamed(page, 'tg')).toHaveAttribute('data-state', 'open');
  await expect(cardNamed(page, 'tg')).toHaveAttribute('data-aborting', 'false');
});

test("timeout and wait_for: the deadline, its state and the task it guards", async ({ appPage: page }) => {
  const { trace, index } = await open(page, 'timeout.py');
  const moved = stepPrinting(trace, index, 'limit timeout state=active when=0.5');
  await goToStep(page, moved);
  const limit = cardNamed(page, 'limit');
  await expect(limit).toHaveAttribute('data-object-kind', 'timeout');
  await expect(limit).toHaveAttribute('data-state', 'active');
  await expect(limit).toHaveAttribute('data-guards', 'Task-1');
  await expect(limit).toContainText('deadline');
  await snapshotObjects(page, 'objects-timeout');
  const waitFor = stepPrinting(trace, index, 'timeout#2 timeout state=active');
  await goToStep(page, waitFor);
  const second = cardNamed(page, 'timeout#2');
  await expect(second).toHaveAttribute('data-object-kind', 'timeout');
  await expect(second.locator('.object-kind')).toHaveText('wait_for');
  await expect(limit).toHaveAttribute('data-state', 'expired');
  await walk(page, index, [waitFor + 2, moved, 1, index.steps.length]);
  await expect(cardNamed(page, 'unlimited')).toHaveAttribute('data-state', 'finished');
});

test('Future: pending with its awaiters, then done with its result; a shield names what it shields', async ({ appPage: page }) => {
  const { trace, index } = await open(page, 'future.py');
  const pending = stepPrinting(trace, index, 'answer Future state=PENDING wait=w0,w1');
  await goToStep(page, pending);
  const answer = cardNamed(page, 'answer');
  await expect(answer).toHaveAttribute('data-object-kind', 'Future');
  await expect(answer).toHaveAttribute('data-state', 'pending');
  await expect(answer).toHaveAttribute('data-waiters', 'w0,w1');
  await expect(answer).toContainText('on_done');
  await expect(page.getByTestId('await-graph').locator('[data-edge="awaits"][data-from="w0"][data-to="answer"]')).toHaveCount(1);
  await snapshotObjects(page, 'objects-future');
  const done = stepPrinting(trace, index, 'answer Future state=FINISHED result=42');
  await walk(page, index, [done, pending, pending - 1, done + 3, index.steps.length]);
  await expect(answer).toHaveAttribute('data-state', 'done');
  await expect(answer).toContainText('done: 42');
  await expect(cardNamed(page, 'plain')).toContainText('raised ValueError: no answer');
  await expect(cardNamed(page, 'doomed')).toHaveAttribute('data-state', 'cancelled');

  const shield = await open(page, 'shield.py');
  const guarded = stepPrinting(shield.trace, shield.index, 'guard Future state=PENDING wait=impatient');
  await goToStep(page, guarded);
  const guard = cardNamed(page, 'guard');
  await expect(guard).toHaveAttribute('data-object-kind', 'Future');
  await expect(guard).toHaveAttribute('data-shields', 'precious');
  await expect(guard).toHaveAttribute('data-waiters', 'impatient');
  await snapshotObjects(page, 'objects-shield');
  await walk(page, shield.index, [guarded + 1, guarded, guarded - 1]);
  await expect(guard).toHaveAttribute('data-state', 'pending');
});

test('in Chinese: the TaskGroup and gather cards and the child edges', async ({ page }) => {
  const source = program('taskgroup.py');
  await page.goto('/');
  const hash = await page.evaluate((s) => window.__loopscope?.shareHash({ source: s, lang: 'zh' }) ?? null, source);
  expect(hash).not.toBeNull();
  await page.goto(`/${hash ?? ''}`);
  await page.reload();
  await waitForStatus(page, 'done');
  const trace = await pageTrace(page);
  const index = indexTrace(trace);
  const aborting = stepPrinting(trace, index, 'failing TaskGroup entered=True exiting=True aborting=True tasks=b6');
  await goToStep(page, aborting);
  const card = cardNamed(page, 'failing');
  await expect(card).toContainText('等待子任务结束');
  await expect(card).toContainText('正在中止');
  await expect(card).toContainText('子任务');
  await expect(page.getByTestId('await-graph').locator('[data-edge="child"][data-from="b6"] title')).toHaveText('b6 的父任务是 Task-1');
  await snapshotObjects(page, 'objects-taskgroup-zh');
  await walk(page, index, [aborting - 1, aborting + 1]);
});
