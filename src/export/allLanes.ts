/**
 * The timeline on the page shows the lanes that fit its scrolling box, and past 200 tasks renders
 * only those (src/timeline/laneGeometry.ts's window). An exported picture of the timeline must hold
 * every lane, not the dozen the learner happened to have scrolled to: for the length of an export
 * the box is made as tall as all its lanes, so the timeline's own windowing renders them all
 * (it sizes its window from the box it measures), and the box is put back afterwards.
 *
 * Nothing in the timeline changes for this: it renders the lanes its box shows, as always.
 */

/** Every lane is this tall (src/timeline/laneGeometry.ts's LANE_HEIGHT, kept in step by the e2e test). */
const LANE_PX = 24;
/**
 * At most this many lanes go into one picture: 24,000 px of lanes, within what a browser can
 * draw on one canvas for the PNG (32,767 px a side), and a DOM the page renders in about a second.
 * A bigger run's export says how many lanes it left out.
 */
export const MAX_EXPORT_LANES = 1000;
/** How long to wait for the timeline to render its lanes before exporting what is there. */
const RENDER_TIMEOUT_MS = 5000;

/** What an export of lanes holds: `shown` of the run's `total` lanes. */
export interface LanesExported {
  readonly shown: number;
  readonly total: number;
}

/**
 * Run `exportNow` while every lane of the timelines inside `root` is rendered (at most
 * MAX_EXPORT_LANES of `totalLanes`), then put the page back as it was.
 */
export async function withAllLanes<T>(root: HTMLElement, totalLanes: number, exportNow: () => T | Promise<T>): Promise<{ readonly result: T; readonly lanes: LanesExported }> {
  const boxes = [...root.querySelectorAll<HTMLElement>('.timeline-scroll')];
  if (root.matches('.timeline-scroll')) boxes.push(root);
  const wanted = Math.min(totalLanes, MAX_EXPORT_LANES);
  const saved = boxes.map((box) => ({ box, style: box.getAttribute('style'), scrollTop: box.scrollTop }));
  try {
    for (const box of boxes) {
      const header = box.querySelector<HTMLElement>('.timeline-header-row');
      const headerHeight = header?.offsetHeight ?? 0;
      box.scrollTop = 0;
      box.style.setProperty('max-height', 'none');
      box.style.setProperty('height', `${headerHeight + wanted * LANE_PX}px`);
      box.style.setProperty('overflow', 'hidden');
    }
    const shown = await lanesRendered(boxes, wanted);
    // The picture ends with the last lane rendered (the window renders a few past the box).
    for (const box of boxes) {
      const header = box.querySelector<HTMLElement>('.timeline-header-row');
      box.style.setProperty('height', `${(header?.offsetHeight ?? 0) + Math.min(shown, totalLanes) * LANE_PX}px`);
    }
    const result = await exportNow();
    return { result, lanes: { shown: Math.min(shown, totalLanes), total: totalLanes } };
  } finally {
    for (const { box, style, scrollTop } of saved) {
      if (style === null) box.removeAttribute('style');
      else box.setAttribute('style', style);
      box.scrollTop = scrollTop;
    }
  }
}

/** Wait (frame by frame) until every box renders `wanted` lanes; the fewest rendered when it gives up. */
async function lanesRendered(boxes: readonly HTMLElement[], wanted: number): Promise<number> {
  const count = () => Math.min(...boxes.map((box) => box.querySelectorAll('.timeline-lane').length));
  if (boxes.length === 0) return 0;
  const deadline = performance.now() + RENDER_TIMEOUT_MS;
  // The box's new size reaches the timeline through a ResizeObserver, then React renders.
  while (count() < wanted && performance.now() < deadline) await nextFrame();
  return count();
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
