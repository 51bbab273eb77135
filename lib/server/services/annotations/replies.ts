import "server-only";
import { z } from "zod";
import { ZReply } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { parseInput } from "@/lib/server/validation";
import { visibleAnnotationsWhere } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/** Adds a reply to the thread under an annotation the actor can see. */
export async function createReply(actor: Actor, comparisonId: string, annotationId: string, input: unknown) {
  const { body } = parseInput(ZReply, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const visible = await db().annotation.count({
    where: { id: annotationId, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) },
  });
  if (!visible) throw notFound("That annotation");
  const reply = await db().reply.create({
    data: { annotationId, authorId: actor.id, body },
    select: { id: true, body: true, version: true, createdAt: true, updatedAt: true, author: { select: { id: true, name: true } } },
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "reply", id: annotationId, action: "created" });
  return reply;
}

const ZReplyEdit = ZReply.extend({ version: z.number().int().positive() });

/** A reply under an annotation the actor can see; someone else's is refused. */
async function ownReply(actor: Actor, comparisonId: string, replyId: string) {
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const reply = await db().reply.findFirst({
    where: { id: replyId, deletedAt: null, annotation: { comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) } },
    select: { id: true, authorId: true, annotationId: true },
  });
  if (!reply) throw notFound("That reply");
  if (reply.authorId !== actor.id) throw new AppError("FORBIDDEN", "You can change only your own replies.");
  return { comparison, reply };
}

/** Edits the actor's own reply, refusing an edit based on an older version. */
export async function updateReply(actor: Actor, comparisonId: string, replyId: string, input: unknown) {
  const { body, version } = parseInput(ZReplyEdit, input);
  const { comparison, reply } = await ownReply(actor, comparisonId, replyId);
  const { count } = await db().reply.updateMany({ where: { id: replyId, version }, data: { body, version: { increment: 1 } } });
  if (count === 0) throw new AppError("CONFLICT", "This reply changed since you opened it. Reload it, then apply your edit again.");
  await publishComparisonEvent({ comparisonId: comparison.id, type: "reply", id: reply.annotationId, action: "updated" });
}

/** Soft-deletes the actor's own reply, with an audit entry. */
export async function deleteReply(actor: Actor, comparisonId: string, replyId: string) {
  const { comparison, reply } = await ownReply(actor, comparisonId, replyId);
  await db().$transaction([
    db().reply.update({ where: { id: replyId }, data: { deletedAt: new Date() } }),
    db().auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "reply.deleted", entityType: "Reply", entityId: replyId },
    }),
  ]);
  await publishComparisonEvent({ comparisonId: comparison.id, type: "reply", id: reply.annotationId, action: "deleted" });
}
