import { describe, expect, it } from 'vitest';
import { TRACE_VERSION, type TraceEvent } from '../protocol/trace';
import { createAndAwait } from './fixtures/createAndAwait';
import { sleepOneSecond } from './fixtures/sleepOneSecond';
import { traceOf } from './fixtures/traceOf';
import { indexTrace } from './indexTrace';
import { stateAfterEvents, stateAt } from './stateAt';
import type { LoopState, TaskState } from './types';

const readyHandles = (s: LoopState) => s.readyQueue.map((r) => r.h);
const timerHandles = (s: LoopState) => s.timerHeap.map((r) => r.h);
const stateOf = (s: LoopState, id: number): TaskState | undefined => s.tasks[id - 1]?.state;

describe('indexTrace', () => {
  it('cuts steps at run events and lists tasks', () => {
    const index = indexTrace(sleepOneSecond());
    expect(index.steps.map((s) => [s.step, s.firstEvent, s.endEvent, s.handle, s.task, s.t, s.iteration])).toEqual([
      [1, 7, 13, 1, 1, 0, 1],
      [2, 14, 16, 2, null, 1, 2],
      [3, 17, 22, 3, 1, 1, 3],
      // the last step keeps everything after it (the loop closing)
      [4, 23, 25, 4, null, 1, 4],
    ]);
    expect(index.steps.map((s) => s.lineEvents)).toEqual([[8, 10], [], [18], []]);
    expect(index.tasks).toEqual([
      {
        id: 1,
        name: 'Task-1',
        coro: 'main',
        parent: null,
        createdLine: 8,
        createdStep: 0,
        createdT: 0,
        internal: false,
        end: { step: 3, t: 1, outcome: 'result', value: 'None' },
      },
    ]);
    expect(index.endTime).toBe(1);
  });

  it('records the exception thrown in at resume, and when a task was created', () => {
    const index = indexTrace(createAndAwait());
    expect(index.tasks.map((t) => [t.id, t.parent, t.createdStep, t.createdLine, t.end?.step])).toEqual([
      [1, null, 0, 13, 5],
      [2, 1, 1, 9, 4],
    ]);
    const events: TraceEvent[] = [
      { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 1 },
      { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1, x: 'CancelledError' },
      { e: 'done', task: 1, outcome: 'cancelled' },
    ];
    expect(indexTrace(traceOf(events)).steps[0]?.delivered).toBe('CancelledError');
  });

  it('refuses a trace version it does not know', () => {
    const trace = { ...sleepOneSecond(), version: TRACE_VERSION + 1 } as unknown as ReturnType<typeof sleepOneSecond>;
    expect(() => indexTrace(trace)).toThrow(`version ${TRACE_VERSION + 1}`);
  });

  it('treats a program without a loop as one step 0', () => {
    const index = indexTrace(traceOf([{ e: 'line', l: 1 }, { e: 'out', s: 'hi\n' }, { e: 'line', l: 2 }]));
    expect(index.steps).toEqual([]);
    expect(stateAt(index, { step: 0 })).toMatchObject({ step: 0, line: 2, eventCount: 3 });
  });
});

