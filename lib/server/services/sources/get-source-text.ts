import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canBrowseComparisons, STUDENTS_READ_ASSIGNMENTS } from "@/lib/server/permissions";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";

/**
 * The current text of one source, for the annotate view to load a source when the reader
 * opens it (the page sends only the first one). Students read texts through their assignments.
 */
export async function getSourceText(actor: Actor, comparisonId: string, sourceId: string) {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canBrowseComparisons(role)) throw new AppError("FORBIDDEN", STUDENTS_READ_ASSIGNMENTS);
  const source = await db().source.findFirst({
    where: { id: sourceId, comparisonId: comparison.id },
    select: { id: true, currentRevision: { select: { number: true, text: true } } },
  });
  if (!source) throw notFound("That source");
  return { id: source.id, revision: source.currentRevision?.number ?? 0, text: source.currentRevision?.text ?? "" };
}
