/**
 * Derived state: computed from the trace index and the cursor, never stored. Memoised on the
 * identity of their inputs, so many components can ask for the same state at a step and only
 * the first pays for it.
 */
import { consoleLines, stateAt, stepCount } from '../trace';
import type { ConsoleLine, Cursor, LoopState, TraceIndex } from '../trace/types';
import type { AppStatus, LoopscopeState } from './types';

export function selectStatus(s: LoopscopeState): AppStatus {
  switch (s.phase) {
    case 'running':
    case 'done':
    case 'error':
      return s.phase;
    case 'idle':
      if (s.engineStatus === 'failed') return 'error';
      return s.engineStatus;
  }
}

export function selectTotalSteps(s: LoopscopeState): number {
  return s.index ? stepCount(s.index) : 0;
}

/** True when the editor text differs from the program the trace came from. */
export function selectTraceIsStale(s: LoopscopeState): boolean {
  return s.ranSource !== null && s.ranSource !== s.source;
}

let lastState: { index: TraceIndex; step: number; line: number | undefined; state: LoopState } | null = null;

/** The loop's state at a cursor (one-entry memo: the views all ask for the same cursor). */
export function loopStateAt(index: TraceIndex, cursor: Cursor): LoopState {
  if (lastState && lastState.index === index && lastState.step === cursor.step && lastState.line === cursor.line) {
    return lastState.state;
  }
  const state = stateAt(index, cursor);
  lastState = { index, step: cursor.step, line: cursor.line, state };
  return state;
}

const consoleCache = new WeakMap<TraceIndex, readonly ConsoleLine[]>();

/** Every console line of the run, each with the step that printed it. */
export function allConsoleLines(index: TraceIndex): readonly ConsoleLine[] {
  let lines = consoleCache.get(index);
  if (!lines) {
    lines = consoleLines(index);
    consoleCache.set(index, lines);
  }
  return lines;
}

/** How many console lines were printed by the end of `step` (lines are in step order): binary search. */
export function printedBy(lines: readonly ConsoleLine[], step: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const line = lines[mid];
    if (line && line.step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
