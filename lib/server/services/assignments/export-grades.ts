import "server-only";
import { toCsv } from "@/lib/domain/csv";
import { slugify } from "@/lib/domain/slug";
import { SUBMISSION_STATUS_LABELS } from "@/lib/domain/classroom/submission-status";
import type { Actor } from "@/lib/server/actor";
import { getAssignmentDashboardById } from "./get-assignment-dashboard";

const ratio = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/**
 * The grades of an assignment as CSV, one row per student of the class: status, when they
 * submitted, when they first saw the key, and their score against the key (token overlap, as on the dashboard; empty
 * where there is nothing to divide by). Teachers only.
 */
export async function exportGrades(actor: Actor, assignmentId: string) {
  const { assignment, students } = await getAssignmentDashboardById(actor, assignmentId);
  const rows = [
    ["Student", "Email", "Status", "Submitted at (UTC)", "First saw the key (UTC)", "Annotations", "Words matching the key", "Words tagged", "Words in the key", "Precision", "Recall", "F1"],
    ...students.map((s) => [
      s.name,
      s.email,
      SUBMISSION_STATUS_LABELS[s.status],
      s.submittedAt?.toISOString() ?? null,
      s.keySeenAt?.toISOString() ?? null,
      s.annotations,
      s.score.matched,
      s.score.answered,
      s.score.expected,
      ratio(s.score.precision),
      ratio(s.score.recall),
      ratio(s.score.f1),
    ]),
  ];
  return { filename: `grades-${slugify(assignment.title)}.csv`, csv: toCsv(rows) };
}
