/**
 * When an assignment's work becomes visible to a student, and what a student may still change.
 *
 * "Revealed" means the student sees their classmates' annotations and the teacher's key for
 * the assignment. The database query that hides work before that (visibleAnnotationsWhere)
 * states the same three rules as a Prisma filter; tests check that the two agree.
 */
export type RevealMode = "AFTER_SUBMIT" | "AT_DUE_DATE" | "MANUAL";

export interface RevealSettings {
  revealMode: RevealMode;
  dueAt: Date | null;
  /** MANUAL: when a teacher revealed the work; null while hidden. */
  revealedAt: Date | null;
}

export const REVEAL_MODE_LABELS: Record<RevealMode, string> = {
  AFTER_SUBMIT: "To each student after they submit",
  AT_DUE_DATE: "To everyone at the due date",
  MANUAL: "When I reveal it",
};

/** What the reveal looks at of a student's submission: when it was handed in, and how many annotations it holds now. */
export interface SubmittedWork {
  submittedAt: Date | null;
  annotations: number;
}

/**
 * When a student handed in work that counts for the reveal, or null. An empty submission
 * counts for nothing: otherwise a second account could submit nothing and read the key.
 * Submitting empty work is refused; this also covers submissions made before that rule.
 */
export function handedInAt(submission: SubmittedWork | null): Date | null {
  return submission && submission.annotations > 0 ? submission.submittedAt : null;
}

/**
 * Whether the student whose submission time is `submittedAt` (null: not submitted; pass
 * handedInAt of the submission) sees the class's work and the key. Under "after submit" they
 * see the classmates who have submitted too, never a draft (see visibleAnnotationsWhere).
 */
export function isRevealed(settings: RevealSettings, submittedAt: Date | null, now: Date): boolean {
  switch (settings.revealMode) {
    case "AFTER_SUBMIT":
      return submittedAt !== null;
    case "AT_DUE_DATE":
      return settings.dueAt !== null && settings.dueAt <= now;
    case "MANUAL":
      return settings.revealedAt !== null && settings.revealedAt <= now;
  }
}

export type WorkLock = { locked: false } | { locked: true; reason: string };

/**
 * A student may change their work until they submit it, and not once the class's work is
 * revealed to them (they could copy it). A teacher reopens submitted work; revealed work
 * opens again only if the reveal is taken back (a later due date, or "hide again").
 */
export function workLock(settings: RevealSettings, submittedAt: Date | null, now: Date): WorkLock {
  if (submittedAt !== null) {
    return { locked: true, reason: "You have submitted this assignment, so your work is locked. Ask your teacher to reopen it if you need to change it." };
  }
  if (isRevealed(settings, submittedAt, now)) {
    return { locked: true, reason: "Your classmates' work and the key are visible now, so this assignment is closed for changes." };
  }
  return { locked: false };
}
