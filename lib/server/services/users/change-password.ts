import "server-only";
import { changePasswordSchema } from "@/lib/schemas/auth";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { clearAttempts, countAttempts } from "@/lib/server/auth/rate-limit";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { emailAttemptsKey, SIGN_IN_LIMITS, TOO_MANY_SIGN_INS } from "./verify-credentials";

const WRONG_CURRENT = "That is not your current password.";

/**
 * A signed-in user replaces their password (a generated one from their teacher, say) after
 * proving they know the current one. Every session signed in before now ends, so whoever
 * else held the old password is out; the browser that made the change signs in again with
 * the new password at once (the profile form does, as sign-up does), so it stays signed in.
 * Re-issuing the session cookie on the server instead would tie this service to next-auth's
 * cookie format. API tokens are kept: the user manages them on the same page.
 * A wrong current password counts as a failed sign-in of the account, so a borrowed
 * session cannot guess the password faster than the sign-in form could.
 */
export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Your account no longer exists.");
  const { currentPassword, newPassword } = parseInput(changePasswordSchema(user.email), input);
  const key = emailAttemptsKey(user.email);
  const [guesses] = await countAttempts([key], SIGN_IN_LIMITS.windowMinutes);
  if (guesses > SIGN_IN_LIMITS.perEmail) throw new AppError("RATE_LIMITED", TOO_MANY_SIGN_INS);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("INVALID_INPUT", WRONG_CURRENT, { currentPassword: WRONG_CURRENT });
  }
  await clearAttempts(key);
  const passwordHash = await hashPassword(newPassword);
  // Only if the password is still the one just checked: a change made meanwhile is not overwritten.
  const { count } = await db().user.updateMany({
    where: { id: actor.id, passwordHash: user.passwordHash },
    data: { passwordHash, sessionsValidFrom: new Date() },
  });
  if (count === 0) throw new AppError("CONFLICT", "Your password was changed meanwhile. Sign in again with the new one.");
}
