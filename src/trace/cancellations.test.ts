import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../protocol/trace';
import { cancellations } from './cancellations';
import { cancelSleepingWorker } from './fixtures/cancelSleepingWorker';
import { traceOf } from './fixtures/traceOf';
import { indexTrace } from './indexTrace';
import { stateAt } from './stateAt';

/** Task 1 (main) runs at step 1 and has created task 2 (worker), which sleeps at line 3 from step 2 on. */
function sleepingWorker(): TraceEvent[] {
  return [
    { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 20 },
    { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
    { e: 'iter', n: 1, t: 0 },
    { e: 'run', h: 1 }, // step 1
    { e: 'task', id: 2, name: 'Task-2', coro: 'worker', by: 1, l: 21 },
    { e: 'sched', h: 2, on: { k: 'step', task: 2 } },
    { e: 'suspend', task: 1, l: 22, on: { k: 'future' } },
    { e: 'iter', n: 2, t: 0 },
    { e: 'run', h: 2 }, // step 2
    { e: 'sched', h: 3, on: { k: 'sleep', task: 2, delay: 10 }, when: 10 },
    { e: 'suspend', task: 2, l: 3, on: { k: 'sleep', until: 10, h: 3 } },
  ];
}

/** A callback (step 3, t = 1) that cancels task 2; its sleep future is cancelled, so its wakeup is queued. */
function cancelFromCallback(via: 'cancel()' | 'timeout' | 'TaskGroup' = 'cancel()'): TraceEvent[] {
  return [
    { e: 'sched', h: 10, on: { k: 'call', fn: 'stopper' }, when: 1 },
    { e: 'iter', n: 3, t: 1, due: [10] },
    { e: 'run', h: 10 }, // step 3
    { e: 'cancel', task: 2, by: null, via, l: via === 'cancel()' ? 30 : null },
    { e: 'sched', h: 11, on: { k: 'wakeup', task: 2 } },
    { e: 'iter', n: 4, t: 1 },
    { e: 'run', h: 11, x: 'CancelledError' }, // step 4: delivered at line 3
    { e: 'unsched', h: 3 },
  ];
}

function only(events: readonly TraceEvent[]) {
  const list = cancellations(indexTrace(traceOf(events)));
  expect(list).toHaveLength(1);
  return list[0];
}

describe('cancellations', () => {
  it('propagated: the worker ends cancelled; main awaiting it is not itself cancelled', () => {
    const index = indexTrace(cancelSleepingWorker());
    expect(cancellations(index)).toEqual([
      {
        event: 21,
        target: 2,
        by: 1,
        via: 'cancel()',
        line: 9,
        requestStep: 4,
        requestT: 0.5,
        delivered: { step: 5, t: 0.5, line: 4 },
        outcome: 'propagated',
        endStep: 5,
      },
    ]);
    expect(cancellations(index)).toBe(cancellations(index));
  });

  it('the cancelled sleep timer stays (marked) until the loop drops it from the top of the heap', () => {
    const index = indexTrace(cancelSleepingWorker());
    expect(stateAt(index, { step: 5 }).timerHeap).toMatchObject([{ h: 4, cancelled: true }]);
    expect(stateAt(index, { step: 6 }).timerHeap).toEqual([]);
  });

  it('swallowed: the task catches CancelledError and suspends again', () => {
    const c = only([
      ...sleepingWorker(),
      ...cancelFromCallback(),
      { e: 'line', l: 5 },
      { e: 'suspend', task: 2, l: 6, on: { k: 'future', api: 'Event.wait', obj: 'Event#1' } },
    ]);
    expect(c).toMatchObject({ by: null, line: 30, requestStep: 3, requestT: 1, outcome: 'swallowed', endStep: 4 });
    expect(c?.delivered).toEqual({ step: 4, t: 1, line: 3 });
  });

  it('propagated: the task awaits its cleanup, then re-raises', () => {
    const c = only([
      ...sleepingWorker(),
      ...cancelFromCallback(),
      { e: 'suspend', task: 2, l: 6, on: { k: 'future', api: 'Event.wait', obj: 'Event#1' } },
      { e: 'done', task: 2, outcome: 'cancelled' },
    ]);
    expect(c?.outcome).toBe('propagated');
  });

  it('swallowed: the task returns normally', () => {
    const c = only([...sleepingWorker(), ...cancelFromCallback(), { e: 'done', task: 2, outcome: 'result', value: '1' }]);
    expect(c?.outcome).toBe('swallowed');
  });

  it('converted: asyncio.timeout uncancels and raises TimeoutError', () => {
    const c = only([
      ...sleepingWorker(),
      ...cancelFromCallback('timeout'),
      { e: 'uncancel', task: 2, via: 'timeout' },
      { e: 'done', task: 2, outcome: 'exception', exc: 'TimeoutError' },
    ]);
    expect(c).toMatchObject({ via: 'timeout', outcome: 'converted', endStep: 4 });
  });

  it('raised-other: the task turns it into another exception', () => {
    const c = only([
      ...sleepingWorker(),
      ...cancelFromCallback(),
      { e: 'done', task: 2, outcome: 'exception', exc: 'RuntimeError: shutting down' },
    ]);
    expect(c?.outcome).toBe('raised-other');
  });

  it('pending: delivered but the run ended first, or never delivered', () => {
    expect(only([...sleepingWorker(), ...cancelFromCallback(), { e: 'line', l: 5 }])).toMatchObject({
      outcome: 'pending',
      delivered: { step: 4 },
    });
    const undelivered = only([...sleepingWorker(), ...cancelFromCallback().slice(0, 5)]);
    expect(undelivered?.outcome).toBe('pending');
    expect(undelivered?.delivered).toBeUndefined();
    expect(undelivered?.endStep).toBeUndefined();
  });

  it('a task cancelled before it started gets CancelledError at its first step', () => {
    const c = only([
      { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 20 },
      { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 }, // step 1
      { e: 'task', id: 2, name: 'Task-2', coro: 'worker', by: 1, l: 21 },
      { e: 'sched', h: 2, on: { k: 'step', task: 2 } },
      { e: 'cancel', task: 2, by: 1, via: 'cancel()', l: 22, msg: "'bye'" },
      { e: 'suspend', task: 1, l: 23, on: { k: 'task', task: 2 } },
      { e: 'iter', n: 2, t: 0 },
      { e: 'run', h: 2, x: 'CancelledError' }, // step 2
      { e: 'done', task: 2, outcome: 'cancelled', exc: "CancelledError: 'bye'" },
    ]);
    expect(c).toMatchObject({ msg: "'bye'", delivered: { step: 2, t: 0, line: null }, outcome: 'propagated' });
  });

  it('several requests before one delivery share it', () => {
    const events: TraceEvent[] = [...sleepingWorker(), ...cancelFromCallback()];
    // A second request in the same callback step, right after the first.
    events.splice(sleepingWorker().length + 4, 0, { e: 'cancel', task: 2, by: null, via: 'cancel()', l: 31 });
    events.push({ e: 'done', task: 2, outcome: 'cancelled' });
    const list = cancellations(indexTrace(traceOf(events)));
    expect(list.map((c) => [c.line, c.delivered?.step, c.outcome])).toEqual([
      [30, 4, 'propagated'],
      [31, 4, 'propagated'],
    ]);
  });

  it('absorbed by the task it awaited: no delivery, and the task went on', () => {
    const events: TraceEvent[] = [
      { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 20 },
      { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 }, // step 1: main starts a child and awaits it
      { e: 'task', id: 2, name: 'Task-2', coro: 'child', by: 1, l: 21 },
      { e: 'sched', h: 2, on: { k: 'step', task: 2 } },
      { e: 'suspend', task: 1, l: 22, on: { k: 'task', task: 2 } },
      { e: 'iter', n: 2, t: 0 },
      { e: 'run', h: 2 }, // step 2: the child sleeps
      { e: 'sched', h: 3, on: { k: 'sleep', task: 2, delay: 5 }, when: 5 },
      { e: 'suspend', task: 2, l: 3, on: { k: 'sleep', until: 5, h: 3 } },
      { e: 'sched', h: 4, on: { k: 'call', fn: 'stopper' }, when: 1 },
      { e: 'iter', n: 3, t: 1, due: [4] },
      { e: 'run', h: 4 }, // step 3: a callback cancels main; main passes it down to the child
      { e: 'cancel', task: 1, by: null, via: 'cancel()', l: 30 },
      { e: 'cancel', task: 2, by: null, via: 'awaiter', l: null, cause: 1 },
      { e: 'sched', h: 5, on: { k: 'wakeup', task: 2 } },
      { e: 'iter', n: 4, t: 1 },
      { e: 'run', h: 5, x: 'CancelledError' }, // step 4: the child catches it and returns
      { e: 'unsched', h: 3 },
      { e: 'done', task: 2, outcome: 'result', value: "'ok'" },
      { e: 'sched', h: 6, on: { k: 'wakeup', task: 1 } },
      { e: 'iter', n: 5, t: 1 },
      { e: 'run', h: 6 }, // step 5: main resumes with the child's result, not cancelled
      { e: 'done', task: 1, outcome: 'result', value: 'None' },
    ];
    const list = cancellations(indexTrace(traceOf(events)));
    expect(list.map((c) => [c.target, c.via, c.cause, c.delivered?.step, c.outcome, c.endStep])).toEqual([
      [1, 'cancel()', undefined, undefined, 'swallowed', 5],
      [2, 'awaiter', 1, 4, 'swallowed', 4],
    ]);
  });

  it('a task that cancels itself and returns in the same step ends cancelled', () => {
    const c = only([
      { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 20 },
      { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 1 },
      { e: 'cancel', task: 1, by: 1, via: 'cancel()', l: 2 },
      { e: 'done', task: 1, outcome: 'cancelled' },
    ]);
    expect(c).toMatchObject({ outcome: 'propagated', endStep: 1 });
    expect(c?.delivered).toBeUndefined();
  });

  it('a TaskGroup cancelling its parent: the parent waiting for the other children decides nothing', () => {
    const c = only([
      ...sleepingWorker(),
      ...cancelFromCallback('TaskGroup'),
      { e: 'suspend', task: 2, l: 3, on: { k: 'future' } }, // __aexit__ waits for the other children
      { e: 'sched', h: 12, on: { k: 'wakeup', task: 2 } },
      { e: 'iter', n: 5, t: 1 },
      { e: 'run', h: 12 },
      { e: 'uncancel', task: 2, via: 'TaskGroup' },
      { e: 'done', task: 2, outcome: 'exception', exc: 'ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)' },
    ]);
    expect(c).toMatchObject({ via: 'TaskGroup', outcome: 'raised-other', endStep: 5 });
  });
});
