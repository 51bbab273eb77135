import "server-only";
import { DEFAULT_RELATION_TYPES } from "@/lib/domain/relations/default-relation-types";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";

export const relationTypeSelect = { id: true, key: true, name: true, position: true, retiredAt: true } as const;

/**
 * Gives a comparison the default relation types the first time anyone asks for its list.
 * Done on first use rather than at creation, so every way a comparison comes about (the
 * form, an import, the demo, comparisons made before relations existed) gets them; the
 * unique keys make two first requests at once harmless.
 */
export async function ensureRelationTypes(tx: DbTx, comparisonId: string) {
  if ((await tx.relationType.count({ where: { comparisonId } })) > 0) return;
  await tx.relationType.createMany({
    data: DEFAULT_RELATION_TYPES.map((type, position) => ({ comparisonId, key: type.key, name: type.name, position })),
    skipDuplicates: true,
  });
}

/** The comparison's relation types in their order, retired ones included (they stay on old relations). */
export async function findRelationTypes(actor: Actor, comparisonId: string) {
  const { comparison } = await requireComparisonById(actor, comparisonId);
  await ensureRelationTypes(db(), comparison.id);
  const types = await db().relationType.findMany({ where: { comparisonId: comparison.id }, orderBy: [{ position: "asc" }, { name: "asc" }], select: relationTypeSelect });
  return types.map(({ retiredAt, ...type }) => ({ ...type, retired: retiredAt !== null }));
}

export type RelationTypeView = Awaited<ReturnType<typeof findRelationTypes>>[number];
