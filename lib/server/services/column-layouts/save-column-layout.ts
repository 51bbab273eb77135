import "server-only";
import { ZSaveColumnLayout } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";

/**
 * Saves how the actor arranges a comparison's columns. Anyone who can see the comparison
 * may arrange it for themselves; ids of other comparisons' sources are dropped.
 */
export async function saveColumnLayout(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const layout = parseInput(ZSaveColumnLayout, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug);
  const sources = await db().source.findMany({ where: { comparisonId: comparison.id }, select: { id: true } });
  const ours = new Set(sources.map((s) => s.id));
  const keep = (ids: string[]) => [...new Set(ids)].filter((id) => ours.has(id));
  const data = { order: keep(layout.order), hidden: keep(layout.hidden), collapsed: keep(layout.collapsed) };
  await db().columnLayout.upsert({
    where: { userId_comparisonId: { userId: actor.id, comparisonId: comparison.id } },
    create: { userId: actor.id, comparisonId: comparison.id, ...data },
    update: data,
  });
  return data;
}
