/**
 * The timeline's x axis, as pure functions: which axis to start on, the scale for a plot width
 * and zoom, and the way back from a pixel to the step a click means.
 *
 * Two axes:
 * - the step axis counts loop steps. Step s fills the band [s, s+1) so every step, even one
 *   that took no virtual time, gets room; step 0 ("before the loop ran anything") is [0, 1).
 * - the time axis is the loop's virtual clock in seconds. Steps at the same `t` pile up on it.
 */
import { scaleLinear, zoomIdentity, type ScaleLinear } from 'd3';
import type { Seconds } from '../protocol/trace';

export type XAxisKind = 'step' | 'time';

/** The zoom the user applied on top of the base scale (d3-zoom's x translate and scale k). */
export interface XZoom {
  readonly k: number;
  readonly x: number;
}

export const NO_ZOOM: XZoom = { k: 1, x: 0 };

/** Pixels between the plot's edges and the start / end of the run. */
export const PLOT_PAD = 8;

/** How many pixel-wide buckets we split the time axis into when judging if steps are bunched. */
const BUNCH_BUCKETS = 200;

/**
 * Start on the time axis only when it says something the step axis cannot: the clock moved,
 * and the steps spread over it. When most steps land on a handful of instants (the usual
 * asyncio demo: a burst at t=0, a burst after each sleep), the time axis draws them on top of
 * each other and the step axis is the clearer one.
 */
export function defaultXAxis(stepTimes: readonly Seconds[], endTime: Seconds): XAxisKind {
  if (!(endTime > 0) || stepTimes.length === 0) return 'step';
  const buckets = new Set<number>();
  for (const t of stepTimes) buckets.add(Math.min(BUNCH_BUCKETS - 1, Math.floor((t / endTime) * BUNCH_BUCKETS)));
  // Bunched: fewer distinct instants than half the steps.
  return buckets.size * 2 < stepTimes.length ? 'step' : 'time';
}

/** The un-zoomed domain: every step band, or the run's whole virtual time (1 s when it is 0). */
export function xDomain(axis: XAxisKind, stepCount: number, endTime: Seconds): readonly [number, number] {
  return axis === 'step' ? [0, stepCount + 1] : [0, endTime > 0 ? endTime : 1];
}

/** The x scale for a plot `width` pixels wide, with the user's zoom applied. */
export function makeXScale(
  axis: XAxisKind,
  stepCount: number,
  endTime: Seconds,
  width: number,
  zoom: XZoom = NO_ZOOM,
): ScaleLinear<number, number> {
  const base = scaleLinear()
    .domain(xDomain(axis, stepCount, endTime))
    // A few pixels in from each edge, so the playhead at the first or last step stays visible.
    .range([PLOT_PAD, Math.max(PLOT_PAD + 1, width - PLOT_PAD)]);
  return zoomIdentity.translate(zoom.x, 0).scale(zoom.k).rescaleX(base);
}

/** The x position, in domain units, where a step starts: its band on the step axis, its time otherwise. */
export function stepStart(axis: XAxisKind, step: number, timeOfStep: (step: number) => Seconds): number {
  return axis === 'step' ? step : timeOfStep(step);
}

/** Where the playhead stands for a step: mid-band on the step axis, at the step's time otherwise. */
export function playheadX(
  axis: XAxisKind,
  step: number,
  scale: ScaleLinear<number, number>,
  timeOfStep: (step: number) => Seconds,
): number {
  return axis === 'step' ? scale(step + 0.5) : scale(timeOfStep(step));
}

/**
 * The step a click at pixel `px` means. On the step axis, the band under the pointer; on the
 * time axis, the trace's own answer for that instant (stepAtTime). Always within 0..stepCount.
 */
export function stepAtX(
  px: number,
  scale: ScaleLinear<number, number>,
  axis: XAxisKind,
  stepCount: number,
  stepAtTime: (t: Seconds) => number,
): number {
  const v = scale.invert(px);
  const step = axis === 'step' ? Math.floor(v) : stepAtTime(Math.max(0, v));
  return Math.min(stepCount, Math.max(0, step));
}

/** The fewest step bands, or the shortest span of virtual time, the user may zoom in to. */
const MIN_VISIBLE_STEPS = 4;
const MIN_VISIBLE_SECONDS = 0.01;

/**
 * How far in the user may zoom: until the plot shows MIN_VISIBLE_STEPS steps (or
 * MIN_VISIBLE_SECONDS), and never less than 1×. Independent of width: a zoom factor is a ratio.
 */
export function maxZoom(axis: XAxisKind, stepCount: number, endTime: Seconds): number {
  const [lo, hi] = xDomain(axis, stepCount, endTime);
  const smallest = axis === 'step' ? MIN_VISIBLE_STEPS : MIN_VISIBLE_SECONDS;
  return Math.max(1, (hi - lo) / smallest);
}

/**
 * A lane segment's extent in domain units on an axis: the step bands it covers, [fromStep,
 * toStep) as taskLanes defines them, or its virtual-time interval. A finished task's last
 * segment has zero width here; the geometry widens it to stay visible.
 */
export function segmentSpan(
  segment: { readonly fromStep: number; readonly toStep: number; readonly fromT: Seconds; readonly toT: Seconds },
  axis: XAxisKind,
): readonly [number, number] {
  return axis === 'step' ? [segment.fromStep, segment.toStep] : [segment.fromT, segment.toT];
}
