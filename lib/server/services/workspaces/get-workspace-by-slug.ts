import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { hasMember } from "@/lib/server/permissions";
import { notFound } from "@/lib/server/errors";

/** A workspace the actor is a member of, with the actor's role; otherwise not found. */
export async function getWorkspaceBySlug(actor: Actor, slug: string) {
  const workspace = await db().workspace.findFirst({
    where: { slug, ...hasMember(actor) },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      joinCode: true,
      memberships: { where: { userId: actor.id }, select: { role: true } },
    },
  });
  const membership = workspace?.memberships[0];
  if (!workspace || !membership) throw notFound("That workspace");
  const { memberships: _, ...rest } = workspace;
  return { ...rest, role: membership.role };
}
