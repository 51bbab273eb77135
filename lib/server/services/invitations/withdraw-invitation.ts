import "server-only";
import { ZWithdrawInvitation } from "@/lib/schemas/workspace";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { requireMemberManager } from "@/lib/server/services/members/require-member-manager";
import { parseInput } from "@/lib/server/validation";

/** An owner withdraws an invitation that has not been used: its link stops working at once. */
export async function withdrawInvitation(actor: Actor, workspaceSlug: string, input: unknown) {
  const { invitationId } = parseInput(ZWithdrawInvitation, input);
  const workspace = await requireMemberManager(actor, workspaceSlug);
  const { count } = await db().invitation.updateMany({
    where: { id: invitationId, workspaceId: workspace.id, acceptedAt: null, withdrawnAt: null },
    data: { withdrawnAt: new Date() },
  });
  if (count === 1) return;
  const invitation = await db().invitation.findFirst({ where: { id: invitationId, workspaceId: workspace.id }, select: { acceptedAt: true } });
  if (!invitation) throw notFound("That invitation");
  if (invitation.acceptedAt) throw new AppError("CONFLICT", "That invitation has been accepted already; remove the member instead.");
}
