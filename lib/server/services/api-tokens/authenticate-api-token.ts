import "server-only";
import type { SessionUser } from "@/lib/server/auth/session";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { queryRows } from "@/lib/server/db/statements";
import { API_TOKEN_PATTERN, hashApiToken } from "./api-token-fields";

/**
 * "Last used" is for people deciding which token to revoke, so minute precision is plenty;
 * recording every request would turn each API read into a write.
 */
const LAST_USED_RESOLUTION_MS = 60_000;

interface Found extends SessionUser {
  tokenId: string;
  lastUsedAt: Date | null;
}

/**
 * The user a bearer token belongs to, or null when it is malformed, unknown or revoked.
 * The lookup is by hash, so the comparison the database makes reveals nothing about
 * stored tokens, and a malformed string costs no query at all. One statement by the unique
 * index on the hash, joined with its user (Prisma's nested select sent two), read on every
 * request: a token revoked or a user deleted a moment ago is refused at once. Sent with pg
 * on Postgres (statements.ts), since every API request runs it.
 */
export async function authenticateApiToken(bearer: string): Promise<SessionUser | null> {
  if (!API_TOKEN_PATTERN.test(bearer)) return null;
  const [found] = await queryRows<Found>(Prisma.sql`
    SELECT t.id AS "tokenId", t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", u.id, u.name, u.email
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashApiToken(bearer)} AND t."revokedAt" IS NULL`);
  if (!found) return null;
  const now = new Date();
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!found.lastUsedAt || new Date(found.lastUsedAt) < staleBefore) {
    // Conditional, so of several requests in the same minute only one writes.
    await db().apiToken.updateMany({
      where: { id: found.tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return { id: found.id, name: found.name, email: found.email };
}
