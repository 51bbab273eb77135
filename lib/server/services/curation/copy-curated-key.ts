import "server-only";
import { randomUUID } from "node:crypto";
import { curatedKeySpans } from "@/lib/domain/curation/curated-key";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

export const NO_CURATED_LAYER = "This comparison has no curated layer yet: accept spans on its Curate page first, then make the key.";

/** Refuses a curated key when the comparison has no accepted curated span to make it from. */
export async function requireCuratedLayer(comparisonId: string) {
  if ((await db().curatedAnnotation.count({ where: { comparisonId, verdict: "ACCEPTED" } })) === 0) throw new AppError("INVALID_INPUT", NO_CURATED_LAYER);
}

/**
 * Copy to workspace, "curated layer as key": the accepted spans of the original's curated layer
 * become the key annotations of the new assignment, with their curated tags (see
 * curatedKeySpans for what stays out). The copier authors them, like every copied annotation;
 * students see them only once the assignment reveals its work. Runs inside the copy's
 * transaction; returns how many key annotations were made.
 */
export async function copyCuratedKey(
  tx: DbTx,
  actor: Actor,
  from: { comparisonId: string; sources: ReadonlyMap<string, { id: string; revisionId: string; fromRevisionId: string }>; tags: ReadonlyMap<string, string> },
  to: { comparisonId: string; assignmentId: string },
) {
  const curated = await tx.curatedAnnotation.findMany({
    where: { comparisonId: from.comparisonId, verdict: "ACCEPTED" },
    orderBy: [{ sourceId: "asc" }, { start: "asc" }, { end: "desc" }],
    select: {
      sourceId: true, revisionId: true, verdict: true, start: true, end: true, exact: true, prefix: true, suffix: true, comment: true,
      tags: { select: { tagId: true } },
    },
  });
  const spans = curatedKeySpans(curated.map(({ tags, ...c }) => ({ ...c, tagIds: tags.map((t) => t.tagId) })), from.sources, from.tags);
  const rows = spans.map(({ tagIds, ...span }) => ({ id: randomUUID(), tagIds, span }));
  await tx.annotation.createMany({
    data: rows.map(({ id, span }) => ({ ...span, id, comparisonId: to.comparisonId, authorId: actor.id, assignmentId: to.assignmentId, isKey: true })),
  });
  await tx.annotationTag.createMany({ data: rows.flatMap(({ id, tagIds }) => tagIds.map((tagId) => ({ annotationId: id, tagId }))) });
  return rows.length;
}
