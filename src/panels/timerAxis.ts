/**
 * The timers panel's time axis, as pure functions: the span of time to show, where the clock
 * was in the steps before (its trail), and how to stack timer markers that would overlap.
 */
import type { Seconds } from '../protocol/trace';

/** The clock at a step: 0 at step 0, then the virtual time each step ran at (never decreasing). */
export type TimeOfStep = (step: number) => Seconds;

/**
 * The last few distinct clock readings before the one at `step`, most recent first. The clock
 * never goes back, so each earlier reading is one binary search away, even in a 100k-step run.
 */
export function clockTrail(timeOfStep: TimeOfStep, step: number, max = 3): Seconds[] {
  const trail: Seconds[] = [];
  let now = timeOfStep(step);
  let upper = step; // steps [0, upper) are before the clock reached `now`
  while (trail.length < max) {
    // The last step before `upper` whose clock read less than `now`.
    let lo = 0;
    let hi = upper;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (timeOfStep(mid) < now) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) break;
    now = timeOfStep(lo - 1);
    trail.push(now);
    upper = lo - 1;
  }
  return trail;
}

/** The clock jump into `step`: where it was in the step before and where it is now, if it moved. */
export function clockJump(timeOfStep: TimeOfStep, step: number): { readonly from: Seconds; readonly to: Seconds } | null {
  if (step <= 0) return null;
  const from = timeOfStep(step - 1);
  const to = timeOfStep(step);
  return to > from ? { from, to } : null;
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
