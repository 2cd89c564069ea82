import { describe, expect, it } from 'vitest';
import { viewStrings } from '../i18n/views';
import type { Cancellation } from '../trace/types';
import { cancellationPhase, cancellationWindow, cancellationWords } from './cancellationRows';

const base: Cancellation = {
  event: 10,
  target: 2,
  by: 1,
  via: 'cancel()',
  line: 7,
  requestStep: 4,
  requestT: 1,
  delivered: { step: 6, t: 1, line: 3 },
  outcome: 'propagated',
  endStep: 6,
};
const names = ['main', 'worker', 'sibling'];
const taskName = (id: number): string => names[id - 1] ?? `Task-${id}`;

describe('cancellationPhase', () => {
  it('follows the request, the delivery and the end', () => {
    const swallowed: Cancellation = { ...base, outcome: 'swallowed', endStep: 9 };
    expect([3, 4, 5, 6, 8, 9].map((s) => cancellationPhase(swallowed, s))).toEqual([
      'future',
      'requested',
      'requested',
      'delivered',
      'delivered',
      'settled',
    ]);
  });

  it('settles in the delivery step when the task ended there', () => {
    expect(cancellationPhase(base, 6)).toBe('settled');
  });

  it('stays requested when the CancelledError was never delivered', () => {
    const undelivered: Cancellation = {
      event: 10,
      target: 2,
      by: 1,
      via: 'cancel()',
      line: 7,
      requestStep: 4,
      requestT: 1,
      outcome: 'pending',
    };
    expect(cancellationPhase(undelivered, 100)).toBe('requested');
  });
});

describe('cancellationWords', () => {
  it('names requester, target, via and outcome', () => {
    const w = cancellationWords(base, taskName, viewStrings('en').cancellations);
    expect(w).toEqual({
      requester: 'main',
      target: 'worker',
      via: 'cancel()',
      outcome: 'propagated: the task ended cancelled',
    });
  });

  it('says a callback asked when no task did, and the loop when asyncio.run cleans up', () => {
    const text = viewStrings('en').cancellations;
    expect(cancellationWords({ ...base, by: null, via: 'timeout' }, taskName, text).requester).toBe('a callback');
    expect(cancellationWords({ ...base, by: null, via: 'runner' }, taskName, text).requester).toBe('the loop');
  });

  it('explains a TaskGroup abort by the child that failed, in both languages', () => {
    const c: Cancellation = { ...base, via: 'TaskGroup', cause: 3 };
    expect(cancellationWords(c, taskName, viewStrings('en').cancellations).cause).toBe(
      'the TaskGroup aborted because sibling failed',
    );
    expect(cancellationWords(c, taskName, viewStrings('zh').cancellations).cause).toContain('sibling');
  });

  it('explains a cancellation passed down to an awaited task', () => {
    const c: Cancellation = { ...base, via: 'awaiter', cause: 1 };
    const w = cancellationWords(c, taskName, viewStrings('en').cancellations);
    expect(w.via).toBe('passed down');
    expect(w.cause).toContain('main');
  });
});

describe('cancellationWindow', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => ({ requestStep: i * 2 }));

  it('draws every row of a short list', () => {
    expect(cancellationWindow(rows.slice(0, 40), 10_000)).toEqual({ start: 0, end: 40 });
  });

  it('starts at the top before the first request', () => {
    expect(cancellationWindow(rows, 0)).toEqual({ start: 0, end: 100 });
  });

  it('centres on the last request at or before the cursor', () => {
    // 501 requests at steps 0..1000 are asked by step 1000.
    expect(cancellationWindow(rows, 1000)).toEqual({ start: 451, end: 551 });
    expect(cancellationWindow(rows, 1001)).toEqual({ start: 451, end: 551 });
  });

  it('ends at the bottom at the end of the run', () => {
    expect(cancellationWindow(rows, 99_999)).toEqual({ start: 900, end: 1000 });
  });
});