describe('stateAt on asyncio.run(main()) with a 1 s sleep', () => {
  const index = indexTrace(sleepOneSecond());

  it('step 0: main created, its first step queued, nothing run', () => {
    const s = stateAt(index, { step: 0 });
    expect(s).toMatchObject({ step: 0, t: 0, iteration: 0, current: null, line: 8, eventCount: 6 });
    expect(s.readyQueue).toEqual([{ h: 1, on: { k: 'step', task: 1 }, cancelled: false }]);
    expect(s.timerHeap).toEqual([]);
    expect(s.tasks).toEqual([{ id: 1, state: 'ready', line: null }]);
  });

  it('step 1: main ran and now sleeps; its timer is in the heap', () => {
    const s = stateAt(index, { step: 1 });
    expect(s).toMatchObject({ step: 1, t: 0, iteration: 1, line: 5, eventCount: 13 });
    expect(s.current?.handle).toBe(1);
    expect(s.readyQueue).toEqual([]);
    expect(s.timerHeap).toEqual([{ h: 2, on: { k: 'sleep', task: 1, delay: 1 }, when: 1, cancelled: false }]);
    expect(s.tasks).toEqual([{ id: 1, state: 'waiting', line: 5, on: { k: 'sleep', until: 1, h: 2 } }]);
  });

  it('a line cursor stops inside the step: the task is running on that line', () => {
    const s = stateAt(index, { step: 1, line: 0 });
    expect(s).toMatchObject({ step: 1, line: 4, eventCount: 9 });
    expect(s.tasks).toEqual([{ id: 1, state: 'running', line: 4 }]);
    expect(s.readyQueue).toEqual([]); // h1 was popped by the run
    expect(stateAt(index, { step: 1, line: 1 }).line).toBe(5);
  });

  it('step 2: the clock jumped, the timer fired and queued main’s wakeup', () => {
    const s = stateAt(index, { step: 2 });
    expect(s).toMatchObject({ step: 2, t: 1, iteration: 2 });
    expect(readyHandles(s)).toEqual([3]);
    expect(s.timerHeap).toEqual([]);
    expect(s.tasks[0]).toEqual({ id: 1, state: 'ready', line: 5 });
    // A timer step runs no learner code: the line is where the task it serves sits.
    expect(s.line).toBe(5);
  });

  it('steps 3 and 4: main finishes, then the loop runs its done callback', () => {
    const s3 = stateAt(index, { step: 3 });
    expect(s3.tasks).toEqual([{ id: 1, state: 'done', line: 6 }]);
    expect(readyHandles(s3)).toEqual([4]);
    expect(s3.line).toBe(6);
    const s4 = stateAt(index, { step: 4 });
    expect(s4).toMatchObject({ step: 4, readyQueue: [], timerHeap: [], line: null, eventCount: 25 });
  });

  it('clamps cursors outside the trace', () => {
    expect(stateAt(index, { step: 99 }).step).toBe(4);
    expect(stateAt(index, { step: -3 }).step).toBe(0);
    expect(stateAt(index, { step: 1, line: 99 }).eventCount).toBe(11);
  });
});

describe('ready queue', () => {
  const events: TraceEvent[] = [
    /* 0 */ { e: 'sched', h: 1, on: { k: 'call', fn: 'a' } },
    /* 1 */ { e: 'sched', h: 2, on: { k: 'call', fn: 'b' } },
    /* 2 */ { e: 'sched', h: 3, on: { k: 'call', fn: 'c' } },
    /* 3 */ { e: 'unsched', h: 2 },
    /* 4 */ { e: 'iter', n: 1, t: 0 },
    /* 5 */ { e: 'run', h: 1 },
    /* 6 */ { e: 'sched', h: 4, on: { k: 'call', fn: 'd' } },
    /* 7 */ { e: 'skip', h: 2 },
    /* 8 */ { e: 'run', h: 3 },
  ];
  const index = indexTrace(traceOf(events));

  it('sched appends, unsched marks, run pops the head, skip drops', () => {
    expect(readyHandles(stateAfterEvents(index, 3))).toEqual([1, 2, 3]);
    expect(stateAfterEvents(index, 4).readyQueue.map((r) => r.cancelled)).toEqual([false, true, false]);
    expect(readyHandles(stateAfterEvents(index, 6))).toEqual([2, 3]);
    expect(readyHandles(stateAfterEvents(index, 7))).toEqual([2, 3, 4]);
    expect(readyHandles(stateAfterEvents(index, 8))).toEqual([3, 4]);
    expect(readyHandles(stateAt(index, { step: 2 }))).toEqual([4]);
  });

  it('a run of a handle that is not the head still takes it out (a trace that disagrees with itself)', () => {
    const odd = indexTrace(
      traceOf([
        { e: 'sched', h: 1, on: { k: 'call', fn: 'a' } },
        { e: 'sched', h: 2, on: { k: 'call', fn: 'b' } },
        { e: 'iter', n: 1, t: 0 },
        { e: 'run', h: 2 },
      ]),
    );
    expect(readyHandles(stateAt(odd, { step: 1 }))).toEqual([1]);
  });

  it('a closed loop drops what it never ran', () => {
    const closed = indexTrace(
      traceOf([
        { e: 'sched', h: 1, on: { k: 'call', fn: 'a' } },
        { e: 'sched', h: 2, on: { k: 'call', fn: 'b' }, when: 5 },
        { e: 'loop', n: 1, open: false },
      ]),
    );
    expect(stateAfterEvents(closed, 2)).toMatchObject({ readyQueue: [{ h: 1 }], timerHeap: [{ h: 2 }] });
    expect(stateAfterEvents(closed, 3)).toMatchObject({ readyQueue: [], timerHeap: [] });
  });
});

