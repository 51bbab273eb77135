import "server-only";
import { AppError } from "@/lib/server/errors";
import { countAttempts } from "./rate-limit";

/**
 * Sign-ups per client address. Every attempt counts, failed and refused ones too: each
 * costs a password hash, and "that email already has an account" tells a prober who is
 * here. The allowance is generous because a class signs up together from one school
 * network. Counted and checked in one statement in the database (./rate-limit.ts), so the
 * limit holds under parallel requests, across app instances and restarts.
 */
export const SIGN_UP_LIMITS = { windowMinutes: 60, perIp: 60 } as const;

/** Counts the attempt, and refuses it when the address has used its allowance. */
export async function assertSignUpAllowed(ip: string): Promise<void> {
  const key = `sign-up:ip:${ip}`;
  const [count] = await countAttempts([key], SIGN_UP_LIMITS.windowMinutes);
  if (count > SIGN_UP_LIMITS.perIp) {
    throw new AppError("RATE_LIMITED", `Too many sign-ups from your network. Wait ${SIGN_UP_LIMITS.windowMinutes} minutes and try again.`);
  }
}
