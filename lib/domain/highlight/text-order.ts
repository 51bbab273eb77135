/**
 * The annotate view's text order: by start, the longer span first when two start together,
 * then by id, as the server sorts (`start asc, end desc, id asc`), so a highlight's index in
 * the list is the row of its annotation in the paged list.
 */
export interface OrderedSpan {
  id: string;
  start: number;
  end: number;
}

export function compareTextOrder(a: OrderedSpan, b: OrderedSpan): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The list without the span `id`, and with `item` (when given) at its place in text order. */
export function placeInTextOrder<T extends OrderedSpan>(list: readonly T[], id: string, item: T | null): T[] {
  const rest = list.filter((s) => s.id !== id);
  if (!item) return rest;
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareTextOrder(rest[mid]!, item) < 0) low = mid + 1;
    else high = mid;
  }
  return [...rest.slice(0, low), item, ...rest.slice(low)];
}
