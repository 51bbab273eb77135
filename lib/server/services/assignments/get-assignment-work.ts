import "server-only";
import { handedInAt, isRevealed, workLock } from "@/lib/domain/classroom/reveal";
import { submissionStatus } from "@/lib/domain/classroom/submission-status";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { canTeach } from "@/lib/server/permissions";
import { findAllAnnotations } from "@/lib/server/services/annotations/find-annotations";
import { loadAssignmentMaterial } from "./assignment-material";
import { requireAssignment } from "./require-assignment";

/**
 * What the annotate view of an assignment needs. A student gets their own work, its status
 * and whether it is locked; a teacher (`key`) gets the key written so far.
 */
export async function getAssignmentWork(actor: Actor, workspaceSlug: string, assignmentId: string, mode: "student" | "key") {
  const { assignment, role } = await requireAssignment(actor, workspaceSlug, assignmentId, { teach: mode === "key" });
  if (mode === "student" && role !== "STUDENT") throw new AppError("FORBIDDEN", "This is the students' view; teachers write the key instead.");
  const [material, annotations, submission] = await Promise.all([
    loadAssignmentMaterial(actor, assignment.id),
    findAllAnnotations(actor, assignment.comparison.id, { assignmentId: assignment.id, ...(mode === "student" ? { authorId: actor.id } : {}) }),
    db().submission.findUnique({
      where: { assignmentId_studentId: { assignmentId: assignment.id, studentId: actor.id } },
      select: { startedAt: true, submittedAt: true, reopenedAt: true, _count: { select: { annotations: { where: { deletedAt: null } } } } },
    }),
  ]);
  const now = new Date();
  const submittedAt = submission?.submittedAt ?? null;
  return {
    assignment,
    material,
    annotations: annotations.filter((a) => (mode === "key" ? a.assignment?.key : a.author.id === actor.id)),
    canTeach: canTeach(role),
    submission: {
      status: submissionStatus({ startedAt: submission?.startedAt ?? null, submittedAt }, assignment.dueAt, now),
      submittedAt,
      reopenedAt: submission?.reopenedAt ?? null,
      lock: mode === "key" ? ({ locked: false } as const) : workLock(assignment, submittedAt, now),
      revealed: mode === "key" || isRevealed(assignment, handedInAt(submission && { submittedAt, annotations: submission._count.annotations }), now),
    },
  };
}

export type AssignmentWork = Awaited<ReturnType<typeof getAssignmentWork>>;
