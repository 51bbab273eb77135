import "server-only";
import { ZReattachAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons } from "@/lib/server/permissions";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { findSourceInComparison } from "@/lib/server/services/sources/find-source";
import { spanTarget } from "@/lib/server/services/sources/span-target";
import { parseInput } from "@/lib/server/validation";
import { annotationSelect, toAnnotationView, visibleAnnotationsWhere } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";
import { bumpVersion } from "./update-annotation";

/** Anchors an orphaned (or misplaced) annotation on a span the user selected in the current text. */
export async function reattachAnnotation(actor: Actor, comparisonId: string, annotationId: string, input: unknown) {
  const { version, start, end, revisionNumber } = parseInput(ZReattachAnnotation, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const updated = await db().$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({
      where: { id: annotationId, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) },
      select: { authorId: true, sourceId: true, assignmentId: true },
    });
    if (!annotation) throw notFound("That annotation");
    if (annotation.authorId !== actor.id && !canEditComparisons(role)) {
      throw new AppError("FORBIDDEN", "Only its author or an editor can re-attach an annotation.");
    }
    if (annotation.authorId === actor.id) {
      await checkAssignmentWork(tx, actor, role, { comparisonId: comparison.id, assignmentId: annotation.assignmentId, sourceId: annotation.sourceId });
    }
    const source = await findSourceInComparison(tx, comparison.id, annotation.sourceId);
    await bumpVersion(tx, annotationId, version, {
      ...spanTarget(source.currentRevision, { start, end, revisionNumber }),
      anchorStatus: "EXACT",
      anchorScore: 1,
      // The user chose the words: nothing left to check.
      textChangedAt: null,
      previousQuote: null,
    });
    return tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: annotationId, action: "updated" });
  return toAnnotationView(updated);
}
