import "server-only";
import { ZSignIn } from "@/lib/schemas/auth";
import { verifyDecoy, verifyPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";

/**
 * Failed sign-ins are counted in the database, so the limit holds across app instances.
 * Five tries per email stops guessing one account; the higher per-address limit stops
 * one client from spraying many accounts without locking out a shared office network.
 */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 20 } as const;

export const WRONG_CREDENTIALS = "Wrong email or password.";

export interface SignInAttempt {
  email: unknown;
  password: unknown;
  ip: string;
}

export async function verifyCredentials(attempt: SignInAttempt) {
  const { email, password } = parseInput(ZSignIn, attempt);
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const [emailFailures, ipFailures] = await Promise.all([
    db().signInFailure.count({ where: { email, createdAt: { gte: since } } }),
    db().signInFailure.count({ where: { ip: attempt.ip, createdAt: { gte: since } } }),
  ]);
  if (emailFailures >= SIGN_IN_LIMITS.perEmail || ipFailures >= SIGN_IN_LIMITS.perIp) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-ins. Wait ${SIGN_IN_LIMITS.windowMinutes} minutes and try again.`,
    );
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyDecoy(password), false);
  if (!user || !valid) {
    await db().$transaction([
      db().signInFailure.deleteMany({ where: { createdAt: { lt: since } } }),
      db().signInFailure.create({ data: { email, ip: attempt.ip } }),
    ]);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  await db().signInFailure.deleteMany({ where: { email } });
  return { id: user.id, name: user.name, email: user.email };
}
