import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { canEditComparisons } from "@/lib/server/permissions";

/** Everything a client shows of an annotation; the same shape in pages, the JSON API and events. */
export const annotationSelect = {
  id: true,
  comparisonId: true,
  sourceId: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  anchorStatus: true,
  anchorScore: true,
  comment: true,
  isClaim: true,
  claimAsserter: true,
  claimAssertedBy: true,
  claimStatus: true,
  version: true,
  resolvedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  createdAt: true,
  updatedAt: true,
  revision: { select: { number: true } },
  author: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true, color: true, tagSetId: true } } } },
  evidence: { select: { url: true }, orderBy: { createdAt: "asc" } },
  replies: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, version: true, createdAt: true, updatedAt: true, author: { select: { id: true, name: true } } },
  },
} satisfies Prisma.AnnotationSelect;

type Row = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export function toAnnotationView(row: Row) {
  return {
    id: row.id,
    comparisonId: row.comparisonId,
    sourceId: row.sourceId,
    revision: row.revision.number,
    target: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end },
    anchor: { status: row.anchorStatus, score: row.anchorScore },
    tags: row.tags.map((t) => t.tag),
    comment: row.comment,
    claim: row.isClaim
      ? { asserter: row.claimAsserter, assertedBy: row.claimAssertedBy, status: row.claimStatus, evidence: row.evidence.map((e) => e.url) }
      : null,
    author: row.author,
    version: row.version,
    resolved: row.resolvedAt !== null,
    hidden: row.hiddenAt ? { at: row.hiddenAt, reason: row.hiddenReason } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    replies: row.replies,
  };
}

export type AnnotationView = ReturnType<typeof toAnnotationView>;

/**
 * Which annotations an actor may see: never deleted ones; hidden ones only to editors
 * (who moderate) and to their author (who should know why). The class roles of a later
 * issue narrow this further, here, in one place.
 */
export function visibleAnnotationsWhere(actor: Actor, role: Role): Prisma.AnnotationWhereInput {
  if (canEditComparisons(role)) return { deletedAt: null };
  return { deletedAt: null, OR: [{ hiddenAt: null }, { authorId: actor.id }] };
}
