import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";

const EDITING_ROLES = ["OWNER", "EDITOR", "TEACHER"] as const;

/** The workspaces a comparison can be copied into: those, other than its own, where the actor edits comparisons. */
export async function findCopyTargets(actor: Actor, exceptWorkspaceId: string) {
  return db().workspace.findMany({
    where: { id: { not: exceptWorkspaceId }, memberships: { some: { userId: actor.id, role: { in: [...EDITING_ROLES] } } } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, kind: true },
  });
}
