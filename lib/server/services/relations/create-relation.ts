import "server-only";
import { ZCreateRelation } from "@/lib/schemas/relation";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { parseInput } from "@/lib/server/validation";
import { ensureRelationTypes } from "./find-relation-types";
import { relationSelect, toRelationView } from "./relation-view";

/** A relation type of the comparison that may be given to a new or changed relation. */
export async function requireUsableRelationType(tx: DbTx, comparisonId: string, typeId: string) {
  await ensureRelationTypes(tx, comparisonId);
  const type = await tx.relationType.findFirst({ where: { id: typeId, comparisonId }, select: { id: true, retiredAt: true } });
  if (!type) throw new AppError("INVALID_INPUT", "That relation type is not one of this comparison's.", { typeId: "Choose one of the comparison's relation types." });
  if (type.retiredAt) throw new AppError("INVALID_INPUT", "That relation type is retired; choose another.", { typeId: "Retired." });
  return type;
}

/**
 * Links two annotations of one comparison (in the same source or two) with a typed,
 * directed relation. Whoever may annotate may link, but only annotations they can both
 * see: a student cannot learn of, or point at, work that is still blind to them.
 */
export async function createRelation(actor: Actor, comparisonId: string, input: unknown) {
  const { fromId, toId, typeId } = parseInput(ZCreateRelation, input);
  if (fromId === toId) throw new AppError("INVALID_INPUT", "Link an annotation to another one, not to itself.", { toId: "Choose another annotation." });
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const row = await db().$transaction(async (tx) => {
    // A student links their own work only: what they see of others' (after a reveal) is to compare with, not to build on.
    const own = role === "STUDENT" ? { authorId: actor.id } : {};
    const ends = await tx.annotation.count({ where: { id: { in: [fromId, toId] }, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role), ...own } });
    if (ends !== 2) throw notFound("One of the two annotations");
    await requireUsableRelationType(tx, comparison.id, typeId);
    const same = await tx.relation.count({ where: { comparisonId: comparison.id, fromId, toId, typeId, deletedAt: null } });
    if (same > 0) throw new AppError("CONFLICT", "These two annotations are already linked with that type.");
    const created = await tx.relation.create({ data: { comparisonId: comparison.id, fromId, toId, typeId, authorId: actor.id }, select: relationSelect });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "relation.created", entityType: "Relation", entityId: created.id, data: { fromId, toId, typeId } },
    });
    return created;
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "relation", id: row.id, action: "created" });
  return toRelationView(row);
}
