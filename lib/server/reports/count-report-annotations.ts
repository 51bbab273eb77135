import "server-only";
import { coveredSources, type ReportCounts } from "@/lib/domain/report/report-counts";
import type { InputAnnotation } from "@/lib/domain/report/build-report";
import type { ReportFilters } from "@/lib/domain/report/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

interface CountedComparison {
  id: string;
  sources: { id: string; outlet: { id: string } | null; currentRevision: { id: string } | null }[];
}

/**
 * The report's counts (see ReportCounts) computed by the database: GROUP BY over the
 * comparison's annotations, found by its index, so neither the rows nor other comparisons'
 * annotations are read. Counts what a member's report counts: annotations neither deleted nor
 * hidden (for every role that may read a report, that is what it may see). Only the claims
 * are read whole, and the spans agreement is measured on are read as offsets and tag ids.
 */
export async function countReportAnnotations(comparison: CountedComparison, filters: ReportFilters): Promise<ReportCounts> {
  const covered = coveredSources(comparison.sources, filters).map((s) => s.id);
  const visible = Prisma.sql`a."comparisonId" = ${comparison.id} AND a."deletedAt" IS NULL AND a."hiddenAt" IS NULL`;
  const inScope = Prisma.sql`${visible} AND a."sourceId" = ANY(${covered}::text[])
    ${filters.reviewerIds?.length ? Prisma.sql`AND a."authorId" = ANY(${filters.reviewerIds}::text[])` : Prisma.empty}
    ${filters.from ? Prisma.sql`AND a."createdAt" >= ${filters.from}` : Prisma.empty}
    ${filters.to ? Prisma.sql`AND a."createdAt" <= ${filters.to}` : Prisma.empty}`;
  const counted = Prisma.sql`${inScope} AND a."anchorStatus" <> 'ORPHANED'`;
  // On the source's current text: positions are comparable with a passage's only there.
  const onCurrentText = Prisma.sql`JOIN "Source" s ON s.id = a."sourceId" AND s."currentRevisionId" = a."revisionId"`;

  const [authors, byAuthor, tagSources, passageTags, claims, spans] = await Promise.all([
    db().$queryRaw<{ id: string; name: string }[]>`
      SELECT u.id, u.name FROM "User" u
      WHERE u.id IN (SELECT DISTINCT a."authorId" FROM "Annotation" a WHERE ${visible})`,
    db().$queryRaw<{ id: string; name: string; inScope: number; counted: number; first: Date | null; last: Date | null }[]>`
      SELECT a."authorId" AS id, u.name, count(*)::int AS "inScope",
             (count(*) FILTER (WHERE a."anchorStatus" <> 'ORPHANED'))::int AS counted,
             min(a."createdAt") FILTER (WHERE a."anchorStatus" <> 'ORPHANED') AS first,
             max(a."createdAt") FILTER (WHERE a."anchorStatus" <> 'ORPHANED') AS last
      FROM "Annotation" a JOIN "User" u ON u.id = a."authorId"
      WHERE ${inScope}
      GROUP BY a."authorId", u.name
      ORDER BY min(a."createdAt"), a."authorId"`,
    db().$queryRaw<{ tagId: string; sourceId: string; count: number }[]>`
      SELECT t."tagId", a."sourceId", count(*)::int AS count
      FROM "Annotation" a JOIN "AnnotationTag" t ON t."annotationId" = a.id
      WHERE ${counted}
      GROUP BY t."tagId", a."sourceId"`,
    db().$queryRaw<{ factRowId: string; sourceId: string; tagId: string; annotationIds: string[] }[]>`
      SELECT p."factRowId", p."sourceId", t."tagId", array_agg(a.id ORDER BY a."createdAt", a.id) AS "annotationIds"
      FROM "Passage" p
      JOIN "FactRow" f ON f.id = p."factRowId"
      JOIN "Source" s ON s.id = p."sourceId" AND s."currentRevisionId" = p."revisionId"
      JOIN "Annotation" a ON a."sourceId" = p."sourceId" AND a."revisionId" = p."revisionId" AND a.start < p."end" AND p.start < a."end"
      JOIN "AnnotationTag" t ON t."annotationId" = a.id
      WHERE f."comparisonId" = ${comparison.id} AND p."anchorStatus" <> 'ORPHANED' AND ${counted}
      GROUP BY p."factRowId", p."sourceId", t."tagId"`,
    db().annotation.findMany({
      where: {
        comparisonId: comparison.id,
        deletedAt: null,
        hiddenAt: null,
        isClaim: true,
        anchorStatus: { not: "ORPHANED" },
        sourceId: { in: covered },
        ...(filters.reviewerIds?.length ? { authorId: { in: filters.reviewerIds } } : {}),
        ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        sourceId: true,
        revisionId: true,
        start: true,
        end: true,
        exact: true,
        comment: true,
        createdAt: true,
        author: { select: { id: true, name: true } },
        tags: { select: { tagId: true } },
        claimAsserter: true,
        claimAssertedBy: true,
        claimStatus: true,
        evidence: { orderBy: { createdAt: "asc" }, select: { url: true } },
      },
    }),
    db().$queryRaw<{ sourceId: string; authorId: string; start: number; end: number; tagIds: string[] }[]>`
      SELECT a."sourceId", a."authorId", a.start, a."end",
             COALESCE((SELECT array_agg(t."tagId") FROM "AnnotationTag" t WHERE t."annotationId" = a.id), '{}') AS "tagIds"
      FROM "Annotation" a ${onCurrentText}
      WHERE ${counted}
      ORDER BY a."createdAt", a.id`,
  ]);

  const dates = byAuthor.flatMap((r) => (r.first && r.last ? [r.first.getTime(), r.last.getTime()] : []));
  return {
    authors,
    inScope: byAuthor.reduce((sum, r) => sum + r.inScope, 0),
    counted: byAuthor.reduce((sum, r) => sum + r.counted, 0),
    reviewers: byAuthor.filter((r) => r.counted > 0).map((r) => ({ id: r.id, name: r.name, annotations: r.counted })),
    annotationDates: dates.length ? { first: new Date(Math.min(...dates)).toISOString(), last: new Date(Math.max(...dates)).toISOString() } : { first: null, last: null },
    tagSources: tagSources.map((r) => ({ ...r, annotationIds: [] })),
    passageTags,
    claims: claims.map(
      (a): InputAnnotation => ({
        id: a.id,
        sourceId: a.sourceId,
        revisionId: a.revisionId,
        start: a.start,
        end: a.end,
        exact: a.exact,
        orphaned: false,
        comment: a.comment,
        createdAt: a.createdAt,
        author: a.author,
        tagIds: a.tags.map((t) => t.tagId),
        claim: { asserter: a.claimAsserter, assertedBy: a.claimAssertedBy, status: a.claimStatus, evidence: a.evidence.map((e) => e.url) },
      }),
    ),
    spans,
    annotations: [],
  };
}
