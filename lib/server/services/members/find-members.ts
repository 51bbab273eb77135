import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";

/**
 * Members and pending invitations (not used or withdrawn; expired ones too, to withdraw or
 * renew) of a workspace the actor belongs to; a class's roster is for its teachers.
 */
export async function findMembers(actor: Actor, workspaceSlug: string) {
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  if (workspace.role === "STUDENT") throw new AppError("FORBIDDEN", "The class roster is for its teachers.");
  const [members, invitations] = await Promise.all([
    db().membership.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ createdAt: "asc" }],
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db().invitation.findMany({
      where: { workspaceId: workspace.id, acceptedAt: null, withdrawnAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    }),
  ]);
  const now = new Date();
  return { workspace, members, invitations: invitations.map((invitation) => ({ ...invitation, expired: invitation.expiresAt <= now })) };
}
