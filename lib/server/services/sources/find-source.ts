import "server-only";
import type { DbTx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/**
 * A source of the given comparison with its current revision, or not found. Read from the
 * revision's side, in one query: from the source's side Prisma would load the revision
 * with a second one.
 */
export async function findSourceInComparison(tx: DbTx, comparisonId: string, sourceId: string) {
  const currentRevision = await tx.sourceRevision.findFirst({
    where: { currentOf: { id: sourceId, comparisonId } },
    select: { id: true, number: true, text: true },
  });
  if (!currentRevision) throw notFound("That source");
  return { id: sourceId, currentRevision };
}
