import "server-only";
import { ZClearTextChanged } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons } from "@/lib/server/permissions";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { parseInput } from "@/lib/server/validation";
import { annotationSelect, toAnnotationView, visibleAnnotationsWhere } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";
import { bumpVersion } from "./update-annotation";

/**
 * Clears the "text changed — check the tags" mark: its author or an editor has looked at
 * the new words and kept (or changed) the tags. Versioned like every edit of the
 * annotation and audited with the words before and after.
 */
export async function clearTextChanged(actor: Actor, comparisonId: string, annotationId: string, input: unknown) {
  const { version } = parseInput(ZClearTextChanged, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const updated = await db().$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({
      where: { id: annotationId, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) },
      select: { authorId: true, sourceId: true, assignmentId: true, exact: true, previousQuote: true, textChangedAt: true },
    });
    if (!annotation) throw notFound("That annotation");
    if (annotation.authorId !== actor.id && !canEditComparisons(role)) {
      throw new AppError("FORBIDDEN", "Only its author or an editor can clear the “text changed” mark of an annotation.");
    }
    if (annotation.authorId === actor.id) {
      await checkAssignmentWork(tx, actor, role, { comparisonId: comparison.id, assignmentId: annotation.assignmentId, sourceId: annotation.sourceId });
    }
    if (annotation.textChangedAt === null) {
      throw new AppError("CONFLICT", "This annotation has no “text changed” mark any more: someone cleared it already.");
    }
    await bumpVersion(tx, annotationId, version, { textChangedAt: null, previousQuote: null });
    await tx.auditEvent.create({
      data: {
        workspaceId: comparison.workspaceId,
        actorId: actor.id,
        action: "annotation.text-change-cleared",
        entityType: "Annotation",
        entityId: annotationId,
        data: { previousQuote: annotation.previousQuote, exact: annotation.exact },
      },
    });
    return tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: annotationId, action: "updated" });
  return toAnnotationView(updated);
}
