import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canBrowseComparisons, STUDENTS_READ_ASSIGNMENTS } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";

/** One source with its revision history and the text of one revision (the current one by default). */
export async function getSource(actor: Actor, workspaceSlug: string, comparisonSlug: string, sourceId: string, revisionNumber?: number) {
  const { workspace, comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug);
  if (!canBrowseComparisons(workspace.role)) throw new AppError("FORBIDDEN", STUDENTS_READ_ASSIGNMENTS);
  const source = await db().source.findFirst({
    where: { id: sourceId, comparisonId: comparison.id },
    select: {
      id: true,
      title: true,
      url: true,
      author: true,
      publishedAt: true,
      language: true,
      outlet: { select: { name: true, site: true, country: true, notes: true } },
      currentRevision: { select: { number: true } },
      revisions: {
        orderBy: { number: "desc" },
        select: { number: true, wordCount: true, createdAt: true, createdBy: { select: { name: true } } },
      },
    },
  });
  if (!source?.currentRevision) throw notFound("That source");
  const number = revisionNumber ?? source.currentRevision.number;
  // Orphans are counted by this source's indexes: a `_count` in the select counts every source's rows.
  const [shown, passages, annotations] = await Promise.all([
    db().sourceRevision.findUnique({
      where: { sourceId_number: { sourceId, number } },
      select: { number: true, text: true, createdAt: true },
    }),
    db().passage.count({ where: { sourceId, anchorStatus: "ORPHANED" } }),
    db().annotation.count({ where: { comparisonId: comparison.id, sourceId, anchorStatus: "ORPHANED", ...visibleAnnotationsWhere(actor, workspace.role) } }),
  ]);
  if (!shown) throw notFound(`Revision ${number} of that source`);
  return { workspace, comparison, source: { ...source, _count: { passages, annotations } }, shown, isCurrent: number === source.currentRevision.number };
}
