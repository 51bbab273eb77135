import "server-only";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { API_TOKEN_PATTERN, hashApiToken } from "./api-token-fields";

/**
 * "Last used" is for people deciding which token to revoke, so minute precision is plenty;
 * recording every request would turn each API read into a write.
 */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The user a bearer token belongs to, or null when it is malformed, unknown or revoked.
 * The lookup is by hash, so the comparison the database makes reveals nothing about
 * stored tokens, and a malformed string costs no query at all.
 */
export async function authenticateApiToken(bearer: string): Promise<SessionUser | null> {
  if (!API_TOKEN_PATTERN.test(bearer)) return null;
  const found = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(bearer) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!found || found.revokedAt) return null;
  const now = new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!found.lastUsedAt || found.lastUsedAt < staleBefore) {
    // Conditional, so of several requests in the same minute only one writes.
    await db().apiToken.updateMany({
      where: { id: found.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return found.user;
}
