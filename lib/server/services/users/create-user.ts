import "server-only";
import { ZSignUp } from "@/lib/schemas/auth";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/errors";
import { AppError } from "@/lib/server/errors";
import { normalizeJoinCode } from "@/lib/domain/classroom/join-code";
import { parseInput } from "@/lib/server/validation";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead, or use another email.";

const UNKNOWN_CODE = "No class has this join code any more; ask your teacher for the current one.";

/**
 * Signs a new user up; with a class's join code, they ask to join that class too (a teacher
 * admits them; see joinClass), or nothing is saved. An invitation to a workspace is not
 * claimed by signing up with its email: only its link joins (accept-invitation.ts), so
 * whoever registers an invited address first gains nothing.
 */
export async function createUser(input: unknown, { joinCode }: { joinCode?: string } = {}) {
  const { name, email, password } = parseInput(ZSignUp, input);
  const code = joinCode ? normalizeJoinCode(joinCode) : null;
  if (joinCode && !code) throw new AppError("INVALID_INPUT", UNKNOWN_CODE);
  const passwordHash = await hashPassword(password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email, passwordHash } });
      if (code) {
        const klass = await tx.workspace.findFirst({ where: { joinCode: code, kind: "CLASS" }, select: { id: true } });
        if (!klass) throw new AppError("NOT_FOUND", UNKNOWN_CODE);
        await tx.joinRequest.create({ data: { workspaceId: klass.id, userId: user.id } });
      }
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
}
