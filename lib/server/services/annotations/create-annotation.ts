import "server-only";
import { ZCreateAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { findSourceInComparison } from "@/lib/server/services/sources/find-source";
import { spanTarget } from "@/lib/server/services/sources/span-target";
import { parseInput } from "@/lib/server/validation";
import { assertUsableTags, claimColumns } from "./annotation-fields";
import { annotationSelect, toAnnotationView } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/**
 * Annotates a span of a source's current text with tags, a comment and optionally a claim.
 * In a class it is work for an assignment: a student's answer, or a teacher's key.
 */
export async function createAnnotation(actor: Actor, comparisonId: string, input: unknown) {
  const { sourceId, start, end, revisionNumber, tagIds, comment, claim, assignmentId } = parseInput(ZCreateAnnotation, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const created = await db().$transaction(async (tx) => {
    const source = await findSourceInComparison(tx, comparison.id, sourceId);
    const target = spanTarget(source.currentRevision, { start, end, revisionNumber });
    const tags = await assertUsableTags(tx, comparison.id, tagIds);
    const { isKey } = await checkAssignmentWork(tx, actor, role, { comparisonId: comparison.id, assignmentId: assignmentId ?? null, sourceId, tagIds: tags });
    return tx.annotation.create({
      data: {
        comparisonId: comparison.id,
        sourceId,
        authorId: actor.id,
        assignmentId: assignmentId ?? null,
        isKey,
        ...target,
        comment: comment || null,
        ...claimColumns(claim),
        evidence: claim?.evidence.length ? { create: claim.evidence.map((url) => ({ url })) } : undefined,
        tags: { create: tags.map((tagId) => ({ tagId })) },
      },
      select: annotationSelect,
    });
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: created.id, action: "created" });
  return toAnnotationView(created);
}
