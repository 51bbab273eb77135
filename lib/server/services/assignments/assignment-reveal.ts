import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A submission handed in with at least one annotation (lib/domain/classroom/reveal.ts, handedInAt). */
export const handedInWhere = { submittedAt: { not: null }, annotations: { some: { deletedAt: null } } } satisfies Prisma.SubmissionWhereInput;

/**
 * The assignments whose class work and key a student sees at `now`: the rules of
 * lib/domain/classroom/reveal.ts (isRevealed of handedInAt) as a filter the database
 * applies, so hidden work never leaves it. The two are tested to agree.
 */
export function revealedToStudentWhere(studentId: string, now: Date): Prisma.AssignmentWhereInput {
  return {
    OR: [
      { revealMode: "AFTER_SUBMIT", submissions: { some: { studentId, ...handedInWhere } } },
      { revealMode: "AT_DUE_DATE", dueAt: { lte: now } },
      { revealMode: "MANUAL", revealedAt: { lte: now } },
    ],
  };
}
