import "server-only";
import { ZCreateTag } from "@/lib/schemas/taxonomy";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";
import { assertTagNameFree } from "./tag-checks";

/** Adds a tag at the end of one of the comparison's tag sets; owners and editors only. */
export async function createTag(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { tagSetId, name, description, color } = parseInput(ZCreateTag, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  return db().$transaction(async (tx) => {
    const set = await tx.tagSet.findFirst({ where: { id: tagSetId, comparisonId: comparison.id }, select: { id: true } });
    if (!set) throw notFound("That tag set");
    await assertTagNameFree(tx, set.id, name);
    const last = await tx.tag.aggregate({ where: { tagSetId: set.id }, _max: { position: true } });
    return tx.tag.create({
      data: { tagSetId: set.id, name, description: description ?? null, color, position: (last._max.position ?? -1) + 1 },
    });
  });
}
