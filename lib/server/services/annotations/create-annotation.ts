import "server-only";
import { randomUUID } from "node:crypto";
import { ZCreateAnnotation, type TCreateAnnotation } from "@/lib/schemas/annotation";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canAnnotate } from "@/lib/server/permissions";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { findSourceInComparison } from "@/lib/server/services/sources/find-source";
import { spanTarget } from "@/lib/server/services/sources/span-target";
import { parseInput } from "@/lib/server/validation";
import { assertUsableTags, claimColumns, usableTags, type FoundTag } from "./annotation-fields";
import { annotationSelect, toAnnotationView } from "./annotation-view";

/** The annotation's own columns: annotationSelect without its relations. */
const { revision: _revision, author: _author, tags: _tags, evidence: _evidence, replies: _replies, ...annotationColumns } = annotationSelect;

type Author = Actor & Pick<SessionUser, "name">;

/** What a create checks, read in one statement. */
interface WriteContext {
  role: Role;
  revisionId: string | null;
  revisionNumber: number | null;
  text: string | null;
  tags: FoundTag[];
}

/**
 * Annotates a span of a source's current text with tags, a comment and optionally a claim.
 * In a class it is work for an assignment: a student's answer, or a teacher's key.
 *
 * The common case (no assignment) takes three statements and holds no connection between
 * them: one read of everything the checks need (membership, the source's current revision,
 * the tags), one INSERT … SELECT that writes the annotation, its tags and its evidence only
 * if what was checked still holds (same revision, same role, no tag retired since), and the
 * NOTIFY. An interactive transaction took twelve round trips with a connection held idle in
 * between, which is what bounded the write throughput. If the guard finds that something
 * changed in between, the create starts over once, so the checks report what changed.
 * `proposedBy` records the analyser whose proposal the actor accepted (never user input).
 */
export async function createAnnotation(actor: Author, comparisonId: string, input: unknown, { proposedBy }: { proposedBy?: string } = {}) {
  const parsed = parseInput(ZCreateAnnotation, input);
  const context = await readWriteContext(actor, comparisonId, parsed);
  if (parsed.assignmentId || context.role === "STUDENT") return createAssignmentWork(actor, comparisonId, context.role, parsed);
  const write = { ...parsed, proposedBy: proposedBy ?? null };
  const created = (await insertAnnotation(actor, comparisonId, write, context)) ?? (await insertAnnotation(actor, comparisonId, write, await readWriteContext(actor, comparisonId, parsed)));
  if (!created) throw new AppError("CONFLICT", "The source or its taxonomy changed while your annotation was being saved. Try again.");
  await publishComparisonEvent({ comparisonId, type: "annotation", id: created.row.id, action: "created" });
  return created.view;
}

async function readWriteContext(actor: Actor, comparisonId: string, { sourceId, tagIds }: TCreateAnnotation): Promise<WriteContext> {
  const [context] = await db().$queryRaw<WriteContext[]>`
    SELECT m.role::text AS role, r.id AS "revisionId", r.number AS "revisionNumber", r.text,
      COALESCE((
        SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color, 'tagSetId', t."tagSetId", 'retired', t."retiredAt" IS NOT NULL))
        FROM "Tag" t JOIN "TagSet" ts ON ts.id = t."tagSetId"
        WHERE ts."comparisonId" = c.id AND t.id = ANY(${[...new Set(tagIds)]}::text[])
      ), '[]'::json) AS tags
    FROM "Comparison" c
    JOIN "Membership" m ON m."workspaceId" = c."workspaceId" AND m."userId" = ${actor.id}
    LEFT JOIN "Source" s ON s.id = ${sourceId} AND s."comparisonId" = c.id
    LEFT JOIN "SourceRevision" r ON r.id = s."currentRevisionId"
    WHERE c.id = ${comparisonId}`;
  if (!context) throw notFound("That comparison");
  if (!canAnnotate(context.role)) throw new AppError("FORBIDDEN", "Viewers can read annotations but not add or change them.");
  return context;
}

