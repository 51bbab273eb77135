/** Where a student stands on an assignment, as the teacher's dashboard and the student's list show it. */
export type SubmissionStatus = "NOT_STARTED" | "IN_PROGRESS" | "SUBMITTED" | "LATE";

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  SUBMITTED: "Submitted",
  LATE: "Late",
};

export interface SubmissionState {
  /** Null when the student has not annotated anything in the assignment yet. */
  startedAt: Date | null;
  submittedAt: Date | null;
}

/**
 * Late: submitted after the due date, or the due date has passed and the work is still not
 * submitted (started or not), so a teacher sees at a glance who missed it.
 */
export function submissionStatus({ startedAt, submittedAt }: SubmissionState, dueAt: Date | null, now: Date): SubmissionStatus {
  if (submittedAt) return dueAt && submittedAt > dueAt ? "LATE" : "SUBMITTED";
  if (dueAt && now > dueAt) return "LATE";
  return startedAt ? "IN_PROGRESS" : "NOT_STARTED";
}
