import "server-only";
import { ZUpdateSourceLanguage } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";

/** Sets (or clears) a source's language, which was detected on import; an editor corrects a wrong guess here. */
export async function updateSourceLanguage(actor: Actor, workspaceSlug: string, comparisonSlug: string, sourceId: string, input: unknown) {
  const { language } = parseInput(ZUpdateSourceLanguage, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const { count } = await db().source.updateMany({ where: { id: sourceId, comparisonId: comparison.id }, data: { language } });
  if (count === 0) throw notFound("That source");
  return { language };
}
