import "server-only";
import { normalizeJoinCode } from "@/lib/domain/classroom/join-code";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

const UNKNOWN_CODE = "No class has this code. Check it with your teacher: codes look like BCDF-2345.";

/** The class a join code belongs to (its name only, for the join page), or null. */
export async function findClassByJoinCode(code: string) {
  const normalized = normalizeJoinCode(code);
  if (!normalized) return null;
  return db().workspace.findFirst({ where: { joinCode: normalized, kind: "CLASS" }, select: { slug: true, name: true } });
}

/**
 * Asks to join the class with this code as a student. The code alone admits nobody: it makes
 * a join request, and the class stays closed to the asker (they are not a member) until a
 * teacher admits them. Someone already in the class stays as they are; asking twice keeps the
 * first request.
 */
export async function joinClass(actor: Actor, code: string) {
  const normalized = normalizeJoinCode(code);
  if (!normalized) throw new AppError("INVALID_INPUT", UNKNOWN_CODE, { code: "Codes have eight letters and digits." });
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.findFirst({
      where: { joinCode: normalized, kind: "CLASS" },
      select: { id: true, slug: true, name: true, memberships: { where: { userId: actor.id }, select: { role: true } } },
    });
    if (!workspace) throw new AppError("NOT_FOUND", UNKNOWN_CODE, { code: "Unknown code." });
    const { memberships, id, ...found } = workspace;
    if (memberships[0]) return { workspace: found, status: "member" as const, role: memberships[0].role };
    const request = await tx.joinRequest.upsert({
      where: { workspaceId_userId: { workspaceId: id, userId: actor.id } },
      create: { workspaceId: id, userId: actor.id },
      update: {},
      select: { createdAt: true },
    });
    return { workspace: found, status: "pending" as const, requestedAt: request.createdAt };
  });
}
