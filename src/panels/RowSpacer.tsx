/**
 * The height of the rows a windowed list leaves out (see rowWindow), as an empty list item, so
 * the list scrolls as if they were there. The scrolling list's own padding cannot stand in: a
 * box with a max-height grows to hold its padding.
 */
export function RowSpacer({ height }: { readonly height: number }) {
  return height > 0 ? <li className="row-spacer" aria-hidden="true" style={{ height }} /> : null;
}
