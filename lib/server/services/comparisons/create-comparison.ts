import "server-only";
import { slugify, uniqueSlug } from "@/lib/domain/slug";
import { ZCreateComparison } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { parseInput } from "@/lib/server/validation";
import { requireEditableWorkspace } from "./require-comparison";

/** Creates a comparison with the default taxonomy; owners and editors only. */
export async function createComparison(actor: Actor, workspaceSlug: string, input: unknown) {
  const { title, description, eventDate } = parseInput(ZCreateComparison, input);
  const workspace = await requireEditableWorkspace(actor, workspaceSlug);
  return db().$transaction(async (tx) => {
    const base = slugify(title);
    const taken = await tx.comparison.findMany({
      where: { workspaceId: workspace.id, slug: { startsWith: base } },
      select: { slug: true },
    });
    const comparison = await tx.comparison.create({
      data: {
        workspaceId: workspace.id,
        slug: uniqueSlug(base, new Set(taken.map((c) => c.slug))),
        title,
        description,
        eventDate: eventDate ? new Date(eventDate) : undefined,
        createdById: actor.id,
      },
    });
    await installDefaultTaxonomy(tx, comparison.id);
    return comparison;
  });
}
