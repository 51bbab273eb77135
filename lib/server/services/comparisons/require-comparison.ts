import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons, hasMember } from "@/lib/server/permissions";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";

/**
 * A comparison the actor can see, found through their membership. With `edit`, the
 * actor must also be allowed to change it (owner or editor); others get FORBIDDEN.
 */
export async function requireComparison(actor: Actor, workspaceSlug: string, comparisonSlug: string, { edit = false } = {}) {
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  if (edit && !canEditComparisons(workspace.role)) {
    throw new AppError("FORBIDDEN", "Only the workspace's owners and editors can change comparisons.");
  }
  const comparison = await db().comparison.findFirst({
    where: { slug: comparisonSlug, workspaceId: workspace.id, workspace: hasMember(actor) },
    select: { id: true, slug: true, title: true, workspaceId: true },
  });
  if (!comparison) throw notFound("That comparison");
  return { workspace, comparison };
}

/** For creating things in a workspace: the workspace, if the actor may edit there. */
export async function requireEditableWorkspace(actor: Actor, workspaceSlug: string) {
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  if (!canEditComparisons(workspace.role)) {
    throw new AppError("FORBIDDEN", "Only the workspace's owners and editors can do this.");
  }
  return workspace;
}
