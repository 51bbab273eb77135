import "server-only";
import { tagNameKey } from "@/lib/schemas/taxonomy";
import type { DbTx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";

/** A tag of the comparison's taxonomy; a tag of any other comparison is not found. */
export async function findTagInComparison(tx: DbTx, comparisonId: string, tagId: string) {
  const tag = await tx.tag.findFirst({
    where: { id: tagId, tagSet: { comparisonId } },
    select: { id: true, tagSetId: true, name: true, retiredAt: true, mergedInto: { select: { id: true, name: true } } },
  });
  if (!tag) throw notFound("That tag");
  return tag;
}

/**
 * Refuses a name another tag of the set already has, ignoring case. The database's unique
 * index is case-sensitive, so the set's row is locked first: two editors adding "Hedging"
 * and "hedging" at once are checked one after the other instead of both passing.
 */
export async function assertTagNameFree(tx: DbTx, tagSetId: string, name: string, exceptTagId?: string) {
  await tx.$queryRaw`SELECT "id" FROM "TagSet" WHERE "id" = ${tagSetId} FOR UPDATE`;
  const tags = await tx.tag.findMany({ where: { tagSetId, id: exceptTagId ? { not: exceptTagId } : undefined }, select: { name: true, retiredAt: true } });
  const key = tagNameKey(name);
  const taken = tags.find((tag) => tagNameKey(tag.name) === key);
  if (!taken) return;
  const message = taken.retiredAt
    ? `This tag set already has a retired tag named “${taken.name}”. Restore that one, or choose another name.`
    : `This tag set already has a tag named “${taken.name}”. Choose another name, or merge the two tags.`;
  throw new AppError("CONFLICT", message, { name: message });
}
