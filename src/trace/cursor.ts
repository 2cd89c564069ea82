/**
 * Moving through a trace: the cursor (a step, optionally a line inside it), stepping by loop step
 * or by line, and the lookups between steps, events and virtual time.
 *
 * Steps are numbered 0..stepCount: step 0 is "before the loop ran anything", step k ≥ 1 is the
 * k-th handle the loop ran. Positions are ordered by the events they cover: the lines of step k
 * come after the end of step k−1 and before the end of step k.
 */
import type { Seconds } from '../protocol/trace';
import { lineEventsOf } from './indexTrace';
import type { Cursor, StepInfo, TraceIndex } from './types';

/** The last step number (the number of handles the loop ran); cursors go from 0 to this. */
export function stepCount(index: TraceIndex): number {
  return index.steps.length;
}

/** A cursor that exists: step within 0..stepCount, line within the step's lines (dropped if it has none). */
export function clampCursor(index: TraceIndex, cursor: Cursor): Cursor {
  const step = clampInt(cursor.step, 0, stepCount(index));
  if (cursor.line === undefined) return { step };
  const lines = lineEventsOf(index, step).length;
  if (lines === 0) return { step };
  return { step, line: clampInt(cursor.line, 0, lines - 1) };
}

/**
 * The next cursor, or the same one at the end of the trace.
 * - by 'step': the end of the next step (from inside a step: the end of that step).
 * - by 'line': the next line of this step, else the first line of the next step (or that
 *   step's end, when it ran no line of the learner's code). The last line of the last step
 *   is followed by the end of the trace.
 */
export function nextCursor(index: TraceIndex, cursor: Cursor, by: 'step' | 'line'): Cursor {
  const c = clampCursor(index, cursor);
  const last = stepCount(index);
  if (by === 'step') {
    if (c.line !== undefined) return { step: c.step };
    return { step: Math.min(c.step + 1, last) };
  }
  if (c.line !== undefined && c.line + 1 < lineEventsOf(index, c.step).length) {
    return { step: c.step, line: c.line + 1 };
  }
  if (c.step >= last) return { step: last };
  return firstPositionOf(index, c.step + 1);
}

/**
 * The previous cursor, or the same one at the start.
 * - by 'step': the end of the previous step.
 * - by 'line': the previous line of this step (from a step's end: its last line), else the
 *   last line of the previous step (or its end, when it ran no line).
 */
export function prevCursor(index: TraceIndex, cursor: Cursor, by: 'step' | 'line'): Cursor {
  const c = clampCursor(index, cursor);
  if (by === 'step') {
    if (c.step === 0) return c;
    return { step: c.step - 1 };
  }
  if (c.line === undefined) {
    const lines = lineEventsOf(index, c.step).length;
    if (lines > 0) return { step: c.step, line: lines - 1 };
  } else if (c.line > 0) {
    return { step: c.step, line: c.line - 1 };
  }
  if (c.step === 0) return c;
  return lastPositionOf(index, c.step - 1);
}

function firstPositionOf(index: TraceIndex, step: number): Cursor {
  return lineEventsOf(index, step).length > 0 ? { step, line: 0 } : { step };
}

function lastPositionOf(index: TraceIndex, step: number): Cursor {
  const lines = lineEventsOf(index, step).length;
  return lines > 0 ? { step, line: lines - 1 } : { step };
}

/**
 * The step at whose cursor event `eventIndex` first shows: the step it is part of, or, for the
 * loop's bookkeeping between two steps (an `iter`, a `skip`), the step that follows.
 */
export function stepOfEvent(index: TraceIndex, eventIndex: number): number {
  if (eventIndex < index.internals.prologueEnd) return 0;
  // The first step whose end is past the event.
  const steps = index.steps;
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((steps[mid] as StepInfo).endEvent <= eventIndex) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo + 1, steps.length);
}

/** The last step that ran at or before virtual time `t` (0 when none did). */
export function stepAtTime(index: TraceIndex, t: Seconds): number {
  const steps = index.steps;
  if (!index.internals.timesSorted) {
    // A second event loop restarted the clock: the steps' times are not sorted, so search them all.
    for (let i = steps.length - 1; i >= 0; i--) if ((steps[i] as StepInfo).t <= t) return i + 1;
    return 0;
  }
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((steps[mid] as StepInfo).t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The virtual time a step ran at (0 for step 0): what the timeline and the timers panel plot. */
export function timeOfStep(index: TraceIndex, step: number): Seconds {
  if (step <= 0) return 0;
  return index.steps[Math.min(step, index.steps.length) - 1]?.t ?? 0;
}

function clampInt(value: number, lo: number, hi: number): number {
  if (!Number.isFinite(value)) return value > 0 ? hi : lo;
  return Math.max(lo, Math.min(hi, Math.floor(value)));
}
