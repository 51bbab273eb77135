import "server-only";
import type { TClaim } from "@/lib/schemas/annotation";
import type { DbTx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

/** A tag as an annotation shows it (annotationSelect's tag fields), and whether it is retired. */
export interface FoundTag {
  id: string;
  name: string;
  color: string;
  tagSetId: string;
  retired: boolean;
}

/**
 * Tags must belong to the comparison's taxonomy and still be in use: `found` are the tags of
 * `tagIds` found in it. Returns them as an annotation shows them, in the order given, once each.
 */
export function usableTags(found: readonly FoundTag[], tagIds: readonly string[]) {
  const unique = [...new Set(tagIds)];
  if (found.length !== unique.length) {
    throw new AppError("INVALID_INPUT", "One of the tags is not in this comparison's taxonomy.", { tagIds: "Choose tags from this comparison's taxonomy." });
  }
  const retired = found.find((t) => t.retired);
  if (retired) {
    throw new AppError("INVALID_INPUT", `The tag “${retired.name}” is retired; choose another.`, { tagIds: `“${retired.name}” is retired.` });
  }
  const byId = new Map(found.map(({ id, name, color, tagSetId }) => [id, { id, name, color, tagSetId }]));
  return unique.map((id) => byId.get(id)!);
}

/** usableTags, reading the tags of the comparison's taxonomy in the transaction. */
export async function assertUsableTags(tx: DbTx, comparisonId: string, tagIds: string[]) {
  const tags = await tx.tag.findMany({
    where: { id: { in: [...new Set(tagIds)] }, tagSet: { comparisonId } },
    select: { id: true, name: true, color: true, tagSetId: true, retiredAt: true },
  });
  return usableTags(tags.map(({ retiredAt, ...tag }) => ({ ...tag, retired: retiredAt !== null })), tagIds);
}

/** The claim columns of an annotation: all cleared when it is not a claim. */
export function claimColumns(claim: TClaim | null | undefined) {
  if (!claim) return { isClaim: false, claimAsserter: null, claimAssertedBy: null, claimStatus: null };
  return {
    isClaim: true,
    claimAsserter: claim.asserter,
    claimAssertedBy: claim.asserter === "QUOTED_PARTY" ? (claim.assertedBy ?? null) : null,
    claimStatus: claim.status,
  };
}
