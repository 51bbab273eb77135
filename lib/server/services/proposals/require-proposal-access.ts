import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { canUseProposals } from "@/lib/server/permissions";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";

/**
 * The comparison, if the actor may see and decide proposals in it: someone who annotates, in
 * a team workspace. Classes get none, so no student is handed the answers.
 */
export async function requireProposalAccess(actor: Actor, comparisonId: string) {
  const access = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const workspace = await db().workspace.findUniqueOrThrow({ where: { id: access.comparison.workspaceId }, select: { kind: true } });
  if (!canUseProposals(access.role, workspace.kind)) {
    throw new AppError("FORBIDDEN", "Proposals are offered to reviewers, editors and owners of a team workspace, not in classes.");
  }
  return access;
}
