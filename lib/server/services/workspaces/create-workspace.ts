import "server-only";
import { slugify, uniqueSlug } from "@/lib/domain/slug";
import { ZCreateWorkspace } from "@/lib/schemas/workspace";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/errors";
import { AppError } from "@/lib/server/errors";
import { freeJoinCode } from "@/lib/server/services/classes/join-code";
import { parseInput } from "@/lib/server/validation";

/** Picks a free slug for a workspace name; runs inside the creating transaction. */
export async function freeWorkspaceSlug(tx: DbTx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await tx.workspace.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  });
  return uniqueSlug(base, new Set(taken.map((w) => w.slug)));
}

/**
 * Creates a workspace. A team's creator becomes its owner; a class's creator becomes its
 * teacher, and the class gets a join code for students. The slug is made from the name
 * unless one is asked for, which must then be free.
 */
export async function createWorkspace(actor: Actor, input: unknown) {
  const { name, kind, slug: wanted } = parseInput(ZCreateWorkspace, input);
  const taken = () => new AppError("CONFLICT", `Another workspace has the address “${wanted}”; choose another.`, { slug: "Taken." });
  try {
    return await db().$transaction(async (tx) => {
      if (wanted && (await tx.workspace.count({ where: { slug: wanted } }))) throw taken();
      const slug = wanted ?? (await freeWorkspaceSlug(tx, name));
      return tx.workspace.create({
        data: {
          name,
          slug,
          kind,
          joinCode: kind === "CLASS" ? await freeJoinCode(tx) : null,
          memberships: { create: { userId: actor.id, role: kind === "CLASS" ? "TEACHER" : "OWNER" } },
        },
      });
    });
  } catch (error) {
    if (wanted && isUniqueViolation(error)) throw taken();
    throw error;
  }
}
