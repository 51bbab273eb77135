import "server-only";
import { slugify, uniqueSlug } from "@/lib/domain/slug";
import { ZCreateWorkspace } from "@/lib/schemas/workspace";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
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

/** Creates a team workspace; its creator becomes the owner. */
export async function createWorkspace(actor: Actor, input: unknown) {
  const { name } = parseInput(ZCreateWorkspace, input);
  return db().$transaction(async (tx) => {
    const slug = await freeWorkspaceSlug(tx, name);
    return tx.workspace.create({
      data: { name, slug, kind: "TEAM", memberships: { create: { userId: actor.id, role: "OWNER" } } },
    });
  });
}
