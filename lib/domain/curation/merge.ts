/**
 * The merge view of one source: every reviewer's annotations lined up by span, so an editor
 * can build the curated layer in one pass. Plain data in, plain data out.
 */

export interface ReviewerAnnotation {
  id: string;
  reviewer: { id: string; name: string };
  start: number;
  end: number;
  exact: string;
  tagIds: string[];
  comment: string | null;
}

/** One reading of a span: the tags some reviewers gave it, the same set for each of them. */
export interface SpanVersion {
  /** Sorted, so equal sets compare equal. */
  tagIds: string[];
  reviewers: { id: string; name: string }[];
  annotationIds: string[];
  comments: string[];
}

export interface MergeSpan {
  /** "start:end", the key a verdict is stored under. */
  key: string;
  start: number;
  end: number;
  exact: string;
  /** Distinct readings, the most widely shared first. */
  versions: SpanVersion[];
  /** Each reviewer's tags on the span (their annotations on it taken together), by reviewer id: the columns. */
  byReviewer: Record<string, string[]>;
  /** Every reviewer who annotated the span gave it the same tags, and there were several of them. */
  agreed: boolean;
  /** The union of every version's tags: what "merge" keeps. */
  union: string[];
  annotationIds: string[];
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * Groups annotations by exact span (same start and end), in text order (start, then the
 * longer span first). Within a span, a reviewer's several annotations count as one reading
 * with their tags together; reviewers whose readings are equal form one version, shown once
 * with all their names.
 */
export function buildMergeSpans(annotations: readonly ReviewerAnnotation[]): MergeSpan[] {
  const bySpan = new Map<string, ReviewerAnnotation[]>();
  for (const a of annotations) {
    const key = `${a.start}:${a.end}`;
    bySpan.set(key, [...(bySpan.get(key) ?? []), a]);
  }
  const spans = [...bySpan.entries()].map(([key, group]): MergeSpan => {
    const perReviewer = new Map<string, { reviewer: ReviewerAnnotation["reviewer"]; tagIds: Set<string>; ids: string[]; comments: string[] }>();
    for (const a of group) {
      const entry = perReviewer.get(a.reviewer.id) ?? { reviewer: a.reviewer, tagIds: new Set<string>(), ids: [], comments: [] };
      a.tagIds.forEach((t) => entry.tagIds.add(t));
      entry.ids.push(a.id);
      if (a.comment) entry.comments.push(a.comment);
      perReviewer.set(a.reviewer.id, entry);
    }
    const versions = new Map<string, SpanVersion>();
    const byReviewer: Record<string, string[]> = {};
    for (const entry of perReviewer.values()) {
      const tagIds = sorted(entry.tagIds);
      byReviewer[entry.reviewer.id] = tagIds;
      const versionKey = tagIds.join(",");
      const version = versions.get(versionKey) ?? { tagIds, reviewers: [], annotationIds: [], comments: [] };
      version.reviewers.push(entry.reviewer);
      version.annotationIds.push(...entry.ids);
      version.comments.push(...entry.comments);
      versions.set(versionKey, version);
    }
    const ordered = [...versions.values()]
      .map((v) => ({ ...v, reviewers: [...v.reviewers].sort((a, b) => a.name.localeCompare(b.name)) }))
      .sort((a, b) => b.reviewers.length - a.reviewers.length || a.reviewers[0]!.name.localeCompare(b.reviewers[0]!.name));
    const first = group[0]!;
    return {
      key,
      start: first.start,
      end: first.end,
      exact: first.exact,
      versions: ordered,
      byReviewer,
      agreed: ordered.length === 1 && perReviewer.size > 1,
      union: sorted(ordered.flatMap((v) => v.tagIds)),
      annotationIds: group.map((a) => a.id),
    };
  });
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
