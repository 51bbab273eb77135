import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { parseInput } from "@/lib/server/validation";
import { annotationSelect, toAnnotationView } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";
import { bumpVersion } from "./update-annotation";

const ZRestore = z.object({ version: z.number().int().positive().describe("The version the delete left, which the restore is based on") });

/**
 * Brings back the actor's own deleted annotation (undoing a delete): the same rule as
 * deleting it (its author, with a student's submitted work locked), at the version the
 * delete left, audited and announced like any other write. Someone else's deleted
 * annotation does not exist for the actor, as it does not anywhere else. Its relations were
 * only out of sight while it was gone (a relation shows while both its ends do), so they
 * are announced again too, for co-reviewers' views to show them.
 */
export async function restoreAnnotation(actor: Actor, comparisonId: string, annotationId: string, input: unknown) {
  const { version } = parseInput(ZRestore, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const { row, relationIds } = await db().$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({
      where: { id: annotationId, comparisonId: comparison.id, authorId: actor.id, deletedAt: { not: null } },
      select: { exact: true, assignmentId: true, sourceId: true },
    });
    if (!annotation) throw notFound("That deleted annotation");
    await checkAssignmentWork(tx, actor, role, { comparisonId: comparison.id, assignmentId: annotation.assignmentId, sourceId: annotation.sourceId });
    await bumpVersion(tx, annotationId, version, { deletedAt: null });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "annotation.restored", entityType: "Annotation", entityId: annotationId, data: { exact: annotation.exact } },
    });
    const relations = await tx.relation.findMany({ where: { comparisonId: comparison.id, deletedAt: null, OR: [{ fromId: annotationId }, { toId: annotationId }] }, select: { id: true } });
    return { row: await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect }), relationIds: relations.map((r) => r.id) };
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: annotationId, action: "created" });
  for (const id of relationIds) await publishComparisonEvent({ comparisonId: comparison.id, type: "relation", id, action: "created" });
  return toAnnotationView(row);
}
