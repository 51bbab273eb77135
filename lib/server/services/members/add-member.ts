import "server-only";
import { ZAddMember } from "@/lib/schemas/workspace";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/errors";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { requireMemberManager } from "./require-member-manager";

const ROLES_BY_KIND = {
  TEAM: ["OWNER", "EDITOR", "REVIEWER", "VIEWER"],
  CLASS: ["TEACHER", "STUDENT"],
} as const;

/**
 * An owner (a teacher, in a class) makes an existing account a member with a role, at once:
 * for scripted set-up, where the people are known and no invitation link is needed. The
 * role must be one the workspace's kind has; someone already a member is told so.
 */
export async function addMember(actor: Actor, workspaceSlug: string, input: unknown) {
  const { email, role } = parseInput(ZAddMember, input);
  const workspace = await requireMemberManager(actor, workspaceSlug);
  const roles: readonly string[] = ROLES_BY_KIND[workspace.kind];
  if (!roles.includes(role)) {
    throw new AppError(
      "INVALID_INPUT",
      workspace.kind === "CLASS" ? "Roles in a class are teacher and student." : "Roles in a team are owner, editor, reviewer and viewer.",
      { role: "Not a role of this workspace." },
    );
  }
  const user = await db().user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) throw new AppError("NOT_FOUND", `No account has the email ${email}: create it first.`, { email: "No such account." });
  const already = new AppError("CONFLICT", `${email} is already a member of this workspace.`, { email: "Already a member." });
  try {
    // Someone added to a class while asking to join it with the code needs no admission any more.
    const [membership] = await db().$transaction([
      db().membership.create({ data: { workspaceId: workspace.id, userId: user.id, role }, select: { id: true, role: true } }),
      db().joinRequest.deleteMany({ where: { workspaceId: workspace.id, userId: user.id } }),
    ]);
    return { ...membership, user, workspace: { name: workspace.name, slug: workspace.slug, kind: workspace.kind } };
  } catch (error) {
    if (isUniqueViolation(error)) throw already;
    throw error;
  }
}
