import "server-only";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

/**
 * Sign-ups per client address. Every attempt counts, failed ones too: each costs a
 * password hash, and "that email already has an account" tells a prober who is here.
 * The allowance is generous because a class signs up together from one school network.
 * Counted in the database, as failed sign-ins are, so the limit holds across app
 * instances and restarts.
 */
export const SIGN_UP_LIMITS = { windowMinutes: 60, perIp: 60 } as const;

/** Records the attempt, or refuses it (uncounted) when the address has used its allowance. */
export async function assertSignUpAllowed(ip: string): Promise<void> {
  const since = new Date(Date.now() - SIGN_UP_LIMITS.windowMinutes * 60_000);
  const recent = await db().signUpAttempt.count({ where: { ip, createdAt: { gte: since } } });
  if (recent >= SIGN_UP_LIMITS.perIp) {
    throw new AppError("RATE_LIMITED", `Too many sign-ups from your network. Wait ${SIGN_UP_LIMITS.windowMinutes} minutes and try again.`);
  }
  await db().$transaction([
    db().signUpAttempt.deleteMany({ where: { createdAt: { lt: since } } }),
    db().signUpAttempt.create({ data: { ip } }),
  ]);
}
