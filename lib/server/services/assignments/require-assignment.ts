import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canTeach, hasMember } from "@/lib/server/permissions";

const assignmentSelect = {
  id: true,
  title: true,
  instructions: true,
  dueAt: true,
  revealMode: true,
  revealedAt: true,
  createdAt: true,
  workspace: { select: { id: true, slug: true, name: true } },
  comparison: { select: { id: true, slug: true, title: true } },
} satisfies Prisma.AssignmentSelect;

async function findAssignment(actor: Actor, where: Prisma.AssignmentWhereInput, teach: boolean) {
  const found = await db().assignment.findFirst({
    where: { ...where, workspace: hasMember(actor) },
    select: { ...assignmentSelect, workspace: { select: { ...assignmentSelect.workspace.select, memberships: { where: { userId: actor.id }, select: { role: true } } } } },
  });
  const role = found?.workspace.memberships[0]?.role;
  if (!found || !role) throw notFound("That assignment");
  if (teach && !canTeach(role)) throw new AppError("FORBIDDEN", "Only the class's teachers can do this.");
  const { memberships: _, ...workspace } = found.workspace;
  return { assignment: { ...found, workspace }, role };
}

/**
 * An assignment of a class the actor belongs to, with the actor's role there; non-members
 * get not found. With `teach`, the actor must be one of the class's teachers.
 */
export function requireAssignment(actor: Actor, workspaceSlug: string, assignmentId: string, { teach = false } = {}) {
  return findAssignment(actor, { id: assignmentId, workspace: { slug: workspaceSlug } }, teach);
}

/** The same, by id alone: for endpoints addressed by id (the grades download). */
export function requireAssignmentById(actor: Actor, assignmentId: string, { teach = false } = {}) {
  return findAssignment(actor, { id: assignmentId }, teach);
}

export type AssignmentAccess = Awaited<ReturnType<typeof requireAssignment>>;
