/**
 * The width of a panel's drawing area, kept up to date with a ResizeObserver, so the d3 scales
 * of the timers and cancellations panels fit the pixels they have. `fallback` until measured
 * (and in server rendering).
 */
import { useEffect, useState, type RefObject } from 'react';

export function usePanelWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w); // 0 while hidden: keep the last width
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
