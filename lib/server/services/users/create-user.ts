import "server-only";
import { ZSignUp } from "@/lib/schemas/auth";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/errors";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead, or use another email.";

/**
 * Signs a new user up. Pending workspace invitations for the email become memberships
 * in the same transaction, so an invited person lands in their workspace at once.
 */
export async function createUser(input: unknown) {
  const { name, email, password } = parseInput(ZSignUp, input);
  const passwordHash = await hashPassword(password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email, passwordHash } });
      const invitations = await tx.invitation.findMany({ where: { email, acceptedAt: null } });
      for (const invitation of invitations) {
        await tx.membership.create({
          data: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
        });
        await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
      }
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
}
