import "server-only";
import { z } from "@/lib/schemas/zod";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { parseInput } from "@/lib/server/validation";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";

/** At most this many annotations of one source are offered as a link's target, in text order. */
export const MAX_LINK_CANDIDATES = 500;

const ZSourceId = z.string().min(1).max(100);

/**
 * The annotations of one source that an annotation may be linked to: those the actor may see
 * (the annotation visibility rule, inside the query), in text order, with their words, tags
 * and author, so the annotate view need not hold every annotation of the comparison.
 */
export async function findLinkCandidates(actor: Actor, comparisonId: string, sourceIdInput: unknown) {
  const sourceId = parseInput(ZSourceId, sourceIdInput);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "read");
  const rows = await db().annotation.findMany({
    where: { comparisonId: comparison.id, sourceId, anchorStatus: { not: "ORPHANED" }, ...visibleAnnotationsWhere(actor, role) },
    orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
    take: MAX_LINK_CANDIDATES + 1,
    select: { id: true, exact: true, author: { select: { name: true } }, tags: { select: { tag: { select: { name: true } } } } },
  });
  return {
    candidates: rows.slice(0, MAX_LINK_CANDIDATES).map((r) => ({ id: r.id, exact: r.exact, author: r.author.name, tags: r.tags.map((t) => t.tag.name) })),
    more: rows.length > MAX_LINK_CANDIDATES,
  };
}

export type LinkCandidates = Awaited<ReturnType<typeof findLinkCandidates>>;
