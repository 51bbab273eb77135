import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";

/** Takes a source's passage out of a fact row; the row then shows the source as not reporting the fact. */
export async function removePassage(actor: Actor, workspaceSlug: string, comparisonSlug: string, passageId: string) {
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const { count } = await db().passage.deleteMany({ where: { id: passageId, factRow: { comparisonId: comparison.id } } });
  if (count === 0) throw notFound("That passage");
}
