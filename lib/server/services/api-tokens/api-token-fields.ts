import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Every token starts with this, so scanners and people can tell what a leaked string is. */
export const API_TOKEN_PREFIX = "plx_";

/** The prefix and 32 random bytes in base64url (43 characters, no padding). */
export const API_TOKEN_PATTERN = /^plx_[A-Za-z0-9_-]{43}$/;

/**
 * Tokens are stored as SHA-256, not with a slow password hash: they carry 256 random bits,
 * so there is nothing to brute-force, and every API request must check one cheaply. A
 * stolen database therefore holds no usable token.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What the owner may see of a token: never its hash. */
export const apiTokenSelect = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.ApiTokenSelect;

export type ApiTokenView = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenSelect }>;
