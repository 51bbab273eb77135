import "server-only";
import { ZUpdateAssignment } from "@/lib/schemas/classroom";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { requireAssignment } from "./require-assignment";

/** A teacher changes an assignment's title, instructions, due date or reveal mode. */
export async function updateAssignmentSettings(actor: Actor, workspaceSlug: string, assignmentId: string, input: unknown) {
  const settings = parseInput(ZUpdateAssignment, input);
  const { assignment } = await requireAssignment(actor, workspaceSlug, assignmentId, { teach: true });
  return db().assignment.update({ where: { id: assignment.id }, data: settings, select: { id: true, title: true } });
}

/**
 * MANUAL reveal: a teacher shows every student the class's work and the key, or hides it
 * again (students whose work is not submitted can then change it again).
 */
export async function setAssignmentRevealed(actor: Actor, workspaceSlug: string, assignmentId: string, revealed: boolean) {
  const { assignment } = await requireAssignment(actor, workspaceSlug, assignmentId, { teach: true });
  if (assignment.revealMode !== "MANUAL") {
    throw new AppError("INVALID_INPUT", "This assignment reveals the work by itself. Choose “When I reveal it” first to reveal it by hand.");
  }
  await db().assignment.update({ where: { id: assignment.id }, data: { revealedAt: revealed ? new Date() : null } });
}
