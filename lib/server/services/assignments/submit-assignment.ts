import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { requireAssignment } from "./require-assignment";

/** A student hands in their work: it is locked from now on, unless a teacher reopens it. */
export async function submitAssignment(actor: Actor, workspaceSlug: string, assignmentId: string) {
  const { assignment, role } = await requireAssignment(actor, workspaceSlug, assignmentId);
  if (role !== "STUDENT") throw new AppError("FORBIDDEN", "Only students submit assignments.");
  const now = new Date();
  return db().$transaction(async (tx) => {
    const submission = await tx.submission.upsert({
      where: { assignmentId_studentId: { assignmentId: assignment.id, studentId: actor.id } },
      create: { assignmentId: assignment.id, studentId: actor.id, startedAt: now },
      update: {},
      select: { id: true, submittedAt: true },
    });
    if (submission.submittedAt) throw new AppError("CONFLICT", "You have already submitted this assignment.");
    return tx.submission.update({ where: { id: submission.id }, data: { submittedAt: now }, select: { submittedAt: true } });
  });
}

/** A teacher reopens a student's submitted work so they can change it and submit again. */
export async function reopenSubmission(actor: Actor, workspaceSlug: string, assignmentId: string, studentId: string) {
  const { assignment } = await requireAssignment(actor, workspaceSlug, assignmentId, { teach: true });
  const { count } = await db().submission.updateMany({
    where: { assignmentId: assignment.id, studentId, submittedAt: { not: null } },
    data: { submittedAt: null, reopenedAt: new Date() },
  });
  if (count === 0) throw notFound("A submission by that student");
}
