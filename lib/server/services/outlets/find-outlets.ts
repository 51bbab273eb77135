import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { hasMember } from "@/lib/server/permissions";

/** The outlets of a workspace the actor belongs to, by name. */
export async function findOutlets(actor: Actor, workspaceId: string) {
  return db().outlet.findMany({
    where: { workspaceId, workspace: hasMember(actor) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, site: true, country: true, notes: true },
  });
}
