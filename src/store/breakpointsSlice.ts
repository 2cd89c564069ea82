/**
 * The breakpoints the learner set (lines of the program, events of the loop) and the moves that
 * run to them: forward to the next hit, back to the previous one (the run is recorded, so going
 * back is as cheap as going forward, as in rr). Where it stopped and why is kept with the trace
 * and the cursor it was said at, so any other move makes the note go away without anyone
 * clearing it (selectBreakStop).
 */
import { eventBreakpointKey, nextHit, previousHit, type EventBreakpoint, type HitReason } from '../trace';
import type { Cursor, TraceIndex } from '../trace/types';
import type { GetState, LoopscopeState, SetState } from './types';

export type HitDirection = 'forward' | 'back';

/** What the last run-to-hit found: a hit (and every breakpoint that holds there) or none. */
export type BreakStop =
  | { readonly kind: 'hit'; readonly reasons: readonly HitReason[]; readonly index: TraceIndex; readonly at: Cursor }
  | { readonly kind: 'no-hit'; readonly direction: HitDirection; readonly index: TraceIndex; readonly at: Cursor };

export interface BreakpointsSlice {
  /** Line breakpoints: 1-based lines of the editor's text, ascending, each once. */
  readonly breakpointLines: readonly number[];
  readonly eventBreakpoints: readonly EventBreakpoint[];
  readonly breakStop: BreakStop | null;
  readonly toggleBreakpoint: (line: number) => void;
  /** The lines after an edit moved them (the editor tracks them as the text changes). */
  readonly setBreakpointLines: (lines: readonly number[]) => void;
  readonly toggleEventBreakpoint: (bp: EventBreakpoint) => void;
  /** Set this time breakpoint's `t` (replacing any other time breakpoint), or none (null). */
  readonly setTimeBreakpoint: (t: number | null) => void;
  readonly setBreakpoints: (lines: readonly number[], events: readonly EventBreakpoint[]) => void;
  readonly runToHit: (direction: HitDirection) => void;
}

/** Whole lines from 1, ascending, each once. */
export function normalLines(lines: readonly number[]): number[] {
  return [...new Set(lines.filter((l) => Number.isSafeInteger(l) && l >= 1))].sort((a, b) => a - b);
}

function sameCursor(a: Cursor, b: Cursor): boolean {
  return a.step === b.step && (a.line ?? -1) === (b.line ?? -1);
}

export function createBreakpointsSlice(set: SetState, get: GetState): BreakpointsSlice {
  return {
    breakpointLines: [],
    eventBreakpoints: [],
    breakStop: null,
    toggleBreakpoint(line) {
      const lines = get().breakpointLines;
      set({ breakpointLines: lines.includes(line) ? lines.filter((l) => l !== line) : normalLines([...lines, line]) });
    },
    setBreakpointLines(lines) {
      const next = normalLines(lines);
      const now = get().breakpointLines;
      if (next.length !== now.length || next.some((l, i) => l !== now[i])) set({ breakpointLines: next });
    },
    toggleEventBreakpoint(bp) {
      const key = eventBreakpointKey(bp);
      const events = get().eventBreakpoints;
      const has = events.some((e) => eventBreakpointKey(e) === key);
      set({ eventBreakpoints: has ? events.filter((e) => eventBreakpointKey(e) !== key) : [...events, bp] });
    },
    setTimeBreakpoint(t) {
      const others = get().eventBreakpoints.filter((e) => e.kind !== 'time-reached');
      const valid = t !== null && Number.isFinite(t) && t >= 0;
      set({ eventBreakpoints: valid ? [...others, { kind: 'time-reached', t }] : others });
    },
    setBreakpoints(lines, events) {
      const seen = new Set<string>();
      const unique = events.filter((e) => !seen.has(eventBreakpointKey(e)) && seen.add(eventBreakpointKey(e)));
      set({ breakpointLines: normalLines(lines), eventBreakpoints: unique });
    },
    runToHit(direction) {
      const { index, cursor, breakpointLines, eventBreakpoints } = get();
      if (index === null) return;
      const breakpoints = { lines: breakpointLines, events: eventBreakpoints };
      const hit = direction === 'forward' ? nextHit(index, breakpoints, cursor) : previousHit(index, breakpoints, cursor);
      if (hit === null) {
        // The position stays: the note says why nothing moved.
        get().pause();
        set({ breakStop: { kind: 'no-hit', direction, index, at: cursor } });
        return;
      }
      get().seek(hit.cursor);
      set({ breakStop: { kind: 'hit', reasons: hit.reasons, index, at: get().cursor } });
    },
  };
}

/** The note of the last run-to-hit, while the trace and the cursor are still the ones it was said at. */
export function selectBreakStop(s: LoopscopeState): BreakStop | null {
  const stop = s.breakStop;
  return stop !== null && stop.index === s.index && sameCursor(stop.at, s.cursor) ? stop : null;
}
