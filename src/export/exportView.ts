/**
 * The exports themselves: which element each one films, and its file name. The timeline and
 * the whole event-loop pane, as SVG (standalone) or PNG (at the device's pixel ratio); the
 * trace as the JSON `loopscope trace` writes.
 */
import type { Trace } from '../protocol/trace';
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

/** Download a view; false when the view is not on the page. */
export async function exportView(view: ViewName, format: ImageFormat, step: number): Promise<boolean> {
  const el = viewElement(view);
  if (el === null) return false;
  // The pane's scrolling part is shown whole: a picture has no scroll bar.
  const serialized = serializeView(el, { unscroll: view === 'pane' });
  const name = `loopscope-${view}-step${step}.${format}`;
  if (format === 'svg') downloadText(serialized.svg, 'image/svg+xml', name);
  else downloadBlob(await viewToPng(serialized), name);
  return true;
}

export function exportTrace(trace: Trace): void {
  downloadText(traceFileText(trace), 'application/json', 'loopscope-trace.json');
}
