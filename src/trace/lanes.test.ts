import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../protocol/trace';
import { createAndAwait } from './fixtures/createAndAwait';
import { sleepOneSecond } from './fixtures/sleepOneSecond';
import { traceOf } from './fixtures/traceOf';
import { indexTrace } from './indexTrace';
import { taskLanes } from './lanes';
import type { TaskLane } from './types';

const brief = (lane: TaskLane | undefined) => lane?.segments.map((s) => [s.state, s.fromStep, s.toStep, s.fromT, s.toT]);

describe('taskLanes', () => {
  it('main: ready, running, waiting on its sleep, running, done', () => {
    const lanes = taskLanes(indexTrace(sleepOneSecond()));
    expect(lanes).toHaveLength(1);
    expect(lanes[0]?.task.name).toBe('Task-1');
    expect(brief(lanes[0])).toEqual([
      ['ready', 0, 1, 0, 0],
      ['running', 1, 2, 0, 0],
      ['waiting', 2, 3, 0, 1], // woken during step 2 (the timer), ready for no time before it ran
      ['running', 3, 4, 1, 1],
      ['done', 4, 4, 1, 1], // a zero-width end marker
    ]);
    expect(lanes[0]?.segments[2]?.on).toEqual({ k: 'sleep', until: 1, h: 2 });
  });

  it('a child lane starts in the step that created it; an awaiting parent waits on it', () => {
    const lanes = taskLanes(indexTrace(createAndAwait()));
    expect(brief(lanes[0])).toEqual([
      ['ready', 0, 1, 0, 0],
      ['running', 1, 2, 0, 0],
      ['waiting', 2, 5, 0, 1],
      ['running', 5, 6, 1, 1],
      ['done', 6, 6, 1, 1],
    ]);
    expect(lanes[0]?.segments[2]?.on).toEqual({ k: 'task', task: 2 });
    expect(brief(lanes[1])).toEqual([
      ['ready', 1, 2, 0, 0],
      ['running', 2, 3, 0, 0],
      ['waiting', 3, 4, 0, 1],
      ['running', 4, 5, 1, 1],
      ['done', 5, 5, 1, 1],
    ]);
  });

  it('a yield puts the task back to ready; an unfinished task runs on to the end', () => {
    const events: TraceEvent[] = [
      { e: 'task', id: 1, name: 'Task-1', coro: 'spin', by: null, l: 1 },
      { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 }, // step 1
      { e: 'sched', h: 2, on: { k: 'step', task: 1 } },
      { e: 'yield', task: 1, l: 3 },
      { e: 'sched', h: 3, on: { k: 'call', fn: 'other' } },
      { e: 'run', h: 3 }, // step 2: something else runs in between
      { e: 'iter', n: 2, t: 0 },
      { e: 'run', h: 2 }, // step 3
      { e: 'block', d: 0.5, l: 4 },
      { e: 'suspend', task: 1, l: 5, on: { k: 'future' } },
      { e: 'sched', h: 4, on: { k: 'call', fn: 'tick' }, when: 2 },
      { e: 'iter', n: 3, t: 2, due: [4] },
      { e: 'run', h: 4 }, // step 4
    ];
    const lanes = taskLanes(indexTrace(traceOf(events)));
    expect(brief(lanes[0])).toEqual([
      ['ready', 0, 1, 0, 0],
      ['running', 1, 2, 0, 0],
      ['ready', 2, 3, 0, 0],
      ['running', 3, 4, 0, 0.5], // time.sleep inside the step takes virtual time
      ['waiting', 4, 5, 0.5, 2], // to the end of the last step's band and the end of the run
    ]);
  });

  it('failed and cancelled tasks end with their own marker', () => {
    const events: TraceEvent[] = [
      { e: 'task', id: 1, name: 'Task-1', coro: 'a', by: null, l: 1 },
      { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
      { e: 'task', id: 2, name: 'Task-2', coro: 'b', by: null, l: 1 },
      { e: 'sched', h: 2, on: { k: 'step', task: 2 } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 },
      { e: 'done', task: 1, outcome: 'exception', exc: 'ValueError' },
      { e: 'run', h: 2, x: 'CancelledError' },
      { e: 'done', task: 2, outcome: 'cancelled' },
    ];
    const lanes = taskLanes(indexTrace(traceOf(events)));
    expect(lanes.map((l) => l.segments.at(-1)?.state)).toEqual(['failed', 'cancelled']);
    expect(brief(lanes[1])).toEqual([
      ['ready', 0, 2, 0, 0],
      ['running', 2, 3, 0, 0],
      ['cancelled', 3, 3, 0, 0],
    ]);
  });
});
