import "server-only";
import { createSelectors } from "@/lib/domain/anchoring";
import { ZCreateAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { findSourceInComparison } from "@/lib/server/services/sources/find-source";
import { parseInput } from "@/lib/server/validation";
import { assertUsableTags, claimColumns } from "./annotation-fields";
import { annotationSelect, toAnnotationView } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/** Annotates a span of a source's current text with tags, a comment and optionally a claim. */
export async function createAnnotation(actor: Actor, comparisonId: string, input: unknown) {
  const { sourceId, start, end, revisionNumber, tagIds, comment, claim } = parseInput(ZCreateAnnotation, input);
  const { comparison } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const created = await db().$transaction(async (tx) => {
    const source = await findSourceInComparison(tx, comparison.id, sourceId);
    const { text, number, id: revisionId } = source.currentRevision;
    if (number !== revisionNumber) {
      throw new AppError("CONFLICT", "The source was edited since you selected the text. Select it again in the new text.");
    }
    if (end > text.length || start >= end || !text.slice(start, end).trim()) {
      throw new AppError("INVALID_INPUT", "Select some words of the source first.");
    }
    const tags = await assertUsableTags(tx, comparison.id, tagIds);
    const { quote, position } = createSelectors(text, start, end);
    return tx.annotation.create({
      data: {
        comparisonId: comparison.id,
        sourceId,
        revisionId,
        authorId: actor.id,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: position.start,
        end: position.end,
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
