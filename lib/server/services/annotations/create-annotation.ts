import "server-only";
import { ZCreateAnnotation } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { findSourceInComparison } from "@/lib/server/services/sources/find-source";
import { spanTarget } from "@/lib/server/services/sources/span-target";
import { parseInput } from "@/lib/server/validation";
import { assertUsableTags, claimColumns } from "./annotation-fields";
import { annotationSelect, toAnnotationView } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/** The annotation's own columns: annotationSelect without its relations. */
const { revision: _revision, author: _author, tags: _tags, evidence: _evidence, replies: _replies, ...annotationColumns } = annotationSelect;

/**
 * Annotates a span of a source's current text with tags, a comment and optionally a claim.
 * In a class it is work for an assignment: a student's answer, or a teacher's key.
 * `proposedBy` records the analyser whose proposal the actor accepted (never user input).
 */
export async function createAnnotation(
  actor: Actor & Pick<SessionUser, "name">,
  comparisonId: string,
  input: unknown,
  { proposedBy }: { proposedBy?: string } = {},
) {
  const { sourceId, start, end, revisionNumber, tagIds, comment, claim, assignmentId } = parseInput(ZCreateAnnotation, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const { row, revision, tags } = await db().$transaction(async (tx) => {
    const source = await findSourceInComparison(tx, comparison.id, sourceId);
    const target = spanTarget(source.currentRevision, { start, end, revisionNumber });
    const tags = await assertUsableTags(tx, comparison.id, tagIds);
    const { isKey, submissionId } = await checkAssignmentWork(tx, actor, role, {
      comparisonId: comparison.id,
      assignmentId: assignmentId ?? null,
      sourceId,
      tagIds: tags.map((tag) => tag.id),
    });
    const row = await tx.annotation.create({
      data: {
        comparisonId: comparison.id,
        sourceId,
        authorId: actor.id,
        assignmentId: assignmentId ?? null,
        isKey,
        submissionId,
        ...target,
        comment: comment || null,
        proposedBy: proposedBy ?? null,
        ...claimColumns(claim),
        evidence: claim?.evidence.length ? { create: claim.evidence.map((url) => ({ url })) } : undefined,
        tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
      },
      select: annotationColumns,
    });
    return { row, revision: source.currentRevision.number, tags };
  });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "annotation", id: row.id, action: "created" });
  // Not read back through annotationSelect: Prisma loads each relation with a query of its own
  // (eight, a third of the queries of a create), and all of them are known here: the revision
  // just checked, the acting author, the tags just checked, the evidence as stored, no replies.
  return toAnnotationView({
    ...row,
    revision: { number: revision },
    author: { id: actor.id, name: actor.name },
    tags: tags.map((tag) => ({ tag })),
    evidence: (claim?.evidence ?? []).map((url) => ({ url })),
    replies: [],
  });
}
