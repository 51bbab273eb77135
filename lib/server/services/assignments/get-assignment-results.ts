import "server-only";
import { tokenUnits } from "@/lib/domain/agreement";
import { handedInAt, isRevealed } from "@/lib/domain/classroom/reveal";
import { classHeatMap, scoreAgainstKey } from "@/lib/domain/classroom/scoring";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canTeach } from "@/lib/server/permissions";
import { labeledSpans, loadAssignmentMaterial, loadAssignmentSpans, studentCoders } from "./assignment-material";
import { recordRevealViews } from "./record-reveal-views";
import { requireAssignment } from "./require-assignment";

/**
 * A student's results once the class's work is revealed to them: their spans beside the
 * key's, the class heat map, their score against the key and the key's comments. Before the
 * reveal it says only that (`revealed: false`); the spans are read through the blind
 * visibility rule either way, and a student's first look is recorded for the teacher.
 * Teachers open any student's results with `studentId`.
 */
export async function getAssignmentResults(actor: Actor, workspaceSlug: string, assignmentId: string, studentId?: string) {
  const { assignment, role } = await requireAssignment(actor, workspaceSlug, assignmentId);
  const teacher = canTeach(role);
  if (!teacher && role !== "STUDENT") throw new AppError("FORBIDDEN", "Assignments are for the class's teachers and students.");
  const subjectId = teacher && studentId ? studentId : actor.id;
  const [subject, submission] = await Promise.all([
    db().membership.findFirst({ where: { workspaceId: assignment.workspace.id, userId: subjectId, role: "STUDENT" }, select: { user: { select: { id: true, name: true } } } }),
    db().submission.findUnique({
      where: { assignmentId_studentId: { assignmentId: assignment.id, studentId: subjectId } },
      select: { submittedAt: true, _count: { select: { annotations: { where: { deletedAt: null } } } } },
    }),
  ]);
  if (!subject) throw notFound("That student");
  const revealed = teacher || isRevealed(assignment, handedInAt(submission && { submittedAt: submission.submittedAt, annotations: submission._count.annotations }), new Date());
  if (!revealed) return { assignment, student: subject.user, revealed: false as const };
  if (!teacher) await recordRevealViews(actor, [assignment.id]);

  const material = await loadAssignmentMaterial(actor, assignment.id);
  const [spans, roster] = await Promise.all([
    loadAssignmentSpans(actor, role, assignment.id, material),
    db().membership.findMany({ where: { workspaceId: assignment.workspace.id, role: "STUDENT" }, select: { userId: true } }),
  ]);
  const students = new Set(roster.map((m) => m.userId));
  const own = spans.filter((s) => s.author.id === subjectId && !s.isKey);
  const key = spans.filter((s) => s.isKey);
  const texts = material.sources.map((source) => {
    const units = tokenUnits(source.text);
    const coders = studentCoders(spans, source.id, students);
    return {
      source,
      units,
      own: own.filter((s) => s.sourceId === source.id),
      key: key.filter((s) => s.sourceId === source.id),
      heat: classHeatMap(units, coders),
      classSize: coders.length,
    };
  });
  const score = scoreAgainstKey(
    texts.map((t) => ({ units: t.units, key: labeledSpans(key, t.source.id), answer: labeledSpans(own, t.source.id) })),
    material.tags.map((t) => t.id),
  );
  return { assignment, student: subject.user, revealed: true as const, material, texts, score, hasKey: key.length > 0, keyNotes: key.filter((s) => s.comment) };
}

export type AssignmentResults = Awaited<ReturnType<typeof getAssignmentResults>>;
