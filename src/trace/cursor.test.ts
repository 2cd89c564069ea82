import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../protocol/trace';
import { clampCursor, nextCursor, prevCursor, stepAtTime, stepCount, stepOfEvent, timeOfStep } from './cursor';
import { sleepOneSecond } from './fixtures/sleepOneSecond';
import { traceOf } from './fixtures/traceOf';
import { indexTrace } from './indexTrace';
import type { Cursor } from './types';

// Steps: 0 (top-level lines 1, 3, 8), 1 (lines 4, 5), 2 (timer, no line), 3 (line 6), 4 (callback, no line).
const index = indexTrace(sleepOneSecond());

function walk(from: Cursor, move: (c: Cursor) => Cursor): Cursor[] {
  const seen: Cursor[] = [from];
  for (let c = move(from); JSON.stringify(c) !== JSON.stringify(seen[seen.length - 1]); c = move(c)) seen.push(c);
  return seen;
}

describe('cursor', () => {
  it('counts steps 0..stepCount', () => {
    expect(stepCount(index)).toBe(4);
    expect(stepCount(indexTrace(traceOf([])))).toBe(0);
  });

  it('clamps to a cursor that exists', () => {
    expect(clampCursor(index, { step: 7 })).toEqual({ step: 4 });
    expect(clampCursor(index, { step: -1 })).toEqual({ step: 0 });
    expect(clampCursor(index, { step: 1.7 })).toEqual({ step: 1 });
    expect(clampCursor(index, { step: Number.NaN })).toEqual({ step: 0 });
    expect(clampCursor(index, { step: 1, line: 5 })).toEqual({ step: 1, line: 1 });
    expect(clampCursor(index, { step: 2, line: 0 })).toEqual({ step: 2 }); // a timer step runs no line
  });

  it('steps forward and back by loop step, stopping at the ends', () => {
    expect(walk({ step: 0 }, (c) => nextCursor(index, c, 'step'))).toEqual([0, 1, 2, 3, 4].map((step) => ({ step })));
    expect(walk({ step: 4 }, (c) => prevCursor(index, c, 'step'))).toEqual([4, 3, 2, 1, 0].map((step) => ({ step })));
    // From inside a step: forward finishes that step, back goes to before it.
    expect(nextCursor(index, { step: 1, line: 0 }, 'step')).toEqual({ step: 1 });
    expect(prevCursor(index, { step: 1, line: 1 }, 'step')).toEqual({ step: 0 });
  });

  it('steps by line through each step’s lines, visiting steps without lines at their end', () => {
    const forward = walk({ step: 0, line: 0 }, (c) => nextCursor(index, c, 'line'));
    expect(forward).toEqual([
      { step: 0, line: 0 },
      { step: 0, line: 1 },
      { step: 0, line: 2 },
      { step: 1, line: 0 },
      { step: 1, line: 1 },
      { step: 2 },
      { step: 3, line: 0 },
      { step: 4 },
    ]);
    const back = walk({ step: 4 }, (c) => prevCursor(index, c, 'line'));
    expect(back).toEqual([...forward].reverse());
  });

  it('by line from a step’s end: back to its last line, forward into the next step', () => {
    expect(prevCursor(index, { step: 1 }, 'line')).toEqual({ step: 1, line: 1 });
    expect(nextCursor(index, { step: 1 }, 'line')).toEqual({ step: 2 });
    expect(nextCursor(index, { step: 0 }, 'line')).toEqual({ step: 1, line: 0 });
  });

  it('maps events to the step where they first show', () => {
    const steps = [0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 16, 17, 22, 23, 24, 99].map((i) => stepOfEvent(index, i));
    //            prologue 0..5   iter6→1  run7  12   iter13→2 14  iter16→3 17  iter22→4 23 24 past the end
    expect(steps).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4]);
  });

  it('finds the last step that ran at or before a time', () => {
    expect(stepAtTime(index, -1)).toBe(0);
    expect(stepAtTime(index, 0)).toBe(1);
    expect(stepAtTime(index, 0.999)).toBe(1);
    expect(stepAtTime(index, 1)).toBe(4);
    expect(stepAtTime(index, 50)).toBe(4);
    expect([0, 1, 2, 3, 4].map((s) => timeOfStep(index, s))).toEqual([0, 0, 1, 1, 1]);
  });

  it('searches every step when a second loop restarted the clock', () => {
    const events: TraceEvent[] = [
      { e: 'sched', h: 1, on: { k: 'call', fn: 'a' }, when: 5 },
      { e: 'iter', n: 1, t: 5, due: [1] },
      { e: 'run', h: 1 },
      { e: 'loop', n: 1, open: false },
      { e: 'sched', h: 2, on: { k: 'call', fn: 'b' } },
      { e: 'iter', n: 1, t: 0 },
      { e: 'run', h: 2 },
    ];
    const twoLoops = indexTrace(traceOf(events));
    expect(stepAtTime(twoLoops, 1)).toBe(2);
    expect(stepAtTime(twoLoops, 6)).toBe(2);
    expect(stepAtTime(twoLoops, -1)).toBe(0);
  });
});
