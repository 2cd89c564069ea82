import { describe, expect, it } from 'vitest';
import { indexTrace, stateAt } from '../trace';
import { SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import type { Trace, TraceEvent } from '../protocol/trace';
import { lineMarks, MAX_DETAILED_TASKS, pausedLabel, type PausedLabel } from './lineMarks';

function labelled(label: string, ...which: string[]): PausedLabel {
  return { label, count: Math.max(1, which.length), which };
}

/** main (task 1) creates `n` tasks of `work` that all sleep at line 6. */
function manySleepers(n: number): Trace {
  const events: TraceEvent[] = [
    { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 15 },
    { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
    { e: 'iter', n: 1, t: 0 },
    { e: 'run', h: 1 },
  ];
  for (let id = 2; id <= n + 1; id++) {
    events.push({ e: 'task', id, name: `Task-${id}`, coro: 'work', by: 1, l: 11 }, { e: 'sched', h: id, on: { k: 'step', task: id } });
  }
  events.push({ e: 'suspend', task: 1, l: 11, on: { k: 'gather', children: [] } }, { e: 'iter', n: 2, t: 0 });
  for (let id = 2; id <= n + 1; id++) {
    events.push({ e: 'run', h: id }, { e: 'suspend', task: id, l: 6, on: { k: 'sleep', until: 1, h: n + id } });
  }
  return traceOf(events, 'x\n'.repeat(15));
}

describe('line marks', () => {
  const index = indexTrace(traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE));

  it('marks the running line, and a task paused elsewhere with its state', () => {
    const running = lineMarks(index, stateAt(index, { step: 1 }), () => 'sleep');
    expect(running).toContainEqual({ kind: 'running', line: 5, task: 'main' });
    expect(running.filter((m) => m.kind === 'paused')).toEqual([]); // the running task is not also "paused"
    // Step 2 is the timer's callback: main, woken, waits in the ready queue at its await.
    const woken = lineMarks(index, stateAt(index, { step: 2 }), () => 'sleep until 1.000 s');
    expect(woken).toContainEqual(
      expect.objectContaining({ kind: 'paused', line: 5, state: 'ready', tasks: [expect.objectContaining({ name: 'main' })] }),
    );
  });

  it('names tasks of one coroutine once, and cuts long lists', () => {
    expect(pausedLabel([labelled('worker', 'Task-2', 'Task-3')])).toBe('worker (Task-2, Task-3)');
    expect(pausedLabel([labelled('main'), labelled('fetch')])).toBe('main, fetch');
    expect(pausedLabel([{ label: 'w', count: 5, which: ['Task-2', 'Task-3', 'Task-4'] }])).toBe('w (Task-2, Task-3, Task-4 +2)');
    expect(pausedLabel(['a', 'b', 'c', 'd', 'e'].map((l) => labelled(l)))).toBe('a, b, c +2');
  });

  it('details the first tasks of a crowded line and counts them all', () => {
    const index = indexTrace(manySleepers(1000));
    const marks = lineMarks(index, stateAt(index, { step: 1001 }), () => 'sleep until 1.000 s');
    const sleeping = marks.find((m) => m.kind === 'paused' && m.line === 6);
    // Every worker but the one whose step this is (it is the running line's).
    expect(sleeping).toMatchObject({ kind: 'paused', state: 'waiting', count: 999 });
    if (sleeping?.kind !== 'paused') return;
    expect(sleeping.tasks).toHaveLength(MAX_DETAILED_TASKS);
    expect(sleeping.tasks[0]).toMatchObject({ id: 2, name: 'work (Task-2)', awaits: 'sleep until 1.000 s' });
    expect(sleeping.labels).toEqual([{ label: 'work', count: 999, which: ['Task-2', 'Task-3', 'Task-4'] }]);
    expect(pausedLabel(sleeping.labels)).toBe('work (Task-2, Task-3, Task-4 +996)');
  });
});
