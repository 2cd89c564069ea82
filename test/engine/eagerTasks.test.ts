/**
 * Eager tasks (asyncio.eager_task_factory; create_task(..., eager_start=True) in 3.14) are
 * recorded, not refused: the `task` event, then the first step run at once inside the creator's
 * step (its lines, and a `suspend`, `yield` or `done` with no `run` of its own), then its later
 * steps as usual. The stdout is checked against real CPython by the fidelity test
 * (test/fidelity/eager-tasks.py and eager-create-task.py); this checks the trace says it.
 */
import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../../src/protocol/trace';
import { ownCorpus, traceOf } from './sharedEngine';
import { replay } from './traceModel';

const program = (name: string): { source: string; expected: string } => {
  const found = ownCorpus().find((p) => p.name === name);
  if (found === undefined) throw new Error(`no ${name} in test/fidelity`);
  return found;
};

/** The task events, by coroutine and creation order: "quick#1" is the first task running quick(). */
function tasksByCoro(trace: Trace): Map<string, number> {
  const ids = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const e of trace.events) {
    if (e.e !== 'task') continue;
    const n = (counts.get(e.coro) ?? 0) + 1;
    counts.set(e.coro, n);
    ids.set(`${e.coro}#${n}`, e.id);
  }
  return ids;
}

/** Index of the first event matching, or -1. */
const indexOf = (trace: Trace, match: (e: TraceEvent) => boolean): number => trace.events.findIndex(match);

describe('eager tasks are recorded', () => {
  it('eager_task_factory: each task is met before its first step, which runs inside main\'s step', async () => {
    const trace = await traceOf(program('eager-tasks.py').source);
    expect(replay(trace).problems).toEqual([]);
    const ids = tasksByCoro(trace);
    const quick = ids.get('quick#1');
    const slow = ids.get('slow#1');
    expect(quick).toBe(2);
    expect(slow).toBe(3);
    // The run's own tasks (numbered and named per run), created by main at its line.
    expect(trace.events.find((e) => e.e === 'task' && e.id === quick)).toEqual({ e: 'task', id: 2, name: 'Task-2', coro: 'quick', by: 1, l: 37 });

    const mainRun = indexOf(trace, (e) => e.e === 'run');
    const mainSuspend = indexOf(trace, (e) => e.e === 'suspend' && e.task === 1);
    // quick(1) never suspends: it is done inside main's first step, and no handle ever runs it.
    const quickDone = indexOf(trace, (e) => e.e === 'done' && e.task === quick);
    expect(quickDone).toBeGreaterThan(mainRun);
    expect(quickDone).toBeLessThan(mainSuspend);
    expect(trace.events[quickDone]).toEqual({ e: 'done', task: quick, outcome: 'result', value: '10' });
    expect(trace.events.some((e) => e.e === 'sched' && (e.on.k === 'step' || e.on.k === 'wakeup') && e.on.task === quick)).toBe(false);
    // slow(2) suspends in its sleep inside main's step; the sleep is its own, not main's.
    const slowSuspend = indexOf(trace, (e) => e.e === 'suspend' && e.task === slow);
    expect(slowSuspend).toBeGreaterThan(mainRun);
    expect(slowSuspend).toBeLessThan(mainSuspend);
    const sleep = trace.events.find((e) => e.e === 'sched' && e.on.k === 'sleep' && e.when === 0.2);
    expect(sleep?.e === 'sched' && sleep.on).toEqual({ k: 'sleep', task: slow, delay: 0.2 });
    // Its later step is an ordinary one: the wakeup when the sleep is over.
    expect(trace.events.some((e) => e.e === 'sched' && e.on.k === 'wakeup' && e.on.task === slow)).toBe(true);
    expect(trace.events.find((e) => e.e === 'done' && e.task === slow)).toEqual({ e: 'done', task: slow, outcome: 'result', value: '2' });
  });

  it('the cancel of an eager task is recorded like any (who asked, where)', async () => {
    const trace = await traceOf(program('eager-tasks.py').source);
    const stubborn = tasksByCoro(trace).get('stubborn#1');
    expect(trace.events.filter((e) => e.e === 'cancel')).toEqual([{ e: 'cancel', task: stubborn, by: 1, via: 'cancel()', l: 54 }]);
  });

  it('create_task(..., eager_start=True) records and prints exactly as eager_task_factory does', async () => {
    const { source, expected } = program('eager-create-task.py');
    const factory = await traceOf(source);
    // The same program, line for line, with eager_start=True on each create_task instead.
    const eagerStart = source
      .replace('loop.set_task_factory(asyncio.eager_task_factory)', 'loop.set_task_factory(None)')
      .replace(/asyncio\.create_task\((\w+\(\d\))\)/g, 'asyncio.create_task($1, eager_start=True)');
    expect(eagerStart).not.toBe(source);
    const started = await traceOf(eagerStart);
    expect(factory.stdout).toBe(expected);
    expect(started.stdout).toBe(expected);
    expect(started.events).toEqual(factory.events);
    expect(replay(started).problems).toEqual([]);
  });
});
