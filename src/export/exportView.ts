/**
 * The exports themselves: which element each one films, and its file name. The timeline and
 * the whole event-loop pane, as SVG (standalone) or PNG (at the device's pixel ratio); the
 * trace as the JSON `loopscope trace` writes.
 */
import type { Trace } from '../protocol/trace';
import { withAllLanes, type LanesExported } from './allLanes';
import { downloadBlob, downloadText } from './download';
import { viewToPng } from './rasterize';
import { serializeView } from './serializeView';
import { traceFileText } from './traceFile';

export type ViewName = 'timeline' | 'pane';
export type ImageFormat = 'svg' | 'png';

/** Where each view is on the page. */
export function viewElement(view: ViewName): HTMLElement | null {
  switch (view) {
    case 'timeline':
      return document.querySelector<HTMLElement>('[data-testid="timeline"]');
    case 'pane':
      return document.querySelector<HTMLElement>('.machine-pane');
  }
}

/**
 * Download a view, with every lane of its timeline (up to MAX_EXPORT_LANES of the run's
 * `totalLanes`): what it holds of them, or null when the view is not on the page.
 */
export async function exportView(view: ViewName, format: ImageFormat, step: number, totalLanes: number): Promise<LanesExported | null> {
  const el = viewElement(view);
  if (el === null) return null;
  // Scrolled parts are shown whole (a picture has no scroll bar): the pane's scrolling part, the
  // timeline's lanes.
  const { result: serialized, lanes } = await withAllLanes(el, totalLanes, () => serializeView(el, { unscroll: true }));
  const name = `loopscope-${view}-step${step}.${format}`;
  if (format === 'svg') downloadText(serialized.svg, 'image/svg+xml', name);
  else downloadBlob(await viewToPng(serialized), name);
  return lanes;
}

export function exportTrace(trace: Trace): void {
  downloadText(traceFileText(trace), 'application/json', 'loopscope-trace.json');
}
