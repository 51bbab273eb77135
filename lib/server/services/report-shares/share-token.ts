import "server-only";
import { randomBytes } from "node:crypto";

/**
 * A share link's token: 32 random bytes, base64url (43 characters). It is stored as is,
 * not hashed like API tokens: editors must be able to see and copy a live link again, and
 * hashing would protect nothing, since whoever can read the ReportShare table can read the
 * report's data itself.
 */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether a string has the shape of a share token; anything else is not looked up. */
export function isShareToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
