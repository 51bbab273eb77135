import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
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
      _count: { select: { sources: true, factRows: true, annotations: { where: visibleAnnotationsWhere(actor, workspace.role) } } },
    },
  });
  return { workspace, comparisons };
}
