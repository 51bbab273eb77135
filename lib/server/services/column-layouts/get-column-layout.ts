import "server-only";
import { DEFAULT_LAYOUT, type ColumnLayout } from "@/lib/domain/columns/column-layout";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";

/** The actor's own arrangement of a comparison's columns (the default when they never changed it). */
export async function getColumnLayout(actor: Actor, comparisonId: string): Promise<ColumnLayout> {
  const saved = await db().columnLayout.findUnique({
    where: { userId_comparisonId: { userId: actor.id, comparisonId } },
    select: { order: true, hidden: true, collapsed: true },
  });
  return saved ?? DEFAULT_LAYOUT;
}
