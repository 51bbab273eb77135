import "server-only";
import { invitationExpiry } from "@/lib/domain/invitations/invitation-status";
import { ZInviteMember } from "@/lib/schemas/workspace";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireMemberManager } from "@/lib/server/services/members/require-member-manager";
import { parseInput } from "@/lib/server/validation";
import { newInvitationToken } from "./invitation-token";

/**
 * An owner invites someone by email: the answer carries a single-use link (its token is
 * stored hashed, so it is in this answer and the message to the invitee only). Only that
 * link joins; signing up with the address does not. Whether the address has an account is
 * not said, so inviting cannot be used to find out who uses Parallax. Inviting the same
 * address again withdraws the earlier link: one live link per person.
 */
export async function createInvitation(actor: Actor, workspaceSlug: string, input: unknown) {
  const { email, role } = parseInput(ZInviteMember, input);
  const workspace = await requireMemberManager(actor, workspaceSlug);
  if (workspace.kind === "CLASS") throw new AppError("INVALID_INPUT", "Students join a class with its code; share the code or link instead.");
  const { token, tokenHash } = newInvitationToken();
  const now = new Date();
  const invitation = await db().$transaction(async (tx) => {
    const member = await tx.membership.count({ where: { workspaceId: workspace.id, user: { email } } });
    if (member) throw new AppError("CONFLICT", `${email} is already a member of this workspace.`, { email: "Already a member." });
    await tx.invitation.updateMany({
      where: { workspaceId: workspace.id, email, acceptedAt: null, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    return tx.invitation.create({
      data: { workspaceId: workspace.id, email, role, invitedById: actor.id, tokenHash, createdAt: now, expiresAt: invitationExpiry(now) },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
  });
  return { ...invitation, token, workspace: { name: workspace.name, slug: workspace.slug } };
}
