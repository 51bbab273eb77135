import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { apiTokenSelect } from "./api-token-fields";

/** The actor's own API tokens, active ones first, newest first; revoked ones stay listed. */
export async function findApiTokens(actor: Actor) {
  return db().apiToken.findMany({
    where: { userId: actor.id },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: apiTokenSelect,
  });
}
