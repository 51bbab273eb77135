import "server-only";
import { ZInviteMember } from "@/lib/schemas/workspace";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { requireMemberManager } from "./require-member-manager";

/**
 * Invites someone by email. A person who already has an account becomes a member at once;
 * anyone else gets a pending invitation that turns into a membership when they sign up.
 */
export async function inviteMember(actor: Actor, workspaceSlug: string, input: unknown) {
  const { email, role } = parseInput(ZInviteMember, input);
  const workspace = await requireMemberManager(actor, workspaceSlug);
  if (workspace.kind === "CLASS") throw new AppError("INVALID_INPUT", "Students join a class with its code; share the code or link instead.");
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (user) {
      const existing = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      });
      if (existing) {
        throw new AppError("CONFLICT", `${email} is already a member of this workspace.`, { email: "Already a member." });
      }
      await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
      return { status: "added" as const, email };
    }
    await tx.invitation.upsert({
      where: { workspaceId_email: { workspaceId: workspace.id, email } },
      create: { workspaceId: workspace.id, email, role, invitedById: actor.id },
      update: { role, invitedById: actor.id, acceptedAt: null },
    });
    return { status: "invited" as const, email };
  });
}
