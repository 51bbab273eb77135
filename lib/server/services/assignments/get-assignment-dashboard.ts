import "server-only";
import { pooledAgreement, tokenUnits } from "@/lib/domain/agreement";
import { classHeatMap, confusionWithKey, scoreAgainstKey } from "@/lib/domain/classroom/scoring";
import { submissionStatus } from "@/lib/domain/classroom/submission-status";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { labeledSpans, loadAssignmentMaterial, loadAssignmentSpans, studentCoders } from "./assignment-material";
import { requireAssignment, requireAssignmentById, type AssignmentAccess } from "./require-assignment";

/**
 * A teacher's view of one assignment: each student's status, score against the key and when
 * they first saw the key (the server first sent them the revealed work),
 * the class heat map, tag-by-tag confusion between the students and the key, and the
 * class's agreement (Krippendorff's alpha over word tokens, students as coders).
 */
export async function getAssignmentDashboard(actor: Actor, workspaceSlug: string, assignmentId: string) {
  return dashboardOf(actor, await requireAssignment(actor, workspaceSlug, assignmentId, { teach: true }));
}

/** The same, by assignment id alone (for the grades download). */
export async function getAssignmentDashboardById(actor: Actor, assignmentId: string) {
  return dashboardOf(actor, await requireAssignmentById(actor, assignmentId, { teach: true }));
}

async function dashboardOf(actor: Actor, { assignment, role }: AssignmentAccess) {
  const material = await loadAssignmentMaterial(actor, assignment.id);
  const [spans, roster, submissions, revealViews] = await Promise.all([
    loadAssignmentSpans(actor, role, assignment.id, material),
    db().membership.findMany({
      where: { workspaceId: assignment.workspace.id, role: "STUDENT" },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
    db().submission.findMany({ where: { assignmentId: assignment.id }, select: { studentId: true, startedAt: true, submittedAt: true, reopenedAt: true } }),
    db().revealView.findMany({ where: { assignmentId: assignment.id }, select: { studentId: true, firstSeenAt: true } }),
  ]);
  const now = new Date();
  const tagIds = material.tags.map((t) => t.id);
  const studentIds = new Set(roster.map((m) => m.user.id));
  const key = spans.filter((s) => s.isKey);
  const units = new Map(material.sources.map((s) => [s.id, tokenUnits(s.text)]));
  const keyOn = (sourceId: string) => labeledSpans(key, sourceId);

  const students = roster.map(({ user }) => {
    const submission = submissions.find((s) => s.studentId === user.id);
    const own = spans.filter((s) => s.author.id === user.id && !s.isKey);
    const score = scoreAgainstKey(
      material.sources.map((source) => ({ units: units.get(source.id)!, key: keyOn(source.id), answer: labeledSpans(own, source.id) })),
      tagIds,
    );
    return {
      ...user,
      status: submissionStatus({ startedAt: submission?.startedAt ?? null, submittedAt: submission?.submittedAt ?? null }, assignment.dueAt, now),
      submittedAt: submission?.submittedAt ?? null,
      reopenedAt: submission?.reopenedAt ?? null,
      keySeenAt: revealViews.find((v) => v.studentId === user.id)?.firstSeenAt ?? null,
      annotations: new Set(own.map((s) => s.id)).size,
      score: score.overall,
    };
  });

  const documents = material.sources.map((source) => ({ source, units: units.get(source.id)!, coders: studentCoders(spans, source.id, studentIds) }));
  const coderIds = [...new Set(documents.flatMap((d) => d.coders.map((c) => c.coderId)))];
  const agreement = pooledAgreement(coderIds, documents, tagIds);
  return {
    assignment,
    material,
    students,
    hasKey: key.length > 0,
    heat: documents.map((d) => ({ source: d.source, runs: classHeatMap(d.units, d.coders), classSize: d.coders.length })),
    confusion: confusionWithKey(documents.map((d) => ({ units: d.units, key: keyOn(d.source.id), answers: d.coders }))),
    agreement: { coders: coderIds.length, combined: agreement.combined, perTag: agreement.perValue },
  };
}

export type AssignmentDashboard = Awaited<ReturnType<typeof getAssignmentDashboard>>;
