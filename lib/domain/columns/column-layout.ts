/** One user's arrangement of a comparison's side-by-side columns: lists of source ids. */
export interface ColumnLayout {
  order: string[];
  hidden: string[];
  collapsed: string[];
}

export interface ArrangedColumn {
  id: string;
  hidden: boolean;
  collapsed: boolean;
}

export const DEFAULT_LAYOUT: ColumnLayout = { order: [], hidden: [], collapsed: [] };

/**
 * The comparison's sources in the user's order, each shown or hidden, open or collapsed.
 * Ids of sources that no longer exist are dropped; sources the layout does not know (added
 * after it was saved) follow in their own order and are shown, so a new article is never
 * silently missing from the view.
 */
export function arrangeColumns(sourceIds: readonly string[], layout: ColumnLayout): ArrangedColumn[] {
  const exists = new Set(sourceIds);
  const ordered = [...new Set(layout.order)].filter((id) => exists.has(id));
  const known = new Set(ordered);
  const ids = [...ordered, ...sourceIds.filter((id) => !known.has(id))];
  const hidden = new Set(layout.hidden);
  const collapsed = new Set(layout.collapsed);
  return ids.map((id) => ({ id, hidden: hidden.has(id), collapsed: collapsed.has(id) }));
}

/** The layout that stores an arrangement (the inverse of `arrangeColumns`). */
export function toLayout(columns: readonly ArrangedColumn[]): ColumnLayout {
  return {
    order: columns.map((c) => c.id),
    hidden: columns.filter((c) => c.hidden).map((c) => c.id),
    collapsed: columns.filter((c) => c.collapsed).map((c) => c.id),
  };
}

/** The arrangement with one column moved `by` places (−1 left, +1 right), kept within the ends. */
export function moveColumn(columns: readonly ArrangedColumn[], id: string, by: number): ArrangedColumn[] {
  const from = columns.findIndex((c) => c.id === id);
  if (from < 0) return [...columns];
  const to = Math.min(Math.max(from + by, 0), columns.length - 1);
  const next = [...columns];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
