import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

/**
 * What changes whenever one of the annotations a filter selects does, read without the rows
 * (a few aggregates over the comparison's index): per author and anchoring status, how many
 * there are, the sums of their versions and offsets (every edit, hide and delete bumps a
 * version; a re-anchoring moves offsets), their latest update; how many of them carry each
 * tag (a tag merge moves tags without an edit) and how many evidence links they have; and
 * the authors' names. Sums of versions only grow, so a write that commits after a reader
 * took the marker still changes it. For figures kept between requests (lib/server/figures-cache.ts).
 */
export async function annotationsMarker(annotations: Prisma.AnnotationWhereInput) {
  const [byAuthor, tagged, evidence] = await Promise.all([
    db().annotation.groupBy({
      by: ["authorId", "anchorStatus"],
      where: annotations,
      orderBy: [{ authorId: "asc" }, { anchorStatus: "asc" }],
      _count: { _all: true },
      _sum: { version: true, start: true, end: true },
      _max: { updatedAt: true },
    }),
    db().annotationTag.groupBy({ by: ["tagId"], where: { annotation: annotations }, orderBy: { tagId: "asc" }, _count: { _all: true } }),
    db().claimEvidence.count({ where: { annotation: annotations } }),
  ]);
  const authors = await db().user.findMany({ where: { id: { in: [...new Set(byAuthor.map((a) => a.authorId))] } }, orderBy: { id: "asc" }, select: { id: true, name: true } });
  return {
    authors,
    annotations: byAuthor.map((a) => [a.authorId, a.anchorStatus, a._count._all, a._sum.version, a._sum.start, a._sum.end, a._max.updatedAt?.toISOString() ?? null]),
    tagged: tagged.map((t) => [t.tagId, t._count._all]),
    evidence,
  };
}
