import "server-only";
import { ZSignIn } from "@/lib/schemas/auth";
import { verifyDecoy, verifyPassword } from "@/lib/server/auth/password";
import { clearAttempts, countAttempts, uncountAttempt } from "@/lib/server/auth/rate-limit";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";

/**
 * Sign-ins are counted in the database, so the limit holds across app instances, and
 * counted before the password is checked, in one statement with the check, so parallel
 * guesses cannot slip past it (lib/server/auth/rate-limit.ts). Five tries per email stops
 * guessing one account; the higher per-address limit stops one client from spraying many
 * accounts without locking out a shared office network. A successful sign-in clears its
 * email's count and gives its address back the attempt.
 */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 20 } as const;

export const WRONG_CREDENTIALS = "Wrong email or password.";

export const TOO_MANY_SIGN_INS = `Too many failed sign-ins. Wait ${SIGN_IN_LIMITS.windowMinutes} minutes and try again.`;

/** The counter of an account's password guesses, shared by sign-in and the password change. */
export const emailAttemptsKey = (email: string) => `sign-in:email:${email}`;

export interface SignInAttempt {
  email: unknown;
  password: unknown;
  ip: string;
}

export async function verifyCredentials(attempt: SignInAttempt) {
  const { email, password } = parseInput(ZSignIn, attempt);
  const emailKey = emailAttemptsKey(email);
  const ipKey = `sign-in:ip:${attempt.ip}`;
  const [emailCount, ipCount] = await countAttempts([emailKey, ipKey], SIGN_IN_LIMITS.windowMinutes);
  if (emailCount > SIGN_IN_LIMITS.perEmail || ipCount > SIGN_IN_LIMITS.perIp) {
    throw new AppError("RATE_LIMITED", TOO_MANY_SIGN_INS);
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyDecoy(password), false);
  if (!user || !valid) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  await Promise.all([clearAttempts(emailKey), uncountAttempt(ipKey)]);
  return { id: user.id, name: user.name, email: user.email };
}
