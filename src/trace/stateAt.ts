/**
 * stateAt: the loop's state at a cursor, from the nearest keyframe at or before it plus the
 * events since (at most one keyframe gap), so any step of a 100k-step trace is as quick as the
 * first.
 */
import { clampCursor } from './cursor';
import { lineEventsOf, stepEnd } from './indexTrace';
import { LoopReplay, type Keyframe } from './replay';
import type { Cursor, LoopState, TraceIndex } from './types';

/**
 * The state after every event through the end of step `cursor.step`; with `cursor.line`, through
 * that step's line event `lineEvents[cursor.line]` instead (the step's task is then running).
 */
export function stateAt(index: TraceIndex, cursor: Cursor): LoopState {
  return stateAfterEvents(index, eventPosition(index, cursor));
}

/** How many events a cursor covers: the position stateAt replays to. */
export function eventPosition(index: TraceIndex, cursor: Cursor): number {
  const c = clampCursor(index, cursor);
  if (c.line !== undefined) {
    const lineEvent = lineEventsOf(index, c.step)[c.line];
    if (lineEvent !== undefined) return lineEvent + 1;
  }
  return stepEnd(index, c.step);
}

/**
 * The last few states asked for, per index: one step of the UI asks for the state at the cursor
 * and (narration) the step before it, which is the cursor it came from. A state is immutable, so
 * they share it; with 100k tasks each costs a copy of the keyframe plus a replay.
 */
const RECENT_STATES = 4;
const recent = new WeakMap<TraceIndex, LoopState[]>();

/** The state after the first `count` events of the trace. */
export function stateAfterEvents(index: TraceIndex, count: number): LoopState {
  const end = Math.max(0, Math.min(index.trace.events.length, Math.floor(count)));
  let states = recent.get(index);
  if (states === undefined) {
    states = [];
    recent.set(index, states);
  }
  const known = states.findIndex((s) => s.eventCount === end);
  if (known >= 0) {
    const state = states[known] as LoopState;
    states.splice(known, 1);
    states.push(state);
    return state;
  }
  const state = replayTo(index, end);
  states.push(state);
  if (states.length > RECENT_STATES) states.shift();
  return state;
}

function replayTo(index: TraceIndex, end: number): LoopState {
  const events = index.trace.events;
  const keyframe = keyframeAtOrBefore(index.internals.keyframes, end);
  const replay = new LoopReplay(index.internals.handles, keyframe);
  for (let i = keyframe?.at ?? 0; i < end; i++) {
    const e = events[i];
    if (e !== undefined) replay.apply(e, i);
  }
  return replay.toLoopState(index.steps, end);
}

function keyframeAtOrBefore(keyframes: readonly Keyframe[], position: number): Keyframe | undefined {
  let lo = 0;
  let hi = keyframes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keyframes[mid] as Keyframe).at <= position) lo = mid + 1;
    else hi = mid;
  }
  return keyframes[lo - 1];
}
