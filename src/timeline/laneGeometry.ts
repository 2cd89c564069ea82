/**
 * Where the timeline draws things, in pixels, as pure functions: which lanes are on screen,
 * the rectangles of a lane's state segments, and the parent → child connectors.
 *
 * Kept free of React and the DOM so the arithmetic is tested in Vitest, and so a run with
 * 100k tasks or 100k steps only ever turns into as many shapes as there are pixels to show.
 */
import type { TaskState } from '../trace/types';

/** Every lane is the same height, so the lane under a scroll offset is one division away. */
export const LANE_HEIGHT = 24;
/** The coloured bar inside a lane; the gap around it separates neighbouring lanes. */
export const BAR_HEIGHT = 14;
/** Narrower than this, a segment is widened so it stays visible (a step takes no virtual time). */
export const MIN_SEGMENT_PX = 2;
/** Up to this many lanes we render them all (simple DOM, every lane findable); above, only the visible ones. */
export const VIRTUALISE_ABOVE = 200;

/** A window of lanes [first, end) to render. */
export interface LaneWindow {
  readonly first: number;
  readonly end: number;
}

/** The lanes a scroll container shows, plus `overscan` lanes each side so fast scrolling does not flash. */
export function visibleLanes(
  scrollTop: number,
  viewportHeight: number,
  laneCount: number,
  overscan = 6,
): LaneWindow {
  if (laneCount <= VIRTUALISE_ABOVE) return { first: 0, end: laneCount };
  const first = Math.max(0, Math.floor(scrollTop / LANE_HEIGHT) - overscan);
  const end = Math.min(laneCount, Math.ceil((scrollTop + Math.max(0, viewportHeight)) / LANE_HEIGHT) + overscan);
  return { first, end: Math.max(first, end) };
}

/** The vertical middle of lane `row` (0-based), measured from the top of all lanes. */
export function laneCenterY(row: number): number {
  return row * LANE_HEIGHT + LANE_HEIGHT / 2;
}

/** One rectangle to draw: a segment, or several sub-pixel segments merged into one. */
export interface SegmentRect<S> {
  readonly x: number;
  readonly width: number;
  readonly state: TaskState;
  /** The first segment it stands for (its tooltip). */
  readonly segment: S;
  /** How many segments it stands for (1 unless merged). */
  readonly count: number;
}

/**
 * When segments thinner than a pixel are merged, the one the learner most needs to see wins:
 * the task ran here, or ended here, before it merely waited.
 */
const DRAW_PRIORITY: Readonly<Record<TaskState, number>> = {
  running: 6,
  failed: 5,
  cancelled: 4,
  ready: 3,
  waiting: 2,
  done: 1,
};

/**
 * The rectangles for one lane's segments, in order. `span` gives a segment's [start, end] in
 * pixels and must grow with the segment's position (segments come in time order). Segments
 * outside [0, width] are skipped (found by binary search); runs of segments thinner than
 * MIN_SEGMENT_PX that fall on the same pixels are merged, so the output is at most a few
 * rectangles per pixel of width however long the run.
 */
export function segmentRects<S extends { readonly state: TaskState }>(
  segments: readonly S[],
  span: (segment: S) => readonly [number, number],
  width: number,
): SegmentRect<S>[] {
  const rects: SegmentRect<S>[] = [];
  let i = firstEndingAfter(segments, span, 0);
  for (; i < segments.length; i++) {
    const segment = segments[i] as S;
    const [start, end] = span(segment);
    if (start > width) break;
    const x = Math.max(-1, start);
    const right = Math.max(Math.min(width + 1, end), x + MIN_SEGMENT_PX);
    const last = rects[rects.length - 1];
    const thin = end - start < MIN_SEGMENT_PX;
    if (last !== undefined && thin && x < last.x + last.width) {
      // Sub-pixel segment on top of the previous rectangle: fold it in rather than overdraw.
      const state = DRAW_PRIORITY[segment.state] > DRAW_PRIORITY[last.state] ? segment.state : last.state;
      const lastRight = Math.max(last.x + last.width, right);
      rects[rects.length - 1] = { ...last, state, width: lastRight - last.x, count: last.count + 1 };
    } else {
      rects.push({ x, width: right - x, state: segment.state, segment, count: 1 });
    }
  }
  return rects;
}

/** Index of the first segment whose end is at or past `px` (segments are in time order). */
function firstEndingAfter<S>(segments: readonly S[], span: (segment: S) => readonly [number, number], px: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (span(segments[mid] as S)[1] < px) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The connector from a parent's lane, at the point it created the child, down (or up) to the
 * child's lane and along to where the child's lane starts: an elbow, so it reads as "spawned".
 */
export function linkPath(fromX: number, fromY: number, toX: number, toY: number): string {
  return `M${round(fromX)},${round(fromY)}V${round(toY)}H${round(toX)}`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
