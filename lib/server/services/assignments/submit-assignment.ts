import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { requireAssignment } from "./require-assignment";

export const EMPTY_SUBMISSION =
  "Add at least one annotation before you submit: the key and your classmates' work open only to students who hand in work of their own.";

/**
 * A student hands in their work: it is locked from now on, unless a teacher reopens it.
 * Empty work is refused (it would unlock the reveal for nothing). The submission row is
 * locked first, as every write of the student's work does, so a deletion running at the
 * same time cannot empty it between the count and the submit.
 */
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
    await tx.$queryRaw`SELECT "id" FROM "Submission" WHERE "id" = ${submission.id} FOR UPDATE`;
    const work = await tx.annotation.count({ where: { submissionId: submission.id, deletedAt: null } });
    if (work === 0) throw new AppError("INVALID_INPUT", EMPTY_SUBMISSION);
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
