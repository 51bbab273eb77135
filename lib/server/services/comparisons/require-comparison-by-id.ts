import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { hasMember } from "@/lib/server/permissions";
import { notFound } from "@/lib/server/errors";

/**
 * A comparison the actor can see, by id, with the actor's role in its workspace. For
 * endpoints addressed by id (annotations, the event stream); non-members get not found.
 *
 * Two queries rather than one nested select: Prisma (without its relationJoins preview)
 * loads each relation with a query of its own, so reaching the membership through the
 * workspace cost a third one, on every annotation request.
 */
export async function requireComparisonById(actor: Actor, comparisonId: string) {
  const comparison = await db().comparison.findFirst({
    where: { id: comparisonId, workspace: hasMember(actor) },
    select: { id: true, workspaceId: true, slug: true },
  });
  const membership =
    comparison &&
    (await db().membership.findUnique({
      where: { workspaceId_userId: { workspaceId: comparison.workspaceId, userId: actor.id } },
      select: { role: true },
    }));
  if (!comparison || !membership) throw notFound("That comparison");
  return { comparison, role: membership.role };
}
