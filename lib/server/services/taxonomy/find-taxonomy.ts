import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { countBy } from "@/lib/server/db/count-by";
import { AppError } from "@/lib/server/errors";
import { canBrowseComparisons, canEditComparisons, hasMember, STUDENTS_READ_ASSIGNMENTS } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";

/**
 * A comparison's taxonomy for any member: its tag sets in order, each with its tags in
 * order, how many of the annotations the actor can see carry each tag, and whether the tag is
 * retired or was merged into another. `canEdit` says whether the actor may change it.
 */
export async function findTaxonomy(actor: Actor, workspaceSlug: string, comparisonSlug: string) {
  const { workspace, comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug);
  if (!canBrowseComparisons(workspace.role)) throw new AppError("FORBIDDEN", STUDENTS_READ_ASSIGNMENTS);
  const tagSets = await db().tagSet.findMany({
    where: { comparisonId: comparison.id, comparison: { workspace: hasMember(actor) } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      tags: {
        orderBy: [{ position: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          description: true,
          color: true,
          position: true,
          retiredAt: true,
          mergedInto: { select: { id: true, name: true } },
        },
      },
    },
  });
  // Counted over this comparison's annotations only (its own index); a `_count` per tag counts every tag's rows.
  const tagged = await db().annotationTag.groupBy({
    by: ["tagId"],
    where: { tagId: { in: tagSets.flatMap((set) => set.tags.map((tag) => tag.id)) }, annotation: { comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, workspace.role) } },
    _count: true,
  });
  const annotationCount = countBy(tagged, "tagId");
  return {
    comparison,
    canEdit: canEditComparisons(workspace.role),
    tagSets: tagSets.map(({ tags, ...set }) => ({
      ...set,
      tags: tags.map((tag) => ({
        ...tag,
        annotationCount: annotationCount(tag.id),
        retired: tag.retiredAt !== null,
        merged: tag.mergedInto !== null,
      })),
    })),
  };
}

export type TaxonomyView = Awaited<ReturnType<typeof findTaxonomy>>;
export type TagSetView = TaxonomyView["tagSets"][number];
export type TagView = TagSetView["tags"][number];
