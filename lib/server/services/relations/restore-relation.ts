import "server-only";
import { ZDeleteRelation } from "@/lib/schemas/relation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { parseInput } from "@/lib/server/validation";
import { requireUsableRelationType } from "./create-relation";
import { bumpRelationVersion } from "./update-relation";
import { relationSelect, toRelationView } from "./relation-view";

/**
 * Brings back the actor's own deleted relation (undoing a delete): the same rule as
 * deleting it, at the version the delete left, and only while both its ends are there for
 * the actor to see and its type may still be given. Audited and announced like any write.
 */
export async function restoreRelation(actor: Actor, comparisonId: string, relationId: string, input: unknown) {
  const { version } = parseInput(ZDeleteRelation, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const visible = visibleAnnotationsWhere(actor, role);
  const row = await db().$transaction(async (tx) => {
    const relation = await tx.relation.findFirst({
      where: { id: relationId, comparisonId: comparison.id, authorId: actor.id, deletedAt: { not: null }, from: { is: visible }, to: { is: visible } },
      select: { fromId: true, toId: true, typeId: true },
    });
    if (!relation) throw notFound("That deleted relation or one of its annotations");
    await requireUsableRelationType(tx, comparison.id, relation.typeId);
    const same = await tx.relation.count({ where: { comparisonId: comparison.id, fromId: relation.fromId, toId: relation.toId, typeId: relation.typeId, deletedAt: null } });
    if (same > 0) throw new AppError("CONFLICT", "These two annotations have been linked with that type again since; the link is there already.");
    await bumpRelationVersion(tx, relationId, version, { deletedAt: null });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "relation.restored", entityType: "Relation", entityId: relationId, data: relation },
    });
    return tx.relation.findUniqueOrThrow({ where: { id: relationId }, select: relationSelect });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "relation", id: relationId, action: "created" });
  return toRelationView(row);
}
