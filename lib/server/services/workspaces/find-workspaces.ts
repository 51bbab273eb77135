import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { countBy } from "@/lib/server/db/count-by";

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
        },
      },
    },
  });
  const ids = memberships.map((m) => m.workspace.id);
  const [comparisons, members] = await Promise.all([
    db().comparison.groupBy({ by: ["workspaceId"], where: { workspaceId: { in: ids } }, _count: true }),
    db().membership.groupBy({ by: ["workspaceId"], where: { workspaceId: { in: ids } }, _count: true }),
  ]);
  const comparisonCount = countBy(comparisons, "workspaceId");
  const memberCount = countBy(members, "workspaceId");
  return memberships.map(({ role, workspace }) => ({
    ...workspace,
    role,
    comparisonCount: comparisonCount(workspace.id),
    memberCount: memberCount(workspace.id),
  }));
}
