import "server-only";
import { ZAdmitStudents, ZRefuseStudent } from "@/lib/schemas/classroom";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { requireMemberManager } from "@/lib/server/services/members/require-member-manager";
import { parseInput } from "@/lib/server/validation";

async function requireClassTeacher(actor: Actor, workspaceSlug: string) {
  const workspace = await requireMemberManager(actor, workspaceSlug);
  if (workspace.kind !== "CLASS") throw new AppError("INVALID_INPUT", "Only classes have students asking to join.");
  return workspace;
}

/**
 * A teacher admits students who asked to join with the code: each request becomes a student
 * membership, in one transaction. The requests are named by id, also for "Admit all" (the
 * ones the teacher's page listed), so someone asking a second before the click is not let in
 * unseen. Requests already admitted or refused (by another teacher) are skipped; if none is
 * left, not found. Returns how many were admitted.
 */
export async function admitStudents(actor: Actor, workspaceSlug: string, input: unknown) {
  const { requestIds } = parseInput(ZAdmitStudents, input);
  const workspace = await requireClassTeacher(actor, workspaceSlug);
  return db().$transaction(async (tx) => {
    const requests = await tx.joinRequest.findMany({
      where: { workspaceId: workspace.id, id: { in: requestIds } },
      select: { id: true, userId: true },
    });
    if (requests.length === 0) throw notFound("That request to join");
    await tx.membership.createMany({
      data: requests.map((r) => ({ workspaceId: workspace.id, userId: r.userId, role: "STUDENT" as const })),
      skipDuplicates: true,
    });
    await tx.joinRequest.deleteMany({ where: { id: { in: requests.map((r) => r.id) } } });
    return { admitted: requests.length };
  });
}

/** A teacher refuses a request to join: it is deleted, and the asker still sees nothing of the class. */
export async function refuseStudent(actor: Actor, workspaceSlug: string, input: unknown) {
  const { requestId } = parseInput(ZRefuseStudent, input);
  const workspace = await requireClassTeacher(actor, workspaceSlug);
  const { count } = await db().joinRequest.deleteMany({ where: { id: requestId, workspaceId: workspace.id } });
  if (count === 0) throw notFound("That request to join");
}
