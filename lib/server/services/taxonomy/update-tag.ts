import "server-only";
import { ZUpdateTag } from "@/lib/schemas/taxonomy";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";
import { assertTagNameFree, findTagInComparison } from "./tag-checks";

/**
 * Renames, describes (coding guideline) or recolours a tag; owners and editors only.
 * Annotations point at the tag, not its name, so they follow a rename.
 */
export async function updateTag(actor: Actor, workspaceSlug: string, comparisonSlug: string, tagId: string, input: unknown) {
  const changes = parseInput(ZUpdateTag, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  return db().$transaction(async (tx) => {
    const tag = await findTagInComparison(tx, comparison.id, tagId);
    if (changes.name !== undefined && changes.name !== tag.name) await assertTagNameFree(tx, tag.tagSetId, changes.name, tag.id);
    return tx.tag.update({ where: { id: tag.id }, data: changes });
  });
}
