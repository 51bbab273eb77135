import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { apiTokenSelect } from "./api-token-fields";

/**
 * Revokes one of the actor's own tokens at once. Revoking it again changes nothing (the
 * first revocation time stays); someone else's token is "not found".
 */
export async function revokeApiToken(actor: Actor, tokenId: string) {
  await db().apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
  const token = await db().apiToken.findFirst({ where: { id: tokenId, userId: actor.id }, select: apiTokenSelect });
  if (!token) throw notFound("That API token");
  return token;
}
