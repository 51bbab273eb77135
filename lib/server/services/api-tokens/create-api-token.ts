import "server-only";
import { randomBytes } from "node:crypto";
import { refuseUnsafeCharacters } from "@/lib/schemas/text";
import { z } from "@/lib/schemas/zod";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { API_TOKEN_PREFIX, apiTokenSelect, hashApiToken } from "./api-token-fields";

/** More live tokens than this is a sign of tokens nobody tracks any more. */
export const MAX_LIVE_API_TOKENS = 20;

export const ZCreateApiToken = z.object({
  name: z
    .string({ error: "Give the token a name." })
    .superRefine(refuseUnsafeCharacters("line", "token's name"))
    .trim()
    .min(1, "Give the token a name, e.g. the script that will use it.")
    .max(80, "Use at most 80 characters for the token's name.")
    .describe("What the token is for, so its owner knows what breaks when they revoke it"),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

/**
 * Creates a personal API token. The token itself is in the answer and nowhere else: only
 * its hash is stored, so it cannot be shown again.
 */
export async function createApiToken(actor: Actor, input: unknown) {
  const { name } = parseInput(ZCreateApiToken, input);
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const created = await db().$transaction(async (tx) => {
    // Locks the owner's row, so two concurrent requests cannot both count 19 and make 21.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${actor.id} FOR UPDATE`;
    const live = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
    if (live >= MAX_LIVE_API_TOKENS) {
      throw new AppError(
        "CONFLICT",
        `You already have ${MAX_LIVE_API_TOKENS} active API tokens, the most allowed. Revoke one you no longer use, then create a new one.`,
      );
    }
    return tx.apiToken.create({ data: { userId: actor.id, name, tokenHash: hashApiToken(token) }, select: apiTokenSelect });
  });
  return { ...created, token };
}
