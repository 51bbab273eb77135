import "server-only";
import { workLock } from "@/lib/domain/classroom/reveal";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import type { DbTx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons } from "@/lib/server/permissions";

/** What an annotation write touches, for the assignment rules to judge. */
export interface AssignmentWork {
  comparisonId: string;
  /** The assignment the annotation is (or would be) work for; null outside assignments. */
  assignmentId: string | null;
  sourceId: string;
  /** The tags it would carry; omitted when the write leaves them alone. */
  tagIds?: readonly string[];
}

/**
 * The classroom rules for writing an annotation, checked inside the writing transaction:
 * students write only in an assignment (its sources, its tags) while their work is open, and
 * only teachers write an assignment's key. Returns whether the annotation belongs to the key,
 * or else the submission it is work for (a student's). A student's write also locks their
 * submission row, so a submit running at the same time waits for it (or it sees the submit
 * and stops).
 */
export async function checkAssignmentWork(tx: DbTx, actor: Actor, role: Role, work: AssignmentWork): Promise<{ isKey: boolean; submissionId: string | null }> {
  const student = role === "STUDENT";
  if (!work.assignmentId) {
    if (student) throw new AppError("FORBIDDEN", "Students annotate within an assignment: open it from your class's list of assignments.");
    return { isKey: false, submissionId: null };
  }
  if (!student && !canEditComparisons(role)) throw new AppError("FORBIDDEN", "Only teachers write an assignment's key.");
  const assignment = await tx.assignment.findFirst({
    where: { id: work.assignmentId, comparisonId: work.comparisonId },
    select: {
      id: true,
      title: true,
      revealMode: true,
      dueAt: true,
      revealedAt: true,
      sources: { select: { sourceId: true } },
      tags: { orderBy: [{ tag: { tagSet: { position: "asc" } } }, { tag: { position: "asc" } }], select: { tag: { select: { id: true, name: true } } } },
    },
  });
  if (!assignment) throw notFound("That assignment");
  if (!assignment.sources.some((s) => s.sourceId === work.sourceId)) {
    throw new AppError("INVALID_INPUT", `That source is not part of the assignment “${assignment.title}”.`, { sourceId: "Choose one of the assignment's sources." });
  }
  const allowed = new Set(assignment.tags.map((t) => t.tag.id));
  const outside = (work.tagIds ?? []).filter((id) => !allowed.has(id));
  if (outside.length > 0) {
    const names = assignment.tags.map((t) => `“${t.tag.name}”`).join(", ");
    throw new AppError("INVALID_INPUT", `Use only the assignment's tags: ${names}.`, { tagIds: "Choose from the assignment's tags." });
  }
  if (!student) return { isKey: true, submissionId: null };

  const submission = await tx.submission.upsert({
    where: { assignmentId_studentId: { assignmentId: assignment.id, studentId: actor.id } },
    create: { assignmentId: assignment.id, studentId: actor.id },
    update: {},
    select: { id: true },
  });
  const [locked] = await tx.$queryRaw<{ submittedAt: Date | null }[]>`SELECT "submittedAt" FROM "Submission" WHERE "id" = ${submission.id} FOR UPDATE`;
  const lock = workLock(assignment, locked?.submittedAt ?? null, new Date());
  if (lock.locked) throw new AppError("FORBIDDEN", lock.reason);
  return { isKey: false, submissionId: submission.id };
}
