import "server-only";
import { ZResolveDisagreement } from "@/lib/schemas/agreement";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { findSourceInComparison } from "@/lib/server/services/sources/find-source";
import { notFound } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";

/**
 * An editor settles a stretch where reviewers tagged differently: accepts one reviewer's
 * version, merges them, or marks it resolved. The decision is recorded (who, when, how)
 * and the annotations involved are marked resolved; nothing is deleted.
 */
export async function resolveDisagreement(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { sourceId, tagSetId, start, end, kind, acceptedCoderId, note } = parseInput(ZResolveDisagreement, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const { resolution, involved } = await db().$transaction(async (tx) => {
    const source = await findSourceInComparison(tx, comparison.id, sourceId);
    const set = await tx.tagSet.findFirst({ where: { id: tagSetId, comparisonId: comparison.id }, select: { id: true } });
    if (!set) throw notFound("That tag set");
    const involved = await tx.annotation.findMany({
      where: {
        comparisonId: comparison.id,
        sourceId,
        revisionId: source.currentRevision.id,
        deletedAt: null,
        start: { lt: end },
        end: { gt: start },
        tags: { some: { tag: { tagSetId } } },
      },
      select: { id: true, authorId: true },
    });
    const accepted = kind === "ACCEPTED" ? involved.find((a) => a.authorId === acceptedCoderId) : undefined;
    await tx.annotation.updateMany({
      where: { id: { in: involved.map((a) => a.id) } },
      data: { resolvedAt: new Date(), version: { increment: 1 } },
    });
    const resolution = await tx.disagreementResolution.create({
      data: {
        comparisonId: comparison.id,
        sourceId,
        revisionId: source.currentRevision.id,
        tagSetId,
        start,
        end,
        kind,
        acceptedAnnotationId: accepted?.id,
        note,
        resolvedById: actor.id,
      },
    });
    return { resolution, involved };
  });
  for (const annotation of involved) {
    await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: annotation.id, action: "updated" });
  }
  return resolution;
}
