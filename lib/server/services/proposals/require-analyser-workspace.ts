import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons, hasMember } from "@/lib/server/permissions";

/** A workspace the actor belongs to, with their role: for reading its analyser settings. */
export async function requireAnalyserWorkspace(actor: Actor, workspaceSlug: string) {
  const workspace = await db().workspace.findFirst({
    where: { slug: workspaceSlug, ...hasMember(actor) },
    select: { id: true, kind: true, memberships: { where: { userId: actor.id }, select: { role: true } } },
  });
  if (!workspace) throw notFound("That workspace");
  const role = workspace.memberships[0]!.role;
  return { id: workspace.id, kind: workspace.kind, role, canChange: canEditComparisons(role) && workspace.kind === "TEAM" };
}

/** The same, if the actor may change how its analysers work: an owner or editor of a team. */
export async function requireAnalyserEditor(actor: Actor, workspaceSlug: string) {
  const workspace = await requireAnalyserWorkspace(actor, workspaceSlug);
  if (!canEditComparisons(workspace.role)) throw new AppError("FORBIDDEN", "Only the workspace's owners and editors can change how its analysers work.");
  if (workspace.kind !== "TEAM") throw new AppError("INVALID_INPUT", "Classes get no proposals: they would give students the answers.");
  return workspace;
}
