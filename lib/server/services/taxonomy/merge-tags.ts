import "server-only";
import { ZMergeTags } from "@/lib/schemas/taxonomy";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";
import { findTagInComparison } from "./tag-checks";

/**
 * Merges one tag into another tag of the same comparison, in one transaction: every
 * annotation with the merged tag gets the other one instead (an annotation that had both
 * keeps its one link to the target), then the merged tag is retired, points at its
 * target, and the merge is audited. Owners and editors only.
 */
export async function mergeTags(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { tagId, intoTagId } = parseInput(ZMergeTags, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  return db().$transaction(async (tx) => {
    // Locks both tags, in id order so two opposite merges (A into B, B into A) wait for
    // each other instead of both passing their checks. The lock also holds back
    // annotation writes that link either tag (their foreign-key check shares the tag row),
    // so the links cannot change while they move. An annotation saved with the old tag in
    // that same instant keeps it, as a retired tag: shown, never lost.
    await tx.$queryRaw`SELECT "id" FROM "Tag" WHERE "id" IN (${tagId}, ${intoTagId}) ORDER BY "id" FOR UPDATE`;
    const tag = await findTagInComparison(tx, comparison.id, tagId);
    const into = await findTagInComparison(tx, comparison.id, intoTagId);
    if (tag.mergedInto) {
      throw new AppError("CONFLICT", `“${tag.name}” was already merged into “${tag.mergedInto.name}”.`);
    }
    if (into.retiredAt) {
      const message = `“${into.name}” is retired, so nothing can be merged into it. Restore it first, or choose a tag in use.`;
      throw new AppError("INVALID_INPUT", message, { intoTagId: message });
    }

    // The primary key is (annotationId, tagId): a link cannot be moved onto an annotation
    // that already has the target tag, so those duplicate links are dropped instead.
    const both = await tx.annotationTag.findMany({
      where: { tagId: tag.id, annotation: { tags: { some: { tagId: into.id } } } },
      select: { annotationId: true },
    });
    const alreadyTagged = both.map((link) => link.annotationId);
    await tx.annotationTag.deleteMany({ where: { tagId: tag.id, annotationId: { in: alreadyTagged } } });
    const moved = await tx.annotationTag.updateMany({ where: { tagId: tag.id }, data: { tagId: into.id } });

    await tx.tag.update({ where: { id: tag.id }, data: { retiredAt: tag.retiredAt ?? new Date(), mergedIntoId: into.id } });
    await tx.auditEvent.create({
      data: {
        workspaceId: comparison.workspaceId,
        actorId: actor.id,
        action: "tag.merged",
        entityType: "Tag",
        entityId: tag.id,
        data: { into: into.id },
      },
    });
    return {
      tag: { id: tag.id, name: tag.name },
      into: { id: into.id, name: into.name },
      moved: moved.count,
      alreadyTagged: alreadyTagged.length,
    };
  });
}
