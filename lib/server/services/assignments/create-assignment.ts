import "server-only";
import { ZCreateAssignment } from "@/lib/schemas/classroom";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { canTeach } from "@/lib/server/permissions";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";

/**
 * A teacher turns a comparison of their class into an assignment: which sources students
 * annotate, which fact rows to look at, which tags they may use, when it is due and when
 * they see each other's work and the key.
 */
export async function createAssignment(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { title, instructions, dueAt, revealMode, sourceIds, factRowIds, tagIds } = parseInput(ZCreateAssignment, input);
  const { workspace, comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug);
  if (workspace.kind !== "CLASS") throw new AppError("INVALID_INPUT", "Assignments belong to classes: create a class, then a comparison in it.");
  if (!canTeach(workspace.role)) throw new AppError("FORBIDDEN", "Only the class's teachers can create assignments.");
  return db().$transaction(async (tx) => {
    const [sources, factRows, tags] = await Promise.all([
      tx.source.count({ where: { id: { in: sourceIds }, comparisonId: comparison.id } }),
      tx.factRow.count({ where: { id: { in: factRowIds }, comparisonId: comparison.id } }),
      tx.tag.count({ where: { id: { in: tagIds }, tagSet: { comparisonId: comparison.id }, retiredAt: null } }),
    ]);
    if (sources !== new Set(sourceIds).size) throw new AppError("INVALID_INPUT", "Choose sources of this comparison.", { sourceIds: "Choose sources of this comparison." });
    if (factRows !== new Set(factRowIds).size) throw new AppError("INVALID_INPUT", "Choose fact rows of this comparison.", { factRowIds: "Choose fact rows of this comparison." });
    if (tags !== new Set(tagIds).size) {
      throw new AppError("INVALID_INPUT", "Choose tags of this comparison's taxonomy that are not retired.", { tagIds: "Choose tags in use in this comparison." });
    }
    return tx.assignment.create({
      data: {
        workspaceId: workspace.id,
        comparisonId: comparison.id,
        title,
        instructions,
        dueAt,
        revealMode,
        createdById: actor.id,
        sources: { create: [...new Set(sourceIds)].map((sourceId) => ({ sourceId })) },
        factRows: { create: [...new Set(factRowIds)].map((factRowId) => ({ factRowId })) },
        tags: { create: [...new Set(tagIds)].map((tagId) => ({ tagId })) },
      },
      select: { id: true, title: true },
    });
  });
}
