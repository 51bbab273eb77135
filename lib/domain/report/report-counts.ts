import type { InputAnnotation, ReportInput } from "./build-report";
import type { ReportFilters } from "./types";

/**
 * What a report takes from the annotations, once its filters are applied: figures, the few
 * annotations it shows in full (claims), and the spans agreement is measured on. Computed
 * here from the annotations in memory, or by the database (lib/server/reports/count-report-annotations.ts)
 * without reading every row; buildReport turns either into the same report. Lists of
 * annotation ids are filled in memory only: the database's counts leave them empty, and a
 * page asks for a figure's annotations when the reader wants them.
 */
export interface ReportCounts {
  /** Authors of every annotation in the scope, whatever the filters: the reviewers the filters offer. */
  authors: { id: string; name: string }[];
  /** Annotations on the covered sources, by the chosen reviewers, in the date range (orphaned ones included). */
  inScope: number;
  /** Of those, the ones whose words are still in the source: what the figures count. */
  counted: number;
  /** Per author of a counted annotation, how many they made. */
  reviewers: { id: string; name: string; annotations: number }[];
  /** First and last creation time of the counted annotations. */
  annotationDates: { first: string | null; last: string | null };
  /** Per tag and source, the counted annotations carrying the tag (ids in annotation order when listed). */
  tagSources: { tagId: string; sourceId: string; count: number; annotationIds: string[] }[];
  /**
   * Per fact row passage on its source's current text and tag, the counted annotations on the
   * same text that overlap the passage and carry the tag, in annotation order.
   */
  passageTags: { factRowId: string; sourceId: string; tagId: string; annotationIds: string[] }[];
  /** The counted claim annotations, in annotation order. */
  claims: InputAnnotation[];
  /** The counted annotations on their source's current text, in annotation order: what agreement is measured on. */
  spans: { sourceId: string; authorId: string; start: number; end: number; tagIds: string[] }[];
  /** Every counted annotation, when listed (in memory); empty when counted by the database. */
  annotations: InputAnnotation[];
}

/** The outlet a source counts under: its outlet, or itself when it has none. */
export function outletKey(source: { id: string; outlet: { id: string } | null }): string {
  return source.outlet?.id ?? `source:${source.id}`;
}

/** The sources of the outlets the filters cover, in column order. */
export function coveredSources<S extends { id: string; outlet: { id: string } | null }>(sources: readonly S[], filters: ReportFilters): S[] {
  const outlets = filters.outletIds?.length ? new Set(filters.outletIds) : null;
  return sources.filter((s) => !outlets || outlets.has(outletKey(s)));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }) {
  return a.start < b.end && b.start < a.end;
}

function range(values: Date[]): { first: string | null; last: string | null } {
  if (values.length === 0) return { first: null, last: null };
  const times = values.map((v) => v.getTime());
  return { first: new Date(Math.min(...times)).toISOString(), last: new Date(Math.max(...times)).toISOString() };
}

/** Pushes value onto the list kept under key. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The report's counts from every annotation in memory (`input.annotations`, in annotation order). */
export function countAnnotations(input: ReportInput, filters: ReportFilters): ReportCounts {
  const sources = new Map(coveredSources(input.sources, filters).map((s) => [s.id, s]));
  const reviewers = filters.reviewerIds?.length ? new Set(filters.reviewerIds) : null;
  const inScope = input.annotations.filter(
    (a) =>
      sources.has(a.sourceId) &&
      (!reviewers || reviewers.has(a.author.id)) &&
      (!filters.from || a.createdAt >= filters.from) &&
      (!filters.to || a.createdAt <= filters.to),
  );
  const counted = inScope.filter((a) => !a.orphaned);
  // Positions are comparable only on the revision a passage or annotation was anchored on.
  const onCurrentText = counted.filter((a) => sources.get(a.sourceId)!.revision?.id === a.revisionId);

  const byTagSource = new Map<string, string[]>();
  for (const a of counted) for (const tagId of new Set(a.tagIds)) push(byTagSource, `${tagId}\n${a.sourceId}`, a.id);
  const onCurrentTextOf = new Map<string, InputAnnotation[]>();
  for (const a of onCurrentText) push(onCurrentTextOf, a.sourceId, a);
  const passageTags: ReportCounts["passageTags"] = [];
  for (const row of input.factRows) {
    for (const passage of row.passages) {
      if (passage.orphaned || !sources.has(passage.sourceId) || sources.get(passage.sourceId)!.revision?.id !== passage.revisionId) continue;
      const byTag = new Map<string, string[]>();
      for (const a of onCurrentTextOf.get(passage.sourceId) ?? []) {
        if (overlaps(a, passage)) for (const tagId of new Set(a.tagIds)) push(byTag, tagId, a.id);
      }
      for (const [tagId, annotationIds] of byTag) passageTags.push({ factRowId: row.id, sourceId: passage.sourceId, tagId, annotationIds });
    }
  }
  const byAuthor = new Map<string, { id: string; name: string; annotations: number }>();
  for (const a of counted) {
    const reviewer = byAuthor.get(a.author.id) ?? { ...a.author, annotations: 0 };
    reviewer.annotations++;
    byAuthor.set(a.author.id, reviewer);
  }
  return {
    authors: [...new Map(input.annotations.map((a) => [a.author.id, a.author])).values()],
    inScope: inScope.length,
    counted: counted.length,
    reviewers: [...byAuthor.values()],
    annotationDates: range(counted.map((a) => a.createdAt)),
    tagSources: [...byTagSource].map(([key, annotationIds]) => {
      const [tagId, sourceId] = key.split("\n") as [string, string];
      return { tagId, sourceId, count: annotationIds.length, annotationIds };
    }),
    passageTags,
    claims: counted.filter((a) => a.claim !== null),
    spans: onCurrentText.map((a) => ({ sourceId: a.sourceId, authorId: a.author.id, start: a.start, end: a.end, tagIds: a.tagIds })),
    annotations: counted,
  };
}
