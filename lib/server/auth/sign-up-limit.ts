import "server-only";
import { AppError } from "@/lib/server/errors";
import { createRateLimiter } from "./rate-limiter";

/**
 * Sign-ups per client address. Every attempt counts, failed ones too: each costs a
 * password hash, and "that email already has an account" tells a prober who is here.
 * The allowance is generous because a class signs up together from one school network.
 * Counted in memory: each app instance keeps its own count, and a restart starts over,
 * which is enough to stop a script from one address mass-creating accounts.
 */
export const SIGN_UP_LIMITS = { windowMinutes: 60, perIp: 60 } as const;

const take = createRateLimiter({ limit: SIGN_UP_LIMITS.perIp, windowMs: SIGN_UP_LIMITS.windowMinutes * 60_000 });

export function assertSignUpAllowed(ip: string): void {
  if (!take(ip)) {
    throw new AppError("RATE_LIMITED", `Too many sign-ups from your network. Wait ${SIGN_UP_LIMITS.windowMinutes} minutes and try again.`);
  }
}
