import "server-only";
import { randomInt } from "node:crypto";
import { generateJoinCode } from "@/lib/domain/classroom/join-code";
import { hashPassword } from "@/lib/server/auth/password";
import { countAttempts } from "@/lib/server/auth/rate-limit";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { requireMemberManager } from "@/lib/server/services/members/require-member-manager";

/**
 * A teacher gives a student who forgot their password a new, generated one, shown to the
 * teacher once. The student's sessions end and their API tokens are revoked, so whoever
 * held the old password is out. A teacher may do this only for an account that is nothing
 * but a student in classes this teacher teaches: otherwise a teacher could take over a
 * newsroom editor's account by having them join a class.
 */
/** Resets per teacher: a whole class's worth an hour, so a hijacked teacher account cannot churn accounts unnoticed for long. */
export const PASSWORD_RESET_LIMITS = { windowMinutes: 60, perTeacher: 60 } as const;

export async function resetStudentPassword(actor: Actor, workspaceSlug: string, membershipId: string) {
  const workspace = await requireMemberManager(actor, workspaceSlug);
  if (workspace.kind !== "CLASS") throw new AppError("FORBIDDEN", "Passwords are reset by teachers, for their students.");
  const membership = await db().membership.findFirst({
    where: { id: membershipId, workspaceId: workspace.id },
    select: { role: true, user: { select: { id: true, name: true, memberships: { select: { role: true, workspaceId: true } } } } },
  });
  if (!membership) throw notFound("That student");
  const key = `password-reset:teacher:${actor.id}`;
  const [count] = await countAttempts([key], PASSWORD_RESET_LIMITS.windowMinutes);
  if (count > PASSWORD_RESET_LIMITS.perTeacher) {
    throw new AppError("RATE_LIMITED", `You have reset ${PASSWORD_RESET_LIMITS.perTeacher} passwords in the last hour. Wait an hour and try again.`);
  }
  if (membership.role !== "STUDENT") throw new AppError("FORBIDDEN", "You can reset the password of students only.");
  const taught = new Set(
    (await db().membership.findMany({ where: { userId: actor.id, role: "TEACHER" }, select: { workspaceId: true } })).map((m) => m.workspaceId),
  );
  if (membership.user.memberships.some((m) => m.role !== "STUDENT" || !taught.has(m.workspaceId))) {
    throw new AppError("FORBIDDEN", `${membership.user.name}'s account is also used outside your classes, so only they can change its password.`);
  }
  // Four groups of four from the join-code alphabet: nothing to misread when it is read out, ~77 bits.
  const characters = generateJoinCode((n) => randomInt(n)) + generateJoinCode((n) => randomInt(n));
  const password = characters.match(/.{4}/g)!.join("-");
  const passwordHash = await hashPassword(password);
  const now = new Date();
  await db().$transaction([
    db().user.update({ where: { id: membership.user.id }, data: { passwordHash, sessionsValidFrom: now } }),
    db().apiToken.updateMany({ where: { userId: membership.user.id, revokedAt: null }, data: { revokedAt: now } }),
    db().auditEvent.create({
      data: { workspaceId: workspace.id, actorId: actor.id, action: "student.password-reset", entityType: "User", entityId: membership.user.id },
    }),
  ]);
  return { name: membership.user.name, password };
}
