import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

/** The workspace's longest-standing owner (a class's teacher) acts for the command line unless `--as` names a member. */
export async function resolveActor(workspaceSlug: string, email?: string): Promise<Actor> {
  const membership = await db().membership.findFirst({
    where: {
      workspace: { slug: workspaceSlug },
      ...(email ? { user: { email: email.toLowerCase() } } : { role: { in: ["OWNER", "TEACHER"] } }),
    },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  if (!membership) {
    throw new AppError(
      "NOT_FOUND",
      email ? `${email} is not a member of the workspace “${workspaceSlug}”.` : `There is no workspace “${workspaceSlug}”.`,
    );
  }
  return { id: membership.userId };
}
