import "server-only";
import { randomUUID } from "node:crypto";
import { ZCreateAnnotation, type TCreateAnnotation } from "@/lib/schemas/annotation";
import { Prisma } from "@/lib/generated/prisma/client";
import { Role as RoleValues, type Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { queryRows } from "@/lib/server/db/statements";
import { AppError, isAppError, notFound } from "@/lib/server/errors";
import { canAnnotate } from "@/lib/server/permissions";
import { publishComparisonEvent, stageComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { findSourceInComparison } from "@/lib/server/services/sources/find-source";
import { keepRevision, keptRevision, type KeptRevision } from "@/lib/server/services/sources/kept-revisions";
import { spanTarget, type SpanTarget } from "@/lib/server/services/sources/span-target";
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
  textHash: string | null;
  tags: FoundTag[];
}

type CreateInput = TCreateAnnotation & { proposedBy: string | null };

/** The roles whose creates take the one-statement path: those who may annotate, less students (their work goes to an assignment). */
const DIRECT_ROLES = Object.values(RoleValues).filter((role) => canAnnotate(role) && role !== "STUDENT");

/**
 * Annotates a span of a source's current text with tags, a comment and optionally a claim.
 * In a class it is work for an assignment: a student's answer, or a teacher's key.
 *
 * The common case (no assignment, the source's text already kept in this process) is one
 * statement: an INSERT … SELECT that writes the annotation, its tags and its evidence only if
 * the actor may annotate in the comparison, the source's current revision is the one the
 * offsets refer to and every tag is in the comparison's taxonomy and in use, and that sends
 * the NOTIFY for the other app instances in the same statement. The selectors are built from
 * the kept text (kept-revisions.ts) before it. When that statement writes nothing, or the
 * text is not kept yet, or the span is wrong, the create takes the checked path, which
 * reads everything the checks need (membership, the source's current revision and text,
 * the tags) and names what is wrong, then runs the same statement; if that finds something
 * changed since the read, it starts over once. So every refusal is decided and worded by
 * the checked path, and the one statement only ever writes what those checks would allow.
 * `proposedBy` records the analyser whose proposal the actor accepted (never user input).
 */
export async function createAnnotation(actor: Author, comparisonId: string, input: unknown, { proposedBy }: { proposedBy?: string } = {}) {
  const parsed = parseInput(ZCreateAnnotation, input);
  const write = { ...parsed, proposedBy: proposedBy ?? null };
  const direct = parsed.assignmentId ? null : await insertWithKeptText(actor, comparisonId, write);
  if (direct) return direct;
  const context = await readWriteContext(actor, comparisonId, parsed);
  if (parsed.assignmentId || context.role === "STUDENT") return createAssignmentWork(actor, comparisonId, context.role, parsed);
  const created = (await insertChecked(actor, comparisonId, write, context)) ?? (await insertChecked(actor, comparisonId, write, await readWriteContext(actor, comparisonId, parsed)));
  if (!created) throw new AppError("CONFLICT", "The source or its taxonomy changed while your annotation was being saved. Try again.");
  return created;
}

async function readWriteContext(actor: Actor, comparisonId: string, { sourceId, tagIds }: TCreateAnnotation): Promise<WriteContext> {
  const [context] = await db().$queryRaw<WriteContext[]>`
    SELECT m.role::text AS role, r.id AS "revisionId", r.number AS "revisionNumber", r.text, r."textHash",
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

/**
 * The one statement with selectors built from the kept text, or null when the text is not
 * kept, the span does not fit it or the statement's guard refused: the checked path then
 * says why. Nothing is said here, so a stranger learns nothing from a kept text.
 */
async function insertWithKeptText(actor: Author, comparisonId: string, input: CreateInput) {
  const revision = keptRevision(input.sourceId, input.revisionNumber);
  if (!revision) return null;
  let target: SpanTarget;
  try {
    target = spanTarget(revision, input);
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
  return insertAnnotation(actor, comparisonId, input, revision, target);
}

/** The statement after the checks of `context` passed (they throw what is wrong), or null when its guard found the checked state changed. */
async function insertChecked(actor: Author, comparisonId: string, input: CreateInput, context: WriteContext) {
  const { revisionId: id, revisionNumber: number, text, textHash } = context;
  if (!id || number === null || text === null || textHash === null) throw notFound("That source");
  const revision = { id, number, text, textHash };
  const target = spanTarget(revision, input);
  usableTags(context.tags, input.tagIds);
  keepRevision(input.sourceId, revision);
  return insertAnnotation(actor, comparisonId, input, revision, target);
}

/**
 * Writes the annotation, its tags and its evidence and sends the NOTIFY, in one statement,
 * only if its guard holds: the actor may annotate here (DIRECT_ROLES), `revision` (by id and
 * text hash) is the source's current one, and every tag is in the comparison's taxonomy and
 * in use. Returns the annotation as the views show it, or null when the guard refused.
 * Sent with pg on Postgres (statements.ts): it is the create's one statement after auth.
 */
async function insertAnnotation(actor: Author, comparisonId: string, input: CreateInput, revision: Omit<KeptRevision, "text">, target: SpanTarget) {
  const tagIds = [...new Set(input.tagIds)];
  const claim = claimColumns(input.claim);
  const evidence = input.claim?.evidence ?? [];
  const id = randomUUID();
  const event = stageComparisonEvent({ comparisonId, type: "annotation", id, action: "created" });
  // Evidence keeps the order given: createdAt a millisecond apart, as the views sort by it.
  // The NOTIFY goes out when the statement commits, so a listener elsewhere that re-fetches
  // at once finds the annotation; a SELECT-only CTE runs only when read, hence the count.
  const [row] = await queryRows<{ createdAt: Date; updatedAt: Date; tags: Omit<FoundTag, "retired">[] }>(Prisma.sql`
    WITH checked AS (
      SELECT (
        SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color, 'tagSetId', t."tagSetId"))
        FROM "Tag" t JOIN "TagSet" ts ON ts.id = t."tagSetId"
        WHERE ts."comparisonId" = c.id AND t.id = ANY(${tagIds}::text[]) AND t."retiredAt" IS NULL
      ) AS tags
      FROM "Source" s
      JOIN "Comparison" c ON c.id = s."comparisonId"
      JOIN "Membership" m ON m."workspaceId" = c."workspaceId" AND m."userId" = ${actor.id} AND m.role::text = ANY(${DIRECT_ROLES}::text[])
      JOIN "SourceRevision" r ON r.id = s."currentRevisionId" AND r."textHash" = ${revision.textHash}
      WHERE s.id = ${input.sourceId} AND c.id = ${comparisonId} AND r.id = ${revision.id}
    ), usable AS (
      SELECT tags FROM checked WHERE json_array_length(tags) = ${tagIds.length}::int
    ), annotation AS (
      INSERT INTO "Annotation" (id, "comparisonId", "sourceId", "revisionId", "authorId", exact, prefix, suffix, start, "end",
        comment, "proposedBy", "isClaim", "claimAsserter", "claimAssertedBy", "claimStatus", "updatedAt")
      SELECT ${id}, ${comparisonId}, ${input.sourceId}, ${revision.id}, ${actor.id}, ${target.exact}, ${target.prefix}, ${target.suffix},
        ${target.start}::int, ${target.end}::int, ${input.comment || null}, ${input.proposedBy}, ${claim.isClaim}::boolean, ${claim.claimAsserter}::"ClaimAsserter",
        ${claim.claimAssertedBy}, ${claim.claimStatus}::"ClaimStatus", CURRENT_TIMESTAMP
      FROM usable
      RETURNING id, "createdAt", "updatedAt"
    ), tags AS (
      INSERT INTO "AnnotationTag" ("annotationId", "tagId")
      SELECT annotation.id, tag FROM annotation, unnest(${tagIds}::text[]) AS tag
    ), evidence AS (
      INSERT INTO "ClaimEvidence" (id, "annotationId", url, "createdAt")
      SELECT annotation.id || '-' || e.n, annotation.id, e.url, CURRENT_TIMESTAMP + e.n * interval '1 millisecond'
      FROM annotation, unnest(${evidence}::text[]) WITH ORDINALITY AS e(url, n)
    ), notified AS (
      SELECT pg_notify(${event.notify?.channel ?? null}::text, ${event.notify?.payload ?? null}::text) FROM annotation WHERE ${event.notify !== null}::boolean
    )
    SELECT annotation."createdAt" AT TIME ZONE 'UTC' AS "createdAt", annotation."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt", usable.tags,
      (SELECT count(*) FROM notified)::int AS notified
    FROM annotation, usable`);
  if (!row) return null;
  event.deliver();
  const found = new Map(row.tags.map((tag) => [tag.id, tag]));
  // Built from what the statement was given: reading it back through annotationSelect would
  // cost a query per relation.
  return toAnnotationView({
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
    revision: { number: revision.number },
    author: { id: actor.id, name: actor.name },
    tags: tagIds.map((tagId) => ({ tag: found.get(tagId)! })),
    evidence: evidence.map((url) => ({ url })),
    replies: [],
  });
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
