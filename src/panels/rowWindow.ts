/**
 * Which rows of a long scrolling list to put in the DOM: the ones in view plus a few either side.
 *
 * The ready queue and timers lists hold up to 100 rows and show about ten. Creating and styling
 * all 100 at every step of a seek cost the page most of its frame; the rest stand in as padding
 * of the same height, so the scrollbar and the scroll position behave as if every row were there.
 * All rows have one height (one line each), so a row's place is its index times the row pitch.
 */

/** The rows to render, [start, end), and the padding that stands in for the rows left out. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
  readonly padTop: number;
  readonly padBottom: number;
}

/** What the list's box says: how far it is scrolled, how tall its view is, one row plus the gap. */
export interface ListView {
  readonly scrollTop: number;
  readonly viewHeight: number;
  readonly rowPitch: number;
}

/** Rows rendered beyond each edge of the view, so a wheel turn shows rows before the next render. */
export const OVERSCAN_ROWS = 6;

/**
 * Rows rendered before the list has been measured (and in server rendering): more than any view
 * of it holds, so a short list is always whole and a long one starts at its head.
 */
export const FIRST_WINDOW_ROWS = 24;

export function rowWindow(count: number, view: ListView | null, overscan = OVERSCAN_ROWS): RowWindow {
  if (view === null || view.rowPitch <= 0 || view.viewHeight <= 0) {
    const end = Math.min(count, FIRST_WINDOW_ROWS);
    return { start: 0, end, padTop: 0, padBottom: 0 };
  }
  const { scrollTop, viewHeight, rowPitch } = view;
  const first = Math.floor(Math.max(0, scrollTop) / rowPitch);
  const last = Math.ceil((Math.max(0, scrollTop) + viewHeight) / rowPitch);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));
  return { start, end, padTop: start * rowPitch, padBottom: (count - end) * rowPitch };
}
