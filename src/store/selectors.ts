/**
 * Derived state: computed from the trace index and the cursor, never stored. Memoised on the
 * identity of their inputs, so many components can ask for the same state at a step and only
 * the first pays for it.
 */
import { consoleLines, findings, stateAt, stepCount } from '../trace';
import type { Finding } from '../trace/findings/types';
import type { ConsoleLine, Cursor, LoopState, TraceIndex } from '../trace/types';
import type { AppStatus, LoopscopeState } from './types';
import { PANE_TURNS, type PaneTurn } from './scrubPace';

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

/**
 * The cursor a group of heavy panes shows: the cursor, except during a scrub, where it is what
 * the group last caught up with (playbackSlice.ts). A scrub of another run than the one shown
 * counts for nothing.
 */
export function selectShownCursor(s: LoopscopeState, pane: PaneTurn): Cursor {
  const scrub = s.scrub;
  return scrub !== null && scrub.index === s.index ? scrub.panes[pane] : s.cursor;
}

const shownCursorSelectors = Object.fromEntries(PANE_TURNS.map((pane) => [pane, (s: LoopscopeState) => selectShownCursor(s, pane)])) as Record<
  PaneTurn,
  (s: LoopscopeState) => Cursor
>;

/** selectShownCursor for one group, as a selector of its own (the same function each time, for useLoopscope). */
export function shownCursorOf(pane: PaneTurn): (s: LoopscopeState) => Cursor {
  return shownCursorSelectors[pane];
}

/** True while the learner scrubs (`data-scrubbing` on the controls, for tests and the bench). */
export function selectScrubbing(s: LoopscopeState): boolean {
  return s.scrub !== null && s.scrub.index === s.index;
}

/** True when the editor text differs from the program the trace came from. */
export function selectTraceIsStale(s: LoopscopeState): boolean {
  return s.ranSource !== null && s.ranSource !== s.source;
}

/**
 * The loop's state at a cursor. Every view asks for the same cursor: stateAt keeps the last few
 * states of each trace index (in a WeakMap on the index), so only the first pays, and two stores
 * never share or evict each other's entries, which a module-level memo here did.
 */
export function loopStateAt(index: TraceIndex, cursor: Cursor): LoopState {
  return stateAt(index, cursor);
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

/**
 * The pitfalls found in the run (the Problems list, the timeline's markers, the editor's
 * squiggles and quick fixes): computed once per trace, the first time a view asks (findings
 * keeps its answer in a WeakMap on the index, so two stores never share it).
 */
export function allFindings(index: TraceIndex): readonly Finding[] {
  return findings(index);
}

/** The finding chosen in the Problems list or on the timeline (its place in allFindings), if it is of the shown run. */
export function selectChosenFinding(s: LoopscopeState): number | null {
  const chosen = s.chosenFinding;
  return chosen !== null && chosen.index === s.index ? chosen.at : null;
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
