/**
 * rowWindow for a list element in the page: follows its scrolling and its height, and measures
 * the row pitch from the rows it has rendered (it changes with the font size, so it is measured
 * again when the list's box changes size).
 */
import { useEffect, useState, type RefObject } from 'react';
import { rowWindow, type ListView, type RowWindow } from './rowWindow';

/** The distance from one row's top to the next one's, from the first two rows rendered. */
function measuredPitch(list: HTMLElement): number {
  const rows = list.querySelectorAll<HTMLElement>(':scope > :not(.row-spacer)');
  const first = rows[0];
  const second = rows[1];
  return first === undefined || second === undefined ? 0 : second.offsetTop - first.offsetTop;
}

export function useRowWindow(listRef: RefObject<HTMLElement | null>, count: number): RowWindow {
  const [view, setView] = useState<ListView | null>(null);
  // Measured once there are two rows to measure (a list of 0 or 1 rows needs no window).
  const measurable = count >= 2;

  useEffect(() => {
    const list = listRef.current;
    if (list === null || !measurable || typeof ResizeObserver === 'undefined') return undefined;
    let pitch = 0;
    const read = (): void => {
      if (pitch <= 0) pitch = measuredPitch(list);
      const next: ListView = { scrollTop: list.scrollTop, viewHeight: list.clientHeight, rowPitch: pitch };
      setView((old) =>
        old !== null && old.scrollTop === next.scrollTop && old.viewHeight === next.viewHeight && old.rowPitch === next.rowPitch
          ? old
          : next,
      );
    };
    const resized = new ResizeObserver(() => {
      pitch = 0; // the font may have changed with the size: measure the rows again
      read();
    });
    resized.observe(list);
    list.addEventListener('scroll', read, { passive: true });
    return () => {
      resized.disconnect();
      list.removeEventListener('scroll', read);
    };
  }, [listRef, measurable]);

  return rowWindow(count, measurable ? view : null);
}
