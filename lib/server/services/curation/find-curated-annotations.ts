import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { canReadReports } from "@/lib/server/permissions";
import { REPORT_FOR_STUDENTS } from "@/lib/server/reports/get-report";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";

/**
 * The curated layer of a comparison, in text order per source: each verdict with its span,
 * tags, curator and the reviewers' annotations it was made on. For whoever may read the
 * report (it is what the report counts when set to "curated only"); students get none.
 */
export async function findCuratedAnnotations(actor: Actor, comparisonId: string) {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canReadReports(role)) throw new AppError("FORBIDDEN", REPORT_FOR_STUDENTS);
  const rows = await db().curatedAnnotation.findMany({
    where: { comparisonId: comparison.id },
    orderBy: [{ source: { position: "asc" } }, { start: "asc" }, { end: "desc" }],
    select: {
      id: true, sourceId: true, exact: true, prefix: true, suffix: true, start: true, end: true,
      verdict: true, comment: true, fromAnnotationIds: true, createdAt: true, updatedAt: true,
      revision: { select: { number: true } },
      curator: { select: { id: true, name: true } },
      tags: { select: { tag: { select: { id: true, name: true, color: true, tagSetId: true } } } },
    },
  });
  return {
    curated: rows.map((r) => ({
      id: r.id,
      sourceId: r.sourceId,
      revision: r.revision.number,
      target: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end },
      curated: r.verdict === "ACCEPTED" ? ("accepted" as const) : ("rejected" as const),
      tags: r.tags.map((t) => t.tag),
      comment: r.comment,
      fromAnnotationIds: r.fromAnnotationIds,
      curator: r.curator,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
  };
}