describe('timer heap', () => {
  const events: TraceEvent[] = [
    /* 0 */ { e: 'sched', h: 1, on: { k: 'call', fn: 'c' }, when: 2 },
    /* 1 */ { e: 'sched', h: 2, on: { k: 'call', fn: 'a' }, when: 1 },
    /* 2 */ { e: 'sched', h: 3, on: { k: 'call', fn: 'b' }, when: 1 },
    /* 3 */ { e: 'sched', h: 4, on: { k: 'call', fn: 'early' }, when: 0.5 },
    /* 4 */ { e: 'sched', h: 5, on: { k: 'call', fn: 'late' }, when: 3 },
    /* 5 */ { e: 'unsched', h: 4 }, // at the top: dropped at the next iteration
    /* 6 */ { e: 'unsched', h: 1 }, // deep in the heap: stays until it reaches the top
    /* 7 */ { e: 'iter', n: 1, t: 1, due: [2, 3] },
    /* 8 */ { e: 'run', h: 2 },
    /* 9 */ { e: 'run', h: 3 },
    /* 10 */ { e: 'iter', n: 2, t: 3, due: [5] },
    /* 11 */ { e: 'run', h: 5 },
  ];
  const index = indexTrace(traceOf(events));

  it('orders timers by (deadline, scheduling order)', () => {
    expect(timerHandles(stateAfterEvents(index, 5))).toEqual([4, 2, 3, 1, 5]);
    expect(stateAfterEvents(index, 5).timerHeap.map((x) => x.when)).toEqual([0.5, 1, 1, 2, 3]);
  });

  it('shows cancelled timers, marked, until the loop drops them', () => {
    const s = stateAfterEvents(index, 7);
    expect(s.timerHeap.map((x) => [x.h, x.cancelled])).toEqual([
      [4, true],
      [2, false],
      [3, false],
      [1, true],
      [5, false],
    ]);
  });

  it('an iteration drops cancelled timers from the top and moves due ones to the ready queue, in order', () => {
    const s = stateAfterEvents(index, 8);
    expect(s.t).toBe(1);
    expect(readyHandles(s)).toEqual([2, 3]);
    expect(s.timerHeap.map((x) => [x.h, x.cancelled])).toEqual([
      [1, true],
      [5, false],
    ]);
  });

  it('a cancelled timer whose deadline has passed is gone after the next iteration', () => {
    const s = stateAt(index, { step: 3 });
    expect(s.t).toBe(3);
    expect(s.timerHeap).toEqual([]);
    expect(s.readyQueue).toEqual([]);
  });

  it('keeps a cancelled timer whose deadline has not passed while it is not at the top', () => {
    const deep = indexTrace(
      traceOf([
        { e: 'sched', h: 1, on: { k: 'call', fn: 'soon' }, when: 1 },
        { e: 'sched', h: 2, on: { k: 'call', fn: 'later' }, when: 5 },
        { e: 'unsched', h: 2 },
        { e: 'iter', n: 1, t: 0 },
        { e: 'sched', h: 3, on: { k: 'call', fn: 'now' } },
      ]),
    );
    expect(stateAfterEvents(deep, 5).timerHeap.map((x) => [x.h, x.cancelled])).toEqual([
      [1, false],
      [2, true],
    ]);
  });
});

