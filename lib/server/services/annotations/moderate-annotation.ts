import "server-only";
import { randomUUID } from "node:crypto";
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

/**
 * Soft-deletes the actor's own annotation; the row and an audit entry stay.
 *
 * The common case (the author, outside an assignment, at the current version) is one
 * statement that checks, deletes and audits, then the NOTIFY: no transaction held open
 * across round trips. Anything else (someone else's annotation, a stale version, a student's
 * work) goes through the transaction below, which names what is wrong.
 */
export async function deleteAnnotation(actor: Actor, comparisonId: string, annotationId: string, input: unknown) {
  const { version } = parseInput(ZVersion, input);
  const [{ deleted } = { deleted: 0 }] = await db().$queryRaw<{ deleted: number }[]>`
    WITH deleted AS (
      UPDATE "Annotation" a SET "deletedAt" = CURRENT_TIMESTAMP, "updatedAt" = CURRENT_TIMESTAMP, version = a.version + 1
      FROM "Comparison" c, "Membership" m
      WHERE a.id = ${annotationId} AND a."comparisonId" = ${comparisonId} AND a."deletedAt" IS NULL AND a.version = ${version}::int
        AND a."authorId" = ${actor.id} AND a."assignmentId" IS NULL
        AND c.id = a."comparisonId" AND m."workspaceId" = c."workspaceId" AND m."userId" = ${actor.id} AND m.role NOT IN ('VIEWER', 'STUDENT')
      RETURNING a.id, a.exact, c."workspaceId"
    ), audit AS (
      INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", action, "entityType", "entityId", data)
      SELECT ${randomUUID()}, d."workspaceId", ${actor.id}, 'annotation.deleted', 'Annotation', d.id, jsonb_build_object('exact', d.exact)
      FROM deleted d
    )
    SELECT count(*)::int AS deleted FROM deleted`;
  if (!deleted) await deleteInTransaction(actor, comparisonId, annotationId, version);
  await publishComparisonEvent({ comparisonId, type: "annotation", id: annotationId, action: "deleted" });
}

async function deleteInTransaction(actor: Actor, comparisonId: string, annotationId: string, version: number) {
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
