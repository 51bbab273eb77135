import "server-only";
import { slugify, uniqueSlug } from "@/lib/domain/slug";
import { ZCreateComparison, type TCreateComparison } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { parseInput } from "@/lib/server/validation";
import { requireEditableWorkspace } from "./require-comparison";

/** Creates a comparison with the default taxonomy; owners and editors only. */
export async function createComparison(actor: Actor, workspaceSlug: string, input: unknown) {
  const parsed = parseInput(ZCreateComparison, input);
  const workspace = await requireEditableWorkspace(actor, workspaceSlug);
  return db().$transaction((tx) => insertComparison(tx, actor, workspace.id, parsed));
}

/**
 * The comparison and its default taxonomy, in the caller's transaction: for callers that
 * save more with it, all or nothing. The caller has checked that the actor may edit there.
 */
export async function insertComparison(tx: DbTx, actor: Actor, workspaceId: string, { title, description, eventDate }: TCreateComparison) {
  const base = slugify(title);
  const taken = await tx.comparison.findMany({
    where: { workspaceId, slug: { startsWith: base } },
    select: { slug: true },
  });
  const comparison = await tx.comparison.create({
    data: {
      workspaceId,
      slug: uniqueSlug(base, new Set(taken.map((c) => c.slug))),
      title,
      description,
      eventDate: eventDate ? new Date(eventDate) : undefined,
      createdById: actor.id,
    },
  });
  await installDefaultTaxonomy(tx, comparison.id);
  return comparison;
}
