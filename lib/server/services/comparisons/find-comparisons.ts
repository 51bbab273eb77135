import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { countBy } from "@/lib/server/db/count-by";
import { canBrowseComparisons, hasMember } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";

/**
 * The comparisons of a workspace the actor belongs to, newest event first, with how many
 * annotations the actor can see. A student gets only those their class's assignments are on.
 */
export async function findComparisons(actor: Actor, workspaceSlug: string) {
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  const comparisons = await db().comparison.findMany({
    where: { workspaceId: workspace.id, workspace: hasMember(actor), ...(canBrowseComparisons(workspace.role) ? {} : { assignments: { some: {} } }) },
    orderBy: [{ eventDate: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      eventDate: true,
      updatedAt: true,
    },
  });
  const ids = { comparisonId: { in: comparisons.map((c) => c.id) } };
  const [sources, factRows, annotations] = await Promise.all([
    db().source.groupBy({ by: ["comparisonId"], where: ids, _count: true }),
    db().factRow.groupBy({ by: ["comparisonId"], where: ids, _count: true }),
    db().annotation.groupBy({ by: ["comparisonId"], where: { ...ids, ...visibleAnnotationsWhere(actor, workspace.role) }, _count: true }),
  ]);
  const [sourceCount, factRowCount, annotationCount] = [countBy(sources, "comparisonId"), countBy(factRows, "comparisonId"), countBy(annotations, "comparisonId")];
  return {
    workspace,
    comparisons: comparisons.map((c) => ({ ...c, _count: { sources: sourceCount(c.id), factRows: factRowCount(c.id), annotations: annotationCount(c.id) } })),
  };
}
