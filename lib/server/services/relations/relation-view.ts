import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";

/** Everything a client shows of a relation; the same shape in pages, the JSON API and events. */
export const relationSelect = {
  id: true,
  comparisonId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  // The words of each end, so a link can say what it points at without the annotation loaded.
  from: { select: { id: true, sourceId: true, exact: true } },
  to: { select: { id: true, sourceId: true, exact: true } },
  type: { select: { id: true, key: true, name: true } },
  author: { select: { id: true, name: true } },
} satisfies Prisma.RelationSelect;

type Row = Prisma.RelationGetPayload<{ select: typeof relationSelect }>;

export function toRelationView(row: Row) {
  return {
    id: row.id,
    comparisonId: row.comparisonId,
    from: row.from,
    to: row.to,
    type: row.type,
    author: row.author,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type RelationView = ReturnType<typeof toRelationView>;

/**
 * Which relations an actor may see: live ones whose two ends they may both see. The
 * annotation rule (blind classes, hidden annotations) decides, inside the query, so a
 * relation never tells anyone that an annotation they may not see exists.
 */
export function visibleRelationsWhere(actor: Actor, role: Role): Prisma.RelationWhereInput {
  const visible = visibleAnnotationsWhere(actor, role);
  return { deletedAt: null, from: { is: visible }, to: { is: visible } };
}
