import "server-only";
import { ZCreateRelationType } from "@/lib/schemas/relation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { parseInput } from "@/lib/server/validation";
import { ensureRelationTypes, relationTypeSelect } from "./find-relation-types";

export const RELATION_TYPE_TAKEN = "This comparison already has a relation type with that name.";

/** Editors add a relation type to a comparison's list, after the others. */
export async function createRelationType(actor: Actor, comparisonId: string, input: unknown) {
  const { name } = parseInput(ZCreateRelationType, input);
  const { comparison } = await requireAnnotationAccess(actor, comparisonId, "moderate");
  return db().$transaction(async (tx) => {
    await ensureRelationTypes(tx, comparison.id);
    const existing = await tx.relationType.findMany({ where: { comparisonId: comparison.id }, select: { name: true, position: true } });
    if (existing.some((type) => type.name.toLowerCase() === name.toLowerCase())) throw new AppError("CONFLICT", RELATION_TYPE_TAKEN, { name: "Taken." });
    const position = Math.max(-1, ...existing.map((type) => type.position)) + 1;
    const created = await tx.relationType.create({ data: { comparisonId: comparison.id, name, position }, select: relationTypeSelect });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "relation-type.created", entityType: "RelationType", entityId: created.id, data: { name } },
    });
    return created;
  });
}
