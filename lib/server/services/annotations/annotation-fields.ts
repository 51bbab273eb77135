import "server-only";
import type { TClaim } from "@/lib/schemas/annotation";
import type { DbTx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

/**
 * Tags must belong to the comparison's taxonomy and still be in use. Returns them as an
 * annotation shows them (annotationSelect's tag fields), in the order given, once each.
 */
export async function assertUsableTags(tx: DbTx, comparisonId: string, tagIds: string[]) {
  const unique = [...new Set(tagIds)];
  const tags = await tx.tag.findMany({
    where: { id: { in: unique }, tagSet: { comparisonId } },
    select: { id: true, name: true, color: true, tagSetId: true, retiredAt: true },
  });
  if (tags.length !== unique.length) {
    throw new AppError("INVALID_INPUT", "One of the tags is not in this comparison's taxonomy.", { tagIds: "Choose tags from this comparison's taxonomy." });
  }
  const retired = tags.find((t) => t.retiredAt);
  if (retired) {
    throw new AppError("INVALID_INPUT", `The tag “${retired.name}” is retired; choose another.`, { tagIds: `“${retired.name}” is retired.` });
  }
  const byId = new Map(tags.map(({ id, name, color, tagSetId }) => [id, { id, name, color, tagSetId }]));
  return unique.map((id) => byId.get(id)!);
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
