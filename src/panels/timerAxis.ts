/**
 * The timers panel's time axis, as pure functions: the span of time to show, where the clock
 * stood in the steps before (its trail), and how to stack timer markers that would overlap.
 */
import type { Seconds } from '../protocol/trace';

/** The clock at a step: 0 at step 0, then the virtual time each step ran at. */
export type TimeOfStep = (step: number) => Seconds;

/** A step at which the clock read differently from the step before (step 0 always counts). */
export interface ClockChange {
  readonly step: number;
  readonly t: Seconds;
}

/**
 * Every change of the clock over the run, in step order: built once per run, so the trail and
 * the jump at any step are a binary search away. Usually the clock only moves forward, but a
 * second event loop (asyncio.run called twice) starts it again from 0; that counts as a change.
 */
export function clockChanges(timeOfStep: TimeOfStep, stepCount: number): ClockChange[] {
  const changes: ClockChange[] = [{ step: 0, t: timeOfStep(0) }];
  for (let step = 1; step <= stepCount; step++) {
    const t = timeOfStep(step);
    if (t !== (changes[changes.length - 1] as ClockChange).t) changes.push({ step, t });
  }
  return changes;
}

/** Index of the last change at or before `step`. */
function changeAt(changes: readonly ClockChange[], step: number): number {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((changes[mid] as ClockChange).step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The last few clock readings before the one at `step`, most recent first. */
export function clockTrail(changes: readonly ClockChange[], step: number, max = 3): Seconds[] {
  const at = changeAt(changes, step);
  const trail: Seconds[] = [];
  for (let i = at - 1; i >= 0 && trail.length < max; i--) trail.push((changes[i] as ClockChange).t);
  return trail;
}

/** The clock jump into `step`: where it stood in the step before and where it is now, if it moved. */
export function clockJump(
  changes: readonly ClockChange[],
  step: number,
): { readonly from: Seconds; readonly to: Seconds } | null {
  const at = changeAt(changes, step);
  const here = changes[at];
  const before = changes[at - 1];
  return here !== undefined && before !== undefined && here.step === step ? { from: before.t, to: here.t } : null;
}

/**
 * The seconds the axis spans: the clock, its trail and every pending deadline, padded a little
 * so markers at the ends are not cut in half. At least one second wide so a lone `now` has room.
 */
export function timerDomain(now: Seconds, trail: readonly Seconds[], deadlines: readonly Seconds[]): readonly [Seconds, Seconds] {
  let lo = now;
  let hi = now;
  for (const t of trail) lo = Math.min(lo, t);
  for (const t of deadlines) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  if (hi - lo < 1) hi = lo + 1;
  const pad = (hi - lo) * 0.06;
  return [Math.max(0, lo - pad), hi + pad];
}

/**
 * A row for each marker (0 = nearest the axis) so that markers closer than `gap` pixels do not
 * sit on each other. `xs` is in firing order; the same deadline stacks upward. Rows are capped at
 * `maxRows`: past that, markers overlap in the top row rather than growing the panel.
 */
export function markerRows(xs: readonly number[], gap: number, maxRows = 4): number[] {
  const rowEnds: number[] = [];
  return xs.map((x) => {
    let row = rowEnds.findIndex((end) => x - end >= gap);
    if (row === -1) row = rowEnds.length < maxRows ? rowEnds.length : maxRows - 1;
    rowEnds[row] = x;
    return row;
  });
}

/** Timers drawn as one marker: `count` of them from `first` on, in firing order. */
export interface MarkerGroup {
  /** Index (in firing order) of the group's first timer: its marker stands at that timer's x. */
  readonly first: number;
  readonly count: number;
  readonly x: number;
}

/**
 * Timers whose markers would sit within `mergePx` of each other, drawn as one marker with a
 * count: a thousand tasks sleeping until the same moment are one dot marked ×1000, not a
 * thousand dots on top of each other (and as many SVG elements to redraw at every step).
 * `xs` is in firing order, so it never decreases and each group is a run of neighbours.
 */
export function markerGroups(xs: readonly number[], mergePx: number): MarkerGroup[] {
  const groups: MarkerGroup[] = [];
  let first = 0;
  for (let i = 1; i <= xs.length; i++) {
    const x0 = xs[first] as number;
    if (i === xs.length || (xs[i] as number) - x0 > mergePx) {
      groups.push({ first, count: i - first, x: x0 });
      first = i;
    }
  }
  return groups;
}
