import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { canManageMembers } from "@/lib/server/permissions";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";

/** Who asked to join a class and waits to be admitted, oldest first: for its teachers; others get an empty list. */
export async function findJoinRequests(actor: Actor, workspaceSlug: string) {
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  if (workspace.kind !== "CLASS" || !canManageMembers(workspace.role)) return [];
  return db().joinRequest.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

/**
 * The classes the actor asked to join and is waiting for: only what they knew when they asked
 * (the name and address of the class), and when they asked.
 */
export async function findOwnJoinRequests(actor: Actor, { workspaceSlug }: { workspaceSlug?: string } = {}) {
  const requests = await db().joinRequest.findMany({
    where: { userId: actor.id, ...(workspaceSlug ? { workspace: { slug: workspaceSlug } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, workspace: { select: { slug: true, name: true } } },
  });
  return requests.map((r) => ({ ...r.workspace, requestedAt: r.createdAt }));
}
