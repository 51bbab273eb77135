import "server-only";
import { handedInAt, isRevealed } from "@/lib/domain/classroom/reveal";
import { submissionStatus } from "@/lib/domain/classroom/submission-status";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { canTeach, hasMember } from "@/lib/server/permissions";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";

/**
 * A class's assignments, soonest due first. Teachers see how many students submitted each;
 * a student sees where they stand on each (status, and whether the class's work is revealed).
 */
export async function findAssignments(actor: Actor, workspaceSlug: string) {
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  const [assignments, students] = await Promise.all([
    db().assignment.findMany({
      where: { workspaceId: workspace.id, workspace: hasMember(actor) },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
      select: {
        id: true,
        title: true,
        dueAt: true,
        revealMode: true,
        revealedAt: true,
        comparison: { select: { slug: true, title: true } },
        submissions: {
          where: canTeach(workspace.role) ? { submittedAt: { not: null }, student: { memberships: { some: { workspaceId: workspace.id, role: "STUDENT" } } } } : { studentId: actor.id },
          select: { studentId: true, startedAt: true, submittedAt: true, _count: { select: { annotations: { where: { deletedAt: null } } } } },
        },
      },
    }),
    db().membership.count({ where: { workspaceId: workspace.id, role: "STUDENT", workspace: hasMember(actor) } }),
  ]);
  const now = new Date();
  return {
    workspace,
    students,
    assignments: assignments.map(({ submissions, ...assignment }) => {
      const mine = submissions.find((s) => s.studentId === actor.id);
      return {
        ...assignment,
        submitted: submissions.length,
        status: submissionStatus({ startedAt: mine?.startedAt ?? null, submittedAt: mine?.submittedAt ?? null }, assignment.dueAt, now),
        revealed: isRevealed(assignment, handedInAt(mine ? { submittedAt: mine.submittedAt, annotations: mine._count.annotations } : null), now),
      };
    }),
  };
}
