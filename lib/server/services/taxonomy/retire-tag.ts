import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { findTagInComparison } from "./tag-checks";

/**
 * Retires a tag: it stays on every annotation that has it (nothing is deleted), but is no
 * longer offered for new ones. Retiring twice keeps the first date.
 */
export async function retireTag(actor: Actor, workspaceSlug: string, comparisonSlug: string, tagId: string) {
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const tag = await findTagInComparison(db(), comparison.id, tagId);
  await db().tag.updateMany({ where: { id: tag.id, retiredAt: null }, data: { retiredAt: new Date() } });
  return findTagInComparison(db(), comparison.id, tag.id);
}

/**
 * Offers a retired tag for new annotations again. A merged tag stays retired: its
 * annotations now carry the tag it was merged into, and they cannot be told apart any more.
 */
export async function restoreTag(actor: Actor, workspaceSlug: string, comparisonSlug: string, tagId: string) {
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const tag = await findTagInComparison(db(), comparison.id, tagId);
  // The merge check is part of the write, so a merge committed in between cannot be undone by it.
  const { count } = await db().tag.updateMany({ where: { id: tag.id, mergedIntoId: null }, data: { retiredAt: null } });
  const current = await findTagInComparison(db(), comparison.id, tag.id);
  if (count === 0 && current.mergedInto) {
    throw new AppError(
      "CONFLICT",
      `“${current.name}” was merged into “${current.mergedInto.name}”, which now carries its annotations, so it cannot be restored. Add a new tag if you need it again.`,
    );
  }
  return current;
}
