import "server-only";
import { ZUpdateAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { parseInput } from "@/lib/server/validation";
import { assertUsableTags, claimColumns } from "./annotation-fields";
import { annotationSelect, toAnnotationView, visibleAnnotationsWhere } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/**
 * Refuses a write based on an older version than the stored one, handing back the current
 * annotation so the client can show it and let the user apply their change again.
 */
export async function bumpVersion(tx: DbTx, annotationId: string, version: number, data: Parameters<DbTx["annotation"]["updateMany"]>[0]["data"]) {
  const { count } = await tx.annotation.updateMany({ where: { id: annotationId, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const current = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
    throw new AppError(
      "CONFLICT",
      `Someone changed this annotation while you were editing (it is now at version ${current.version}). Look at their change, then apply yours again.`,
      undefined,
      toAnnotationView(current),
    );
  }
}

/**
 * Changes an annotation. Tags, comment and claim belong to the author; any annotator may
 * mark the discussion resolved, except students, who change only their own open work.
 * Every change names the version it was based on.
 */
export async function updateAnnotation(actor: Actor, comparisonId: string, annotationId: string, input: unknown) {
  const { version, tagIds, comment, claim, resolved } = parseInput(ZUpdateAnnotation, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const updated = await db().$transaction(async (tx) => {
    const current = await tx.annotation.findFirst({
      where: { id: annotationId, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) },
      select: { authorId: true, assignmentId: true, sourceId: true },
    });
    if (!current) throw notFound("That annotation");
    const changesContent = tagIds !== undefined || comment !== undefined || claim !== undefined;
    if ((changesContent || role === "STUDENT") && current.authorId !== actor.id) {
      throw new AppError("FORBIDDEN", "You can change only your own annotations. Reply to this one instead.");
    }
    await checkAssignmentWork(tx, actor, role, { comparisonId: comparison.id, assignmentId: current.assignmentId, sourceId: current.sourceId, tagIds });
    await bumpVersion(tx, annotationId, version, {
      ...(comment !== undefined ? { comment: comment || null } : {}),
      ...(claim !== undefined ? claimColumns(claim) : {}),
      ...(resolved !== undefined ? { resolvedAt: resolved ? new Date() : null } : {}),
    });
    if (tagIds) {
      const tags = await assertUsableTags(tx, comparison.id, tagIds);
      await tx.annotationTag.deleteMany({ where: { annotationId } });
      await tx.annotationTag.createMany({ data: tags.map((tag) => ({ annotationId, tagId: tag.id })) });
    }
    if (claim !== undefined) {
      await tx.claimEvidence.deleteMany({ where: { annotationId } });
      if (claim?.evidence.length) await tx.claimEvidence.createMany({ data: claim.evidence.map((url) => ({ annotationId, url })) });
    }
    return tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: annotationId, action: "updated" });
  return toAnnotationView(updated);
}
