import "server-only";
import { ZUpdateRelationType } from "@/lib/schemas/relation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { parseInput } from "@/lib/server/validation";
import { RELATION_TYPE_TAKEN } from "./create-relation-type";
import { relationTypeSelect } from "./find-relation-types";

/**
 * Editors rename a relation type, or retire it (existing relations keep it; it is no longer
 * offered) and bring it back. A default type keeps its key when renamed, so the report
 * still reads "has evidence" as evidence under whatever name the team gives it.
 */
export async function updateRelationType(actor: Actor, comparisonId: string, typeId: string, input: unknown) {
  const { name, retired } = parseInput(ZUpdateRelationType, input);
  const { comparison } = await requireAnnotationAccess(actor, comparisonId, "moderate");
  return db().$transaction(async (tx) => {
    const type = await tx.relationType.findFirst({ where: { id: typeId, comparisonId: comparison.id }, select: { id: true } });
    if (!type) throw notFound("That relation type");
    if (name !== undefined) {
      const others = await tx.relationType.findMany({ where: { comparisonId: comparison.id, id: { not: typeId } }, select: { name: true } });
      if (others.some((other) => other.name.toLowerCase() === name.toLowerCase())) throw new AppError("CONFLICT", RELATION_TYPE_TAKEN, { name: "Taken." });
    }
    const updated = await tx.relationType.update({
      where: { id: typeId },
      data: { ...(name !== undefined ? { name } : {}), ...(retired !== undefined ? { retiredAt: retired ? new Date() : null } : {}) },
      select: relationTypeSelect,
    });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "relation-type.updated", entityType: "RelationType", entityId: typeId, data: { name: updated.name, retired: updated.retiredAt !== null } },
    });
    return updated;
  });
}
