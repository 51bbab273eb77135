import "server-only";
import type { Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { canManageMembers } from "@/lib/server/permissions";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";

/** The workspace, if the actor may manage its members; otherwise FORBIDDEN. */
export async function requireMemberManager(actor: Actor, workspaceSlug: string) {
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  if (!canManageMembers(workspace.role)) {
    throw new AppError("FORBIDDEN", "Only the workspace's owners can manage its members.");
  }
  return workspace;
}
