import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";

/**
 * Notes that the server is sending a student revealed work of these assignments (the key, a
 * classmate's annotation). Only the first time counts: the teacher sees when each student
 * first saw the key. Callers pass only assignments whose revealed work is in the answer.
 */
export async function recordRevealViews(student: Actor, assignmentIds: Iterable<string>) {
  const ids = [...new Set(assignmentIds)];
  if (ids.length === 0) return;
  await db().revealView.createMany({ data: ids.map((assignmentId) => ({ assignmentId, studentId: student.id })), skipDuplicates: true });
}

/** The assignments whose revealed work is among these annotations, for a student reading them: anything not their own. */
export function revealedAssignmentsIn(student: Actor, annotations: readonly { assignment: { id: string } | null; author: { id: string } }[]) {
  return annotations.flatMap((a) => (a.assignment && a.author.id !== student.id ? [a.assignment.id] : []));
}
