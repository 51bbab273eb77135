import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
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
          _count: { select: { annotations: { where: { annotation: visibleAnnotationsWhere(actor, workspace.role) } } } },
        },
      },
    },
  });
  return {
    comparison,
    canEdit: canEditComparisons(workspace.role),
    tagSets: tagSets.map(({ tags, ...set }) => ({
      ...set,
      tags: tags.map(({ _count, ...tag }) => ({
        ...tag,
        annotationCount: _count.annotations,
        retired: tag.retiredAt !== null,
        merged: tag.mergedInto !== null,
      })),
    })),
  };
}

export type TaxonomyView = Awaited<ReturnType<typeof findTaxonomy>>;
export type TagSetView = TaxonomyView["tagSets"][number];
export type TagView = TagSetView["tags"][number];
