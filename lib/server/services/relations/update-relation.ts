import "server-only";
import { ZDeleteRelation, ZUpdateRelation } from "@/lib/schemas/relation";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError, notFound, staleVersion } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { parseInput } from "@/lib/server/validation";
import { requireUsableRelationType } from "./create-relation";
import { relationSelect, toRelationView, visibleRelationsWhere } from "./relation-view";

/** The relation as the actor sees it, if it is theirs to change (as annotations: the author's own). */
async function requireOwnRelation(tx: DbTx, actor: Actor, role: Role, comparisonId: string, relationId: string) {
  const relation = await tx.relation.findFirst({ where: { id: relationId, comparisonId, ...visibleRelationsWhere(actor, role) }, select: { authorId: true, fromId: true, toId: true, typeId: true } });
  if (!relation) throw notFound("That relation");
  if (relation.authorId !== actor.id) throw new AppError("FORBIDDEN", "You can change only your own relations. Reply on the annotation instead.");
  return relation;
}

/** Writes only at the version the change was based on; otherwise hands back the current relation. */
export async function bumpRelationVersion(tx: DbTx, relationId: string, version: number, data: Parameters<DbTx["relation"]["updateMany"]>[0]["data"]) {
  const { count } = await tx.relation.updateMany({ where: { id: relationId, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const current = await tx.relation.findUniqueOrThrow({ where: { id: relationId }, select: relationSelect });
    throw staleVersion("relation", current.version, toRelationView(current));
  }
}

/** Changes a relation's type or turns it around; the author's own, at the version named. */
export async function updateRelation(actor: Actor, comparisonId: string, relationId: string, input: unknown) {
  const { version, typeId, reverse } = parseInput(ZUpdateRelation, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const row = await db().$transaction(async (tx) => {
    const current = await requireOwnRelation(tx, actor, role, comparison.id, relationId);
    if (typeId !== undefined && typeId !== current.typeId) await requireUsableRelationType(tx, comparison.id, typeId);
    await bumpRelationVersion(tx, relationId, version, {
      ...(typeId !== undefined ? { typeId } : {}),
      ...(reverse ? { fromId: current.toId, toId: current.fromId } : {}),
    });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "relation.updated", entityType: "Relation", entityId: relationId, data: { typeId: typeId ?? current.typeId, reversed: Boolean(reverse) } },
    });
    return tx.relation.findUniqueOrThrow({ where: { id: relationId }, select: relationSelect });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "relation", id: relationId, action: "updated" });
  return toRelationView(row);
}

/** Soft-deletes the actor's own relation; the row and an audit entry stay. */
export async function deleteRelation(actor: Actor, comparisonId: string, relationId: string, input: unknown) {
  const { version } = parseInput(ZDeleteRelation, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  await db().$transaction(async (tx) => {
    const current = await requireOwnRelation(tx, actor, role, comparison.id, relationId);
    await bumpRelationVersion(tx, relationId, version, { deletedAt: new Date() });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "relation.deleted", entityType: "Relation", entityId: relationId, data: { fromId: current.fromId, toId: current.toId, typeId: current.typeId } },
    });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "relation", id: relationId, action: "deleted" });
}
