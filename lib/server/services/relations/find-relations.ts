import "server-only";
import { ZRelationFilters } from "@/lib/schemas/relation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { parseInput } from "@/lib/server/validation";
import { relationSelect, toRelationView, visibleRelationsWhere } from "./relation-view";

/** The relations of a comparison the actor may see (optionally those at one annotation), oldest first. */
export async function findRelations(actor: Actor, comparisonId: string, filters: unknown = {}) {
  const { annotationId } = parseInput(ZRelationFilters, filters);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "read");
  const rows = await db().relation.findMany({
    where: {
      comparisonId: comparison.id,
      ...visibleRelationsWhere(actor, role),
      ...(annotationId ? { OR: [{ fromId: annotationId }, { toId: annotationId }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: relationSelect,
  });
  return rows.map(toRelationView);
}

export async function getRelation(actor: Actor, comparisonId: string, relationId: string) {
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "read");
  const row = await db().relation.findFirst({ where: { id: relationId, comparisonId: comparison.id, ...visibleRelationsWhere(actor, role) }, select: relationSelect });
  if (!row) throw notFound("That relation");
  return toRelationView(row);
}
