import "server-only";
import { ZCurateSpan } from "@/lib/schemas/curation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons } from "@/lib/server/permissions";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { parseInput } from "@/lib/server/validation";
import { reviewerAnnotationsWhere } from "./reviewer-annotations";

export const CURATION_FOR_EDITORS = "Only the workspace's owners and editors curate annotations.";

/**
 * Records an editor's verdict on one span of a source that reviewers annotated: accepted
 * with the tags given (one version's, their union, or an edit), or rejected. Deciding again
 * replaces the verdict. Audited as curation.accepted / curation.rejected.
 */
export async function curateSpan(actor: Actor, comparisonId: string, input: unknown) {
  const span = parseInput(ZCurateSpan, input);
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canEditComparisons(role)) throw new AppError("FORBIDDEN", CURATION_FOR_EDITORS);
  const source = await db().source.findFirst({
    where: { id: span.sourceId, comparisonId: comparison.id },
    select: { id: true, currentRevisionId: true },
  });
  if (!source?.currentRevisionId) throw notFound("That source");
  const from = await db().annotation.findMany({
    where: { ...reviewerAnnotationsWhere(comparison.id, source.id), start: span.start, end: span.end },
    select: { id: true, exact: true, prefix: true, suffix: true, revisionId: true },
    orderBy: { createdAt: "asc" },
  });
  if (from.length === 0) throw new AppError("INVALID_INPUT", "No reviewer annotated that span: curate the spans the merge view lists.");
  const tagIds = span.verdict === "ACCEPTED" ? [...new Set(span.tagIds)] : [];
  const known = await db().tag.count({ where: { id: { in: tagIds }, mergedIntoId: null, tagSet: { comparisonId: comparison.id } } });
  if (known !== tagIds.length) throw new AppError("INVALID_INPUT", "A chosen tag is not in this comparison's taxonomy.", { tagIds: "Choose tags of this comparison." });
  const { exact, prefix, suffix, revisionId } = from[0]!;
  const fields = {
    exact, prefix, suffix, revisionId,
    verdict: span.verdict,
    comment: span.comment ?? null,
    fromAnnotationIds: from.map((a) => a.id),
    curatorId: actor.id,
  };
  return db().$transaction(async (tx) => {
    const curated = await tx.curatedAnnotation.upsert({
      where: { sourceId_start_end: { sourceId: source.id, start: span.start, end: span.end } },
      create: { comparisonId: comparison.id, sourceId: source.id, start: span.start, end: span.end, ...fields },
      update: fields,
      select: { id: true, verdict: true, start: true, end: true },
    });
    await tx.curatedAnnotationTag.deleteMany({ where: { curatedAnnotationId: curated.id } });
    if (tagIds.length) await tx.curatedAnnotationTag.createMany({ data: tagIds.map((tagId) => ({ curatedAnnotationId: curated.id, tagId })) });
    await tx.auditEvent.create({
      data: {
        workspaceId: comparison.workspaceId,
        actorId: actor.id,
        action: span.verdict === "ACCEPTED" ? "curation.accepted" : "curation.rejected",
        entityType: "CuratedAnnotation",
        entityId: curated.id,
        data: { exact, tagIds },
      },
    });
    return { ...curated, tagIds };
  });
}
