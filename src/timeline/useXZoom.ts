/**
 * d3-zoom on an element, horizontal only: wheel zooms, drag pans, and React gets the transform
 * as state. This is the one place the timeline lets D3 touch the DOM (it listens for pointer
 * and wheel events on `ref`); the scales are then rebuilt from `zoom` in useMemo.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select, zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { NO_ZOOM, type XZoom } from './scales';

export interface XZoomControl {
  readonly zoom: XZoom;
  /** Back to the whole run. */
  readonly reset: () => void;
}

/**
 * @param width the plot width in pixels: panning stops at the run's ends.
 * @param maxK how far in the user may zoom.
 * @param resetKey when it changes (e.g. the axis kind), the zoom goes back to 1×.
 */
export function useXZoom(ref: RefObject<HTMLElement | null>, width: number, maxK: number, resetKey: string): XZoomControl {
  const [zoom, setZoom] = useState<XZoom>(NO_ZOOM);
  const behaviorRef = useRef<ZoomBehavior<HTMLElement, unknown> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const behavior = d3zoom<HTMLElement, unknown>()
      .scaleExtent([1, maxK])
      // y is pinned to 0: vertical movement belongs to the lanes' scroll container.
      .extent([
        [0, 0],
        [width, 1],
      ])
      .translateExtent([
        [0, 0],
        [width, 1],
      ])
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        const { k, x } = event.transform;
        setZoom((old) => (old.k === k && old.x === x ? old : { k, x }));
      });
    const selection = select(el);
    // Double-click is left to the click-to-seek handler rather than zooming in.
    selection.call(behavior).on('dblclick.zoom', null);
    behaviorRef.current = behavior;
    return () => {
      selection.on('.zoom', null);
      behaviorRef.current = null;
    };
  }, [ref, width, maxK]);

  // A new axis means a new domain: start from the whole run again.
  useEffect(() => {
    const el = ref.current;
    const behavior = behaviorRef.current;
    if (el !== null && behavior !== null) behavior.transform(select(el), zoomIdentity);
  }, [ref, resetKey]);

  const reset = useCallback(() => {
    const el = ref.current;
    const behavior = behaviorRef.current;
    if (el !== null && behavior !== null) behavior.transform(select(el), zoomIdentity);
  }, [ref]);

  return { zoom, reset };
}
