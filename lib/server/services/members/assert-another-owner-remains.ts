import "server-only";
import type { DbTx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

/** A workspace always keeps at least one owner, or nobody could manage it again. */
export async function assertAnotherOwnerRemains(tx: DbTx, workspaceId: string, verb: string) {
  const owners = await tx.membership.count({ where: { workspaceId, role: "OWNER" } });
  if (owners <= 1) {
    throw new AppError("CONFLICT", `You cannot ${verb} the last owner. Make someone else an owner first.`);
  }
}
