import "server-only";
import { ZChangeMemberRole } from "@/lib/schemas/workspace";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { requireMemberManager } from "./require-member-manager";
import { assertAnotherOwnerRemains } from "./assert-another-owner-remains";

export async function changeMemberRole(actor: Actor, workspaceSlug: string, input: unknown) {
  const { membershipId, role } = parseInput(ZChangeMemberRole, input);
  const workspace = await requireMemberManager(actor, workspaceSlug);
  return db().$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, workspaceId: workspace.id } });
    if (!membership) throw notFound("That member");
    if (membership.role === "OWNER" && role !== "OWNER") {
      await assertAnotherOwnerRemains(tx, workspace.id, "change the role of");
    }
    if (membership.role === role) return membership;
    if (workspace.kind !== "TEAM") throw new AppError("INVALID_INPUT", "Roles in a class are teacher and student.");
    return tx.membership.update({ where: { id: membership.id }, data: { role } });
  });
}
