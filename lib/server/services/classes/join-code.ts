import "server-only";
import { randomInt } from "node:crypto";
import { generateJoinCode } from "@/lib/domain/classroom/join-code";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireMemberManager } from "@/lib/server/services/members/require-member-manager";

/** A join code no class uses yet. Collisions are astronomically rare; the loop only makes sure. */
export async function freeJoinCode(tx: DbTx): Promise<string> {
  for (;;) {
    const code = generateJoinCode((n) => randomInt(n));
    if (!(await tx.workspace.count({ where: { joinCode: code } }))) return code;
  }
}

/** A teacher replaces the class's join code: the old code and link stop working at once. */
export async function regenerateJoinCode(actor: Actor, workspaceSlug: string) {
  const workspace = await requireMemberManager(actor, workspaceSlug);
  if (workspace.kind !== "CLASS") throw new AppError("INVALID_INPUT", "Only classes have a join code.");
  return db().$transaction(async (tx) => {
    const joinCode = await freeJoinCode(tx);
    await tx.workspace.update({ where: { id: workspace.id }, data: { joinCode } });
    return joinCode;
  });
}
