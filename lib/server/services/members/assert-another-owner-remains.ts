import "server-only";
import type { DbTx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

/** A team always keeps at least one owner, and a class one teacher, or nobody could manage it again. */
export async function assertAnotherOwnerRemains(tx: DbTx, workspaceId: string, verb: string, role: "OWNER" | "TEACHER" = "OWNER") {
  const managers = await tx.membership.count({ where: { workspaceId, role } });
  if (managers <= 1) {
    const who = role === "OWNER" ? "owner" : "teacher";
    throw new AppError("CONFLICT", `You cannot ${verb} the last ${who}. Make someone else ${role === "OWNER" ? "an owner" : "a teacher"} first.`);
  }
}
