import { pooledAgreement, tagSetDocuments, tokenUnits } from "../agreement";
import { termLabel, termsAgainstBase, type TermSpan } from "../diff";
import { appliedFilters } from "./filters";
import { groupClaims } from "./claims";
import { outletOmissions, type AlignmentExclusives } from "./outlet-omissions";
import { recurringTerms } from "./recurring-terms";
import { countAnnotations, coveredSources, outletKey, type ReportCounts } from "./report-counts";
import type {
  ClaimAsserterKind,
  ClaimStatusValue,
  FramingReport,
  ReportAgreement,
  ReportAnnotation,
  ReportCell,
  ReportFactRow,
  ReportFilters,
  ReportMethod,
  ReportOutlet,
  ReportPassage,
  ReportTagSet,
} from "./types";

/** What the report is computed from: a comparison's rows as the server loaded them. */
export interface ReportInput {
  comparison: { id: string; title: string; description: string | null; eventDate: Date | null; workspaceName: string };
  /** In column order. */
  sources: {
    id: string;
    title: string;
    url: string | null;
    author: string | null;
    publishedAt: Date | null;
    /** BCP 47 tag of the text's language, when known. */
    language?: string | null;
    outlet: { id: string; name: string; site: string | null; country: string | null } | null;
    revision: { id: string; text: string; wordCount: number } | null;
  }[];
  /** In taxonomy order, tags included. */
  tagSets: {
    id: string;
    key: string;
    name: string;
    description: string | null;
    tags: { id: string; name: string; description: string | null; color: string; retiredAt: Date | null }[];
  }[];
  factRows: {
    id: string;
    label: string;
    note: string | null;
    passages: { sourceId: string; revisionId: string; start: number; end: number; exact: string; orphaned: boolean }[];
  }[];
  /** Every annotation the reader may see in the report (never hidden or deleted ones), unfiltered. */
  annotations: InputAnnotation[];
  /** Align all's passages without a counterpart in the sources' current text, for the Omissions section. */
  alignment?: AlignmentExclusives | null;
}

export interface InputAnnotation {
  id: string;
  sourceId: string;
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  orphaned: boolean;
  comment: string | null;
  createdAt: Date;
  author: { id: string; name: string };
  tagIds: string[];
  claim: { asserter: ClaimAsserterKind | null; assertedBy: string | null; status: ClaimStatusValue | null; evidence: string[] } | null;
}

/** Occurrences per 1,000 words of text; null when there is no text to measure against. */
export function per1000(count: number, words: number): number | null {
  return words > 0 ? (count * 1000) / words : null;
}

export { outletKey };

function range(values: (Date | null)[]): { first: string | null; last: string | null } {
  const times = values.filter((v): v is Date => v !== null).map((v) => v.getTime());
  if (times.length === 0) return { first: null, last: null };
  return { first: new Date(Math.min(...times)).toISOString(), last: new Date(Math.max(...times)).toISOString() };
}

const chosen = (ids: string[] | undefined) => (ids && ids.length > 0 ? new Set(ids) : null);

/**
 * Builds the framing report. Filters: outlets narrow every section; tag sets narrow the
 * charts, the tags shown with passages and the method; reviewers and dates narrow which
 * annotations count. Orphaned annotations (their words are no longer in the source) are
 * left out and counted in the method.
 */
export function buildReport(input: ReportInput, filters: ReportFilters, now: Date): FramingReport {
  return assembleReport(input, countAnnotations(input, filters), filters, now);
}

/**
 * The framing report from the comparison and what its annotations count to under the filters
 * (see {@link ReportCounts}): counted in memory by buildReport, or by the database for the
 * report page. `input.annotations` is not read.
 */
