import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * An invitation link's token: 32 random bytes, base64url. Only its SHA-256 is stored, as
 * for API tokens: the link is a key to the workspace, so a copy of the database must not
 * hold working links. It is shown to the owner once, when made, and sent to the invitee.
 */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string has the shape of a token; anything else is not looked up. */
export function isInvitationToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The path of an invitation's page. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