describe('task states', () => {
  const events: TraceEvent[] = [
    /* 0 */ { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 20 },
    /* 1 */ { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
    /* 2 */ { e: 'iter', n: 1, t: 0 },
    /* 3 */ { e: 'run', h: 1 }, // step 1
    /* 4 */ { e: 'line', l: 2 },
    /* 5 */ { e: 'task', id: 2, name: 'Task-2', coro: 'boom', by: 1, l: 2 },
    /* 6 */ { e: 'sched', h: 2, on: { k: 'step', task: 2 } },
    /* 7 */ { e: 'task', id: 3, name: 'Task-3', coro: 'victim', by: 1, l: 3 },
    /* 8 */ { e: 'sched', h: 3, on: { k: 'step', task: 3 } },
    /* 9 */ { e: 'line', l: 4 },
    /* 10 */ { e: 'sched', h: 4, on: { k: 'step', task: 1 } },
    /* 11 */ { e: 'yield', task: 1, l: 4 },
    /* 12 */ { e: 'iter', n: 2, t: 0 },
    /* 13 */ { e: 'run', h: 2 }, // step 2: boom raises
    /* 14 */ { e: 'line', l: 10 },
    /* 15 */ { e: 'done', task: 2, outcome: 'exception', exc: 'ValueError: boom' },
    /* 16 */ { e: 'run', h: 3, x: 'CancelledError' }, // step 3: victim cancelled before it starts
    /* 17 */ { e: 'done', task: 3, outcome: 'cancelled' },
    /* 18 */ { e: 'run', h: 4 }, // step 4: main blocks the loop, then awaits a queue
    /* 19 */ { e: 'line', l: 5 },
    /* 20 */ { e: 'block', d: 2, l: 5 },
    /* 21 */ { e: 'line', l: 6 },
    /* 22 */ { e: 'suspend', task: 1, l: 6, on: { k: 'future', api: 'Queue.get', obj: 'Queue#1' }, stack: [['main', 6], ['helper', 12]] },
    /* 23 */ { e: 'sched', h: 5, on: { k: 'wakeup', task: 1 } }, // (some callback puts an item)
    /* 24 */ { e: 'iter', n: 3, t: 2 },
    /* 25 */ { e: 'run', h: 5 }, // step 5: main resumes; the run is stopped mid-step
    /* 26 */ { e: 'line', l: 7 },
  ];
  const index = indexTrace(traceOf(events));

  it('task → ready, run → running, yield → ready', () => {
    expect(stateAfterEvents(index, 1).tasks).toEqual([{ id: 1, state: 'ready', line: null }]);
    expect(stateAfterEvents(index, 4).tasks).toEqual([{ id: 1, state: 'running', line: null }]);
    const s1 = stateAt(index, { step: 1 });
    expect(s1.tasks.map((t) => t.state)).toEqual(['ready', 'ready', 'ready']);
    expect(s1.tasks[0]).toEqual({ id: 1, state: 'ready', line: 4 });
    expect(readyHandles(s1)).toEqual([2, 3, 4]);
  });

  it('done → done, failed or cancelled', () => {
    const s3 = stateAt(index, { step: 3 });
    expect(s3.tasks.map((t) => t.state)).toEqual(['ready', 'failed', 'cancelled']);
    expect(s3.tasks[1]?.line).toBe(10);
  });

  it('time.sleep moves the clock inside a step; suspend records what and where', () => {
    expect(stateAt(index, { step: 4, line: 0 }).t).toBe(0);
    expect(stateAt(index, { step: 4, line: 1 }).t).toBe(2);
    const s4 = stateAfterEvents(index, 23);
    expect(s4.tasks[0]).toEqual({
      id: 1,
      state: 'waiting',
      line: 6,
      on: { k: 'future', api: 'Queue.get', obj: 'Queue#1' },
      stack: [['main', 6], ['helper', 12]],
    });
  });

  it('a waiting task whose wakeup is scheduled is ready', () => {
    expect(stateAt(index, { step: 4 }).tasks[0]).toEqual({ id: 1, state: 'ready', line: 6 });
  });

  it('a task whose step never finished (the run was stopped) stays running', () => {
    const s5 = stateAt(index, { step: 5 });
    expect(stateOf(s5, 1)).toBe('running');
    expect(s5.tasks[0]?.line).toBe(7);
    expect(s5.line).toBe(7);
    expect(s5.t).toBe(2);
  });

  it('a scheduled step of a running task does not change it (yield says ready)', () => {
    expect(stateOf(stateAfterEvents(index, 11), 1)).toBe('running');
    expect(stateOf(stateAfterEvents(index, 12), 1)).toBe('ready');
  });
});

describe('seeking', () => {
  it('gives the same state whichever step was asked before (keyframes are never mutated)', () => {
    const index = indexTrace(createAndAwait());
    const fresh = [0, 1, 2, 3, 4, 5].map((step) => JSON.stringify(stateAt(index, { step })));
    const again = [5, 3, 1, 4, 0, 2].map((step) => [step, JSON.stringify(stateAt(index, { step }))] as const);
    for (const [step, json] of again) expect(json).toBe(fresh[step]);
  });

  it('hands out the same state for a cursor asked again soon (a step asks for the one before it), and rebuilds an older one equal', () => {
    const index = indexTrace(createAndAwait());
    const at3 = stateAt(index, { step: 3 });
    expect(stateAt(index, { step: 2 })).not.toBe(at3);
    expect(stateAt(index, { step: 3 })).toBe(at3);
    expect(stateAfterEvents(index, at3.eventCount)).toBe(at3);
    for (const step of [0, 1, 2, 4, 5]) stateAt(index, { step });
    const rebuilt = stateAt(index, { step: 3 });
    expect(rebuilt).not.toBe(at3);
    expect(rebuilt).toEqual(at3);
  });
});