export function assembleReport(input: Omit<ReportInput, "annotations">, counts: ReportCounts, filters: ReportFilters, now: Date): FramingReport {
  const tagSetFilter = chosen(filters.tagSetIds);

  const allOutlets: ReportOutlet[] = [];
  const outletOfSource = new Map<string, string>();
  for (const source of input.sources) {
    const id = outletKey(source);
    outletOfSource.set(source.id, id);
    let outlet = allOutlets.find((o) => o.id === id);
    if (!outlet) {
      outlet = { id, name: source.outlet?.name ?? source.title, site: source.outlet?.site ?? null, country: source.outlet?.country ?? null, sources: [], words: 0 };
      allOutlets.push(outlet);
    }
    const words = source.revision?.wordCount ?? 0;
    outlet.sources.push({ id: source.id, title: source.title, url: source.url, author: source.author, publishedAt: source.publishedAt?.toISOString() ?? null, language: source.language ?? null, words });
    outlet.words += words;
  }
  const outletFilter = chosen(filters.outletIds);
  const outlets = allOutlets.filter((o) => !outletFilter || outletFilter.has(o.id));
  const sources = coveredSources(input.sources, filters);
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  const tagSets = input.tagSets.filter((s) => !tagSetFilter || tagSetFilter.has(s.id));
  const tagById = new Map(tagSets.flatMap((set) => set.tags.map((tag) => [tag.id, { ...tag, tagSetId: set.id }] as const)));
  const tagOrder = [...tagById.keys()];
  const tagPosition = new Map(tagOrder.map((id, index) => [id, index]));
  const inTagOrder = (ids: readonly string[]) => [...new Set(ids)].filter((id) => tagPosition.has(id)).sort((x, y) => tagPosition.get(x)! - tagPosition.get(y)!);

  const toReportAnnotation = (a: InputAnnotation): ReportAnnotation => ({
    id: a.id,
    outletId: outletOfSource.get(a.sourceId)!,
    sourceId: a.sourceId,
    quote: a.exact,
    comment: a.comment,
    tags: inTagOrder(a.tagIds).map((id) => {
      const tag = tagById.get(id)!;
      return { id, name: tag.name, color: tag.color, tagSetId: tag.tagSetId };
    }),
    author: a.author,
    createdAt: a.createdAt.toISOString(),
    claim: a.claim,
  });
  const annotations = counts.annotations.map(toReportAnnotation);

  // A cell adds up the tag's figures of the outlet's sources; its ids, when listed, in annotation order.
  const annotationOrder = new Map(counts.annotations.map((a, index) => [a.id, index]));
  const cellOf = new Map<string, { count: number; annotationIds: string[] }>();
  for (const { tagId, sourceId, count, annotationIds } of counts.tagSources) {
    if (!tagById.has(tagId) || !sourceById.has(sourceId)) continue;
    const key = `${tagId}\n${outletOfSource.get(sourceId)!}`;
    const cell = cellOf.get(key) ?? { count: 0, annotationIds: [] };
    cell.count += count;
    cell.annotationIds.push(...annotationIds);
    cellOf.set(key, cell);
  }
  const reportTagSets: ReportTagSet[] = tagSets.map((set) => ({
    id: set.id,
    key: set.key,
    name: set.name,
    description: set.description,
    tags: set.tags.flatMap((tag) => {
      const cells = outlets.map((outlet): ReportCell => {
        const cell = cellOf.get(`${tag.id}\n${outlet.id}`);
        const count = cell?.count ?? 0;
        const annotationIds = (cell?.annotationIds ?? []).sort((x, y) => annotationOrder.get(x)! - annotationOrder.get(y)!);
        return { outletId: outlet.id, count, per1000: per1000(count, outlet.words), annotationIds };
      });
      const total = cells.reduce((sum, c) => sum + c.count, 0);
      if (total === 0) return [];
      return [{ id: tag.id, name: tag.name, description: tag.description, color: tag.color, retired: tag.retiredAt !== null, total, cells }];
    }),
  }));

  const tagsOfPassage = new Map<string, ReportPassage["tags"]>();
  for (const { factRowId, sourceId, tagId, annotationIds } of counts.passageTags) {
    const tag = tagById.get(tagId);
    if (!tag) continue;
    const key = `${factRowId}\n${sourceId}`;
    tagsOfPassage.set(key, [...(tagsOfPassage.get(key) ?? []), { id: tagId, name: tag.name, color: tag.color, tagSetId: tag.tagSetId, annotationIds }]);
  }

  const termChoice: ReportFactRow[] = input.factRows.map((row) => {
    const passages = row.passages
      .filter((p) => sourceById.has(p.sourceId))
      .sort((a, b) => sources.findIndex((s) => s.id === a.sourceId) - sources.findIndex((s) => s.id === b.sourceId));
    const texts = passages.map((p) => {
      const revision = sourceById.get(p.sourceId)!.revision;
      const current = !p.orphaned && revision?.id === p.revisionId;
      return { passage: p, text: current ? revision.text.slice(p.start, p.end) : p.exact, current };
    });
    const base = texts[0];
    const against = base ? termsAgainstBase(texts.map((t, i) => ({ id: String(i), text: t.text })), "0") : [];
    const reported = new Set(passages.map((p) => outletOfSource.get(p.sourceId)!));
    return {
      id: row.id,
      label: row.label,
      note: row.note,
      baseSourceId: base?.passage.sourceId ?? null,
      passages: texts.map(({ passage, text, current }, index): ReportPassage => {
        const terms = index > 0 ? against[index - 1] : undefined;
        const tags = current ? (tagsOfPassage.get(`${row.id}\n${passage.sourceId}`) ?? []) : [];
        return {
          sourceId: passage.sourceId,
          outletId: outletOfSource.get(passage.sourceId)!,
          text,
          orphaned: !current,
          paraphrased: terms?.paraphrased ?? false,
          segments: markSpans(text, terms ? terms.pairs.flatMap((p) => (p.other ? [p.other] : [])) : []),
          changes: (terms?.pairs ?? []).map((p) => ({ base: termLabel(p.base, p.kind === "paraphrased"), here: termLabel(p.other, p.kind === "paraphrased") })),
          tags: [...tags].sort((x, y) => tagPosition.get(x.id)! - tagPosition.get(y.id)!),
        };
      }),
      missingOutletIds: outlets.filter((o) => !reported.has(o.id)).map((o) => o.id),
    };
  });

  const omissions = termChoice
    .filter((row) => row.missingOutletIds.length > 0)
    .map((row) => ({
      factRowId: row.id,
      label: row.label,
      note: row.note,
      reportedBy: outlets.filter((o) => !row.missingOutletIds.includes(o.id)).map((o) => o.id),
      missingFrom: row.missingOutletIds,
    }));

  // Passages an editor put beside another covered outlet's: never "only" their outlet's.
  const sharedPassages = input.factRows.flatMap((row) => {
    const current = row.passages.filter((p) => !p.orphaned && sourceById.get(p.sourceId)?.revision?.id === p.revisionId);
    return new Set(current.map((p) => outletOfSource.get(p.sourceId))).size > 1 ? current : [];
  });

  const claims = groupClaims(
    counts.claims.map(toReportAnnotation),
    input.factRows.map((row) => ({
      id: row.id,
      label: row.label,
      passages: row.passages.filter((p) => !p.orphaned && sourceById.get(p.sourceId)?.revision?.id === p.revisionId),
    })),
    new Map(counts.claims.filter((a) => sourceById.get(a.sourceId)!.revision?.id === a.revisionId).map((a) => [a.id, a])),
    outlets.map((o) => o.id),
  );

  const method: ReportMethod = {
    definitions: reportTagSets
      .filter((set) => set.tags.length > 0)
      .map((set) => ({ tagSetId: set.id, name: set.name, description: set.description, tags: set.tags.map(({ id, name, description }) => ({ id, name, description })) })),
    reviewers: [...counts.reviewers].sort((a, b) => a.name.localeCompare(b.name)),
    annotationDates: counts.annotationDates,
    publicationDates: range(sources.map((s) => s.publishedAt)),
    annotations: counts.counted,
    orphanedExcluded: counts.inScope - counts.counted,
    agreement: measureAgreement(sources, tagSets, counts.spans),
  };

  const reviewers = [...counts.authors].sort((a, b) => a.name.localeCompare(b.name));
  return {
    comparison: {
      id: input.comparison.id,
      title: input.comparison.title,
      description: input.comparison.description,
      eventDate: input.comparison.eventDate?.toISOString().slice(0, 10) ?? null,
      workspaceName: input.comparison.workspaceName,
    },
    generatedAt: now.toISOString(),
    filters: appliedFilters(filters),
    choices: {
      outlets: allOutlets.map(({ id, name }) => ({ id, name })),
      tagSets: input.tagSets.map(({ id, name }) => ({ id, name })),
      reviewers,
    },
    outlets,
    tagSets: reportTagSets,
    annotations,
    termChoice,
    recurringTerms: recurringTerms(
      termChoice.map((row) => ({ id: row.id, passages: row.passages.map((p) => ({ outletId: p.outletId, text: p.text })) })),
      outlets.map((o) => o.id),
    ),
    omissions,
    outletOmissions: outletOmissions(outlets, omissions, sharedPassages, input.alignment ?? null),
    claims,
    method,
  };
}

/** A passage cut into runs, the given spans marked "added" (they differ from the base passage). */
function markSpans(text: string, spans: readonly TermSpan[]): ReportPassage["segments"] {
  const out: ReportPassage["segments"] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), kind: "same" });
    out.push({ text: text.slice(s.start, s.end), kind: "added" });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), kind: "same" });
  return out;
}

/** Krippendorff's alpha per tag set over the counted annotations on current text, as on the Agreement tab. */
function measureAgreement(sources: ReportInput["sources"], tagSets: ReportInput["tagSets"], counted: ReportCounts["spans"]): ReportAgreement[] {
  const texts = sources.flatMap((s) => (s.revision ? [{ id: s.id, units: tokenUnits(s.revision.text, s.language) }] : []));
  const spans = counted.map((a) => ({ textId: a.sourceId, coderId: a.authorId, start: a.start, end: a.end, tagIds: a.tagIds }));
  const coderIds = [...new Set(spans.map((s) => s.coderId))];
  return tagSets.map((set) => {
    const { combined } = pooledAgreement(coderIds, tagSetDocuments(texts, spans, new Set(set.tags.map((t) => t.id))), []);
    return { tagSetId: set.id, name: set.name, ...combined, reviewers: coderIds.length };
  });
}
