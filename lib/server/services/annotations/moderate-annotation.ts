import "server-only";
import { z } from "zod";
import { ZHideAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { parseInput } from "@/lib/server/validation";
import { visibleAnnotationsWhere } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";
import { bumpVersion } from "./update-annotation";

const ZVersion = z.object({ version: z.number().int().positive() });

/** Soft-deletes the actor's own annotation; the row and an audit entry stay. */
export async function deleteAnnotation(actor: Actor, comparisonId: string, annotationId: string, input: unknown) {
  const { version } = parseInput(ZVersion, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  await db().$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({
      where: { id: annotationId, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) },
      select: { authorId: true, exact: true, assignmentId: true, sourceId: true },
    });
    if (!annotation) throw notFound("That annotation");
    if (annotation.authorId !== actor.id) {
      throw new AppError("FORBIDDEN", "You can delete only your own annotations. Editors can hide others' with a reason.");
    }
    await checkAssignmentWork(tx, actor, role, { comparisonId: comparison.id, assignmentId: annotation.assignmentId, sourceId: annotation.sourceId });
    await bumpVersion(tx, annotationId, version, { deletedAt: new Date() });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "annotation.deleted", entityType: "Annotation", entityId: annotationId, data: { exact: annotation.exact } },
    });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: annotationId, action: "deleted" });
}

/** Editors hide an annotation from reviewers with a reason (or show it again); audited. */
export async function setAnnotationHidden(actor: Actor, comparisonId: string, annotationId: string, input: { hidden: boolean; version: number; reason?: string }) {
  const { version } = parseInput(ZVersion, input);
  const reason = input.hidden ? parseInput(ZHideAnnotation, { reason: input.reason ?? "" }).reason : null;
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "moderate");
  await db().$transaction(async (tx) => {
    const exists = await tx.annotation.count({ where: { id: annotationId, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) } });
    if (!exists) throw notFound("That annotation");
    await bumpVersion(tx, annotationId, version, input.hidden ? { hiddenAt: new Date(), hiddenReason: reason, hiddenById: actor.id } : { hiddenAt: null, hiddenReason: null, hiddenById: null });
    await tx.auditEvent.create({
      data: {
        workspaceId: comparison.workspaceId,
        actorId: actor.id,
        action: input.hidden ? "annotation.hidden" : "annotation.shown",
        entityType: "Annotation",
        entityId: annotationId,
        data: reason ? { reason } : undefined,
      },
    });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: annotationId, action: "updated" });
}