/** The one-statement write, or null when its guard found the checked state changed. */
async function insertAnnotation(actor: Author, comparisonId: string, input: TCreateAnnotation & { proposedBy: string | null }, context: WriteContext) {
  if (!context.revisionId || context.revisionNumber === null || context.text === null) throw notFound("That source");
  const target = spanTarget({ id: context.revisionId, number: context.revisionNumber, text: context.text }, input);
  const tags = usableTags(context.tags, input.tagIds);
  const tagIds = tags.map((tag) => tag.id);
  const claim = claimColumns(input.claim);
  const evidence = input.claim?.evidence ?? [];
  const id = randomUUID();
  // Evidence keeps the order given: createdAt a millisecond apart, as the views sort by it.
  const [row] = await db().$queryRaw<{ id: string; createdAt: Date; updatedAt: Date }[]>`
    WITH checked AS (
      SELECT 1 FROM "Source" s
      JOIN "Comparison" c ON c.id = s."comparisonId"
      JOIN "Membership" m ON m."workspaceId" = c."workspaceId" AND m."userId" = ${actor.id} AND m.role::text = ${context.role}
      WHERE s.id = ${input.sourceId} AND c.id = ${comparisonId} AND s."currentRevisionId" = ${target.revisionId}
        AND NOT EXISTS (SELECT 1 FROM "Tag" t WHERE t.id = ANY(${tagIds}::text[]) AND t."retiredAt" IS NOT NULL)
    ), annotation AS (
      INSERT INTO "Annotation" (id, "comparisonId", "sourceId", "revisionId", "authorId", exact, prefix, suffix, start, "end",
        comment, "proposedBy", "isClaim", "claimAsserter", "claimAssertedBy", "claimStatus", "updatedAt")
      SELECT ${id}, ${comparisonId}, ${input.sourceId}, ${target.revisionId}, ${actor.id}, ${target.exact}, ${target.prefix}, ${target.suffix},
        ${target.start}::int, ${target.end}::int, ${input.comment || null}, ${input.proposedBy}, ${claim.isClaim}::boolean, ${claim.claimAsserter}::"ClaimAsserter",
        ${claim.claimAssertedBy}, ${claim.claimStatus}::"ClaimStatus", CURRENT_TIMESTAMP
      FROM checked
      RETURNING id, "createdAt", "updatedAt"
    ), tags AS (
      INSERT INTO "AnnotationTag" ("annotationId", "tagId")
      SELECT annotation.id, tag FROM annotation, unnest(${tagIds}::text[]) AS tag
    ), evidence AS (
      INSERT INTO "ClaimEvidence" (id, "annotationId", url, "createdAt")
      SELECT annotation.id || '-' || e.n, annotation.id, e.url, CURRENT_TIMESTAMP + e.n * interval '1 millisecond'
      FROM annotation, unnest(${evidence}::text[]) WITH ORDINALITY AS e(url, n)
    )
    SELECT id, "createdAt", "updatedAt" FROM annotation`;
  if (!row) return null;
  // Built from what the statement was given: reading it back through annotationSelect would
  // cost a query per relation.
  const view = toAnnotationView({
    id,
    comparisonId,
    sourceId: input.sourceId,
    assignmentId: null,
    isKey: false,
    exact: target.exact,
    prefix: target.prefix,
    suffix: target.suffix,
    start: target.start,
    end: target.end,
    anchorStatus: "EXACT",
    anchorScore: 1,
    textChangedAt: null,
    previousQuote: null,
    comment: input.comment || null,
    proposedBy: input.proposedBy,
    ...claim,
    version: 1,
    resolvedAt: null,
    hiddenAt: null,
    hiddenReason: null,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    revision: { number: context.revisionNumber },
    author: { id: actor.id, name: actor.name },
    tags: tags.map((tag) => ({ tag })),
    evidence: evidence.map((url) => ({ url })),
    replies: [],
  });
  return { row, view };
}

/**
 * Work for an assignment (and every student's write): the classroom rules read the
 * assignment and lock the student's submission, so this stays one interactive transaction.
 */
async function createAssignmentWork(actor: Author, comparisonId: string, role: Role, input: TCreateAnnotation) {
  const { sourceId, start, end, revisionNumber, tagIds, comment, claim, assignmentId } = input;
  const { row, revision, tags } = await db().$transaction(async (tx) => {
    const source = await findSourceInComparison(tx, comparisonId, sourceId);
    const target = spanTarget(source.currentRevision, { start, end, revisionNumber });
    const tags = await assertUsableTags(tx, comparisonId, tagIds);
    const { isKey, submissionId } = await checkAssignmentWork(tx, actor, role, {
      comparisonId,
      assignmentId: assignmentId ?? null,
      sourceId,
      tagIds: tags.map((tag) => tag.id),
    });
    const row = await tx.annotation.create({
      data: {
        comparisonId,
        sourceId,
        authorId: actor.id,
        assignmentId: assignmentId ?? null,
        isKey,
        submissionId,
        ...target,
        comment: comment || null,
        ...claimColumns(claim),
        evidence: claim?.evidence.length ? { create: claim.evidence.map((url) => ({ url })) } : undefined,
        tags: { create: tags.map((tag) => ({ tagId: tag.id })) },
      },
      select: annotationColumns,
    });
    return { row, revision: source.currentRevision.number, tags };
  });
  await publishComparisonEvent({ comparisonId, type: "annotation", id: row.id, action: "created" });
  return toAnnotationView({
    ...row,
    revision: { number: revision },
    author: { id: actor.id, name: actor.name },
    tags: tags.map((tag) => ({ tag })),
    evidence: (claim?.evidence ?? []).map((url) => ({ url })),
    replies: [],
  });
}
