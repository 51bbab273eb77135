import "server-only";
import { ZRemoveMember } from "@/lib/schemas/workspace";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { assertAnotherOwnerRemains } from "./assert-another-owner-remains";
import { requireMemberManager } from "./require-member-manager";

/** Removes a member (a student from a class, too); their annotations stay, attributed to them. */
export async function removeMember(actor: Actor, workspaceSlug: string, input: unknown) {
  const { membershipId } = parseInput(ZRemoveMember, input);
  const workspace = await requireMemberManager(actor, workspaceSlug);
  await db().$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, workspaceId: workspace.id } });
    if (!membership) throw notFound("That member");
    if (membership.role === "OWNER" || membership.role === "TEACHER") await assertAnotherOwnerRemains(tx, workspace.id, "remove", membership.role);
    await tx.membership.delete({ where: { id: membership.id } });
  });
}
