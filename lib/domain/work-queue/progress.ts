/**
 * The work queue of a comparison: which sources each reviewer has marked done, and where
 * "Next" takes them. Plain data in, plain data out; the services load and scope it.
 */

/**
 * The source after `currentId` (in column order, wrapping round) that the reviewer has not
 * marked done, or null when every other source is done. The current source is never the
 * answer: "Next" moves on even when the reviewer has not finished it.
 */
export function nextUnfinishedSource(sourceIds: readonly string[], doneIds: ReadonlySet<string>, currentId: string): string | null {
  // An unknown current source starts the search at the first column.
  const from = sourceIds.indexOf(currentId);
  const steps = from < 0 ? sourceIds.length : sourceIds.length - 1;
  for (let step = 1; step <= steps; step += 1) {
    const id = sourceIds[(from + step) % sourceIds.length]!;
    if (!doneIds.has(id)) return id;
  }
  return null;
}

export type ProgressState = "done" | "started" | "not-started";

export interface ProgressCell {
  sourceId: string;
  state: ProgressState;
  /** The reviewer's own annotations on the source (outside assignments, not deleted). */
  annotations: number;
  doneAt: Date | null;
}

export interface ProgressRow {
  reviewer: { id: string; name: string };
  cells: ProgressCell[];
  /** Sources marked done, of all the comparison's sources. */
  done: number;
}

export interface ProgressInput {
  reviewers: readonly { id: string; name: string }[];
  sourceIds: readonly string[];
  marks: readonly { userId: string; sourceId: string; doneAt: Date }[];
  counts: readonly { authorId: string; sourceId: string; count: number }[];
}

/**
 * One row per reviewer (in the order given), one cell per source (in the order given):
 * done when marked done, whatever the count; started when they have annotated it; else not
 * started. Marks and counts of anyone not listed, or of sources not listed, are ignored.
 */
export function buildProgressTable({ reviewers, sourceIds, marks, counts }: ProgressInput): ProgressRow[] {
  const key = (userId: string, sourceId: string) => `${userId}\u0000${sourceId}`;
  const doneAt = new Map(marks.map((m) => [key(m.userId, m.sourceId), m.doneAt]));
  const annotated = new Map<string, number>();
  for (const c of counts) annotated.set(key(c.authorId, c.sourceId), (annotated.get(key(c.authorId, c.sourceId)) ?? 0) + c.count);
  return reviewers.map((reviewer) => {
    const cells = sourceIds.map((sourceId): ProgressCell => {
      const at = doneAt.get(key(reviewer.id, sourceId)) ?? null;
      const annotations = annotated.get(key(reviewer.id, sourceId)) ?? 0;
      return { sourceId, state: at ? "done" : annotations > 0 ? "started" : "not-started", annotations, doneAt: at };
    });
    return { reviewer, cells, done: cells.filter((c) => c.state === "done").length };
  });
}
