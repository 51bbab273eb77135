import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { hasMember } from "@/lib/server/permissions";
import { notFound } from "@/lib/server/errors";

/**
 * A comparison the actor can see, by id, with the actor's role in its workspace. For
 * endpoints addressed by id (annotations, the event stream); non-members get not found.
 */
export async function requireComparisonById(actor: Actor, comparisonId: string) {
  const found = await db().comparison.findFirst({
    where: { id: comparisonId, workspace: hasMember(actor) },
    select: {
      id: true,
      workspaceId: true,
      slug: true,
      workspace: { select: { memberships: { where: { userId: actor.id }, select: { role: true } } } },
    },
  });
  const membership = found?.workspace.memberships[0];
  if (!found || !membership) throw notFound("That comparison");
  const { workspace: _, ...comparison } = found;
  return { comparison, role: membership.role };
}
