import "server-only";
import { invitationStatus, type InvitationStatus } from "@/lib/domain/invitations/invitation-status";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { hashInvitationToken, isInvitationToken } from "./invitation-token";

/** What the link's page and a refused acceptance say about a link that no longer works. */
export const INVITATION_CLOSED: Record<Exclude<InvitationStatus, "open">, string> = {
  accepted: "This invitation link has been used already: each link works once. Ask the workspace's owner for a new one if you still need to join.",
  withdrawn: "This invitation was withdrawn by the workspace's owner. Ask them for a new one if you still need to join.",
  expired: "This invitation link has expired: links work for 7 days. Ask the workspace's owner for a new one.",
};

export const INVITATION_UNKNOWN = "This invitation link is not valid. Check that you copied all of it, or ask the workspace's owner for a new one.";

/**
 * What the link's page shows: for a link that still works, the workspace, the role and who
 * invited; for one that does not, only why (a used or withdrawn link may have leaked, so it
 * no longer tells which workspace it was for). Null for a token that matches nothing.
 */
export async function findInvitationByToken(token: string) {
  if (!isInvitationToken(token)) return null;
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      email: true, role: true, expiresAt: true, acceptedAt: true, withdrawnAt: true,
      workspace: { select: { name: true, slug: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) return null;
  const status = invitationStatus(invitation, new Date());
  if (status !== "open") return { status } as const;
  return { status, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, workspace: invitation.workspace, invitedBy: invitation.invitedBy.name } as const;
}

/**
 * The signed-in actor joins the workspace with the invitation's role, and the link is used
 * up, in one transaction: of two people opening one link at once, one joins. Someone who is
 * a member already is told so, and the link stays unused for whom it was meant.
 */
export async function acceptInvitation(actor: Actor, token: string) {
  if (!isInvitationToken(token)) throw new AppError("NOT_FOUND", INVITATION_UNKNOWN);
  const now = new Date();
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(token) },
      select: { id: true, role: true, expiresAt: true, acceptedAt: true, withdrawnAt: true, workspace: { select: { id: true, slug: true, name: true } } },
    });
    if (!invitation) throw new AppError("NOT_FOUND", INVITATION_UNKNOWN);
    const status = invitationStatus(invitation, now);
    if (status !== "open") throw new AppError("CONFLICT", INVITATION_CLOSED[status]);
    const { workspace } = invitation;
    const member = await tx.membership.count({ where: { workspaceId: workspace.id, userId: actor.id } });
    if (member) throw new AppError("CONFLICT", `You are a member of ${workspace.name} already.`);
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, withdrawnAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: actor.id },
    });
    if (count === 0) throw new AppError("CONFLICT", INVITATION_CLOSED.accepted);
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: actor.id, role: invitation.role } });
    return { workspace, role: invitation.role };
  });
}
