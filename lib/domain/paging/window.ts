/**
 * A virtualised list: which rows to put in the DOM for a scroll position, and which pages
 * of rows to fetch for them. Rows have their measured height once rendered and an estimate
 * before; the rows outside the window are stood in for by two spacers of their summed height.
 */

export interface WindowInput {
  /** Rows in the whole list (the server's count, not what is loaded). */
  count: number;
  /** The measured height of row i, or undefined while it was never rendered. */
  heightOf: (index: number) => number | undefined;
  /** The height assumed for a row never rendered. */
  estimate: number;
  scrollTop: number;
  /** Height of the scrolling box. */
  viewport: number;
  /** Extra rows rendered above and below what shows, so a quick scroll does not flash empty space. */
  overscan: number;
}

export interface ListWindow {
  /** First row rendered. */
  first: number;
  /** One past the last row rendered. */
  end: number;
  /** Height of the rows above `first` (the top spacer). */
  before: number;
  /** Height of the rows from `end` on (the bottom spacer). */
  after: number;
}

export function listWindow({ count, heightOf, estimate, scrollTop, viewport, overscan }: WindowInput): ListWindow {
  const height = (i: number) => heightOf(i) ?? estimate;
  let top = 0;
  let shownFirst = count;
  let index = 0;
  for (; index < count; index++) {
    const h = height(index);
    if (top + h > scrollTop) {
      shownFirst = index;
      break;
    }
    top += h;
  }
  let bottom = top;
  let shownEnd = shownFirst;
  while (shownEnd < count && bottom < scrollTop + viewport) bottom += height(shownEnd++);
  if (shownFirst === count) shownFirst = shownEnd = count;
  const first = Math.max(0, shownFirst - overscan);
  const end = Math.min(count, Math.max(shownEnd, shownFirst + 1) + overscan);
  let before = 0;
  for (let i = 0; i < first; i++) before += height(i);
  let after = 0;
  for (let i = end; i < count; i++) after += height(i);
  return { first, end: Math.max(first, end), before, after };
}

/** Where row `index` starts, with the same heights: to scroll a row into the window. */
export function rowOffset(index: number, heightOf: (index: number) => number | undefined, estimate: number): number {
  let top = 0;
  for (let i = 0; i < index; i++) top += heightOf(i) ?? estimate;
  return top;
}

/** The pages (numbered from 0, `size` rows each) that hold rows first … end-1. */
export function pagesCovering(first: number, end: number, size: number): number[] {
  if (end <= first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(first / size); page * size < end; page++) pages.push(page);
  return pages;
}
