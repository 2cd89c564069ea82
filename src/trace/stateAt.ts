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

/** The state after the first `count` events of the trace. */
export function stateAfterEvents(index: TraceIndex, count: number): LoopState {
  const events = index.trace.events;
  const end = Math.max(0, Math.min(events.length, Math.floor(count)));
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
