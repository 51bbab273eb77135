import "server-only";
import { ZCurateSpan } from "@/lib/schemas/curation";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { canEditComparisons } from "@/lib/server/permissions";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { parseInput } from "@/lib/server/validation";
import { reviewerAnnotationsWhere } from "./reviewer-annotations";

export const CURATION_FOR_EDITORS = "Only the workspace's owners and editors curate annotations.";

/**
 * Records an editor's verdict on one span of a source that reviewers annotated: accepted
 * with the tags given (one version's, their union, or an edit), or rejected. Deciding again
 * replaces the verdict. Audited as curation.accepted / curation.rejected.
 *
 * Two editors may curate one source at once: a decision that names the version it was made
 * on (`version`, 0 for a span not curated yet) is refused when the other editor decided
 * first, with the verdict now in force, so neither overwrites the other unseen. Everyone
 * watching the comparison hears of the change ("curation", the source's id).
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
  const where = { sourceId_start_end: { sourceId: source.id, start: span.start, end: span.end } };
  const decided = await db().$transaction(async (tx) => {
    const existing = await tx.curatedAnnotation.findUnique({ where, select: { id: true, version: true } });
    const seen = span.version ?? existing?.version ?? 0;
    if ((existing?.version ?? 0) !== seen) throw await staleDecision(tx, where);
    const select = { id: true, verdict: true, start: true, end: true, version: true } as const;
    const curated = existing
      ? await tx.curatedAnnotation.update({ where: { id: existing.id, version: seen }, data: { ...fields, version: { increment: 1 } }, select })
      : await tx.curatedAnnotation.create({ data: { comparisonId: comparison.id, sourceId: source.id, start: span.start, end: span.end, ...fields }, select });
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
  }).catch(async (error: unknown) => {
    // The other editor's decision landed between our read and our write: the same refusal.
    const raced = error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025");
    throw raced ? await staleDecision(db(), where) : error;
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "curation", id: source.id, action: "updated" });
  return decided;
}

/** The refusal of a decision made on a verdict someone has since changed, with the verdict in force. */
async function staleDecision(client: Pick<DbTx, "curatedAnnotation">, where: { sourceId_start_end: { sourceId: string; start: number; end: number } }) {
  const current = await client.curatedAnnotation.findUnique({
    where,
    select: { verdict: true, version: true, curator: { select: { name: true } }, tags: { select: { tagId: true } } },
  });
  const by = current ? `${current.curator.name} ${current.verdict === "ACCEPTED" ? "accepted" : "rejected"} it` : "Another editor decided it";
  return new AppError(
    "CONFLICT",
    `${by} while you were deciding (its verdict is now at version ${current?.version ?? 0}). Look at their verdict, then decide again.`,
    undefined,
    current ? { verdict: current.verdict, version: current.version, curator: current.curator.name, tagIds: current.tags.map((t) => t.tagId).sort() } : null,
  );
}
