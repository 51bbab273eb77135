import type { Role, WorkspaceKind } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";

/**
 * What each workspace role may do. Every check in services goes through these helpers,
 * so the rules of PRODUCT.md live in one place.
 */
export const WORKSPACE_ROLES: readonly Role[] = ["OWNER", "EDITOR", "REVIEWER", "VIEWER"];

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  EDITOR: "Editor",
  REVIEWER: "Reviewer",
  VIEWER: "Viewer",
  TEACHER: "Teacher",
  STUDENT: "Student",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: "Manages members and roles, and everything an editor does.",
  EDITOR: "Builds comparisons, imports sources, curates annotations, publishes reports.",
  REVIEWER: "Annotates and discusses framing and claims.",
  VIEWER: "Reads comparisons and reports.",
  TEACHER: "Runs the class: assignments, keys, scores.",
  STUDENT: "Does assignments.",
};

export function canManageMembers(role: Role): boolean {
  return role === "OWNER" || role === "TEACHER";
}

export function canEditComparisons(role: Role): boolean {
  return role === "OWNER" || role === "EDITOR" || role === "TEACHER";
}

/** Teachers run a class's assignments: create them, write the key, see every student's work. */
export function canTeach(role: Role): boolean {
  return role === "TEACHER";
}

/**
 * Reports and exports show a comparison's annotations as the workspace stands behind them,
 * with their authors: in a class that is everyone's work and the key, which a student must
 * not take away (before the reveal they may not even see it), so students get neither.
 */
export function canReadReports(role: Role): boolean {
  return role !== "STUDENT";
}

/**
 * A comparison's own pages (side by side, fact rows, sources, taxonomy, agreement) show all
 * of it. A student reads a comparison only through an assignment: its sources, fact rows and
 * tags, nothing else. Services a student reaches scope their queries with assignedSourceWhere.
 */
export function canBrowseComparisons(role: Role): boolean {
  return role !== "STUDENT";
}

/** For a student, only the sources some assignment of their class puts in front of them; for others, no limit. */
export function assignedSourceWhere(role: Role) {
  return role === "STUDENT" ? { assignments: { some: {} } } : {};
}

export const STUDENTS_READ_ASSIGNMENTS = "Students read a comparison through their assignments: open it from your class's list of assignments.";

export function canAnnotate(role: Role): boolean {
  return role !== "VIEWER";
}

/**
 * The work queue (marking sources done, "Next") is for the people who annotate a
 * comparison; students are left out of it, as their assignments track their work.
 */
export function canTrackProgress(role: Role): boolean {
  return canAnnotate(role) && role !== "STUDENT";
}

/**
 * Analysers' proposals are for the people who annotate a team's comparisons. A class gets
 * none: they would hand students the answers, and a key is the teacher's own judgement.
 */
export function canUseProposals(role: Role, kind: WorkspaceKind): boolean {
  return kind === "TEAM" && (role === "OWNER" || role === "EDITOR" || role === "REVIEWER");
}

/**
 * The condition every query on workspace data carries: the workspace has the actor as a
 * member. Use it inside the query's `where`, so a non-member's request finds nothing.
 */
export function hasMember(actor: Actor) {
  return { memberships: { some: { userId: actor.id } } };
}
