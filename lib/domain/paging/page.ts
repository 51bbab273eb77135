/** Numbered pages over a list held in full on the server, for drill-downs that show one page at a time. */

export interface Page<T> {
  items: T[];
  /** The page shown, from 1, clamped to the pages there are. */
  page: number;
  pages: number;
  total: number;
  /** Position of the first item shown, from 1 (0 when the list is empty). */
  from: number;
}

/** Reads a page number from a query parameter: anything not a whole number from 1 up is page 1. */
export function pageNumber(value: unknown): number {
  const n = typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (shown - 1) * size;
  return { items: items.slice(start, start + size), page: shown, pages, total: items.length, from: items.length ? start + 1 : 0 };
}
