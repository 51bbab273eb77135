import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";

/** The workspaces the actor belongs to, with their role and what each holds. */
export async function findWorkspaces(actor: Actor) {
  const memberships = await db().membership.findMany({
    where: { userId: actor.id },
    orderBy: { workspace: { name: "asc" } },
    select: {
      role: true,
      workspace: {
        select: {
          id: true,
          slug: true,
          name: true,
          kind: true,
          _count: { select: { comparisons: true, memberships: true } },
        },
      },
    },
  });
  return memberships.map(({ role, workspace }) => ({
    ...workspace,
    role,
    comparisonCount: workspace._count.comparisons,
    memberCount: workspace._count.memberships,
  }));
}
