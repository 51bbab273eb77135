import "server-only";
import type { DbTx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";

/** A source of the given comparison with its current revision, or not found. */
export async function findSourceInComparison(tx: DbTx, comparisonId: string, sourceId: string) {
  const source = await tx.source.findFirst({
    where: { id: sourceId, comparisonId },
    select: { id: true, title: true, currentRevision: { select: { id: true, number: true, text: true } } },
  });
  if (!source?.currentRevision) throw notFound("That source");
  return { ...source, currentRevision: source.currentRevision };
}
