import "server-only";
import { randomUUID } from "node:crypto";
import { ZUpdateAnnotation, type TUpdateAnnotation } from "@/lib/schemas/annotation";
import type { AnchorStatus, ClaimAsserter, ClaimStatus, Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError, notFound, staleVersion } from "@/lib/server/errors";
import { canAnnotate, canEditComparisons } from "@/lib/server/permissions";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { checkAssignmentWork } from "@/lib/server/services/assignments/assignment-work";
import { parseInput } from "@/lib/server/validation";
import { assertUsableTags, claimColumns, usableTags, type FoundTag } from "./annotation-fields";
import { annotationSelect, toAnnotationView, visibleAnnotationsWhere } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/**
 * Refuses a write based on an older version than the stored one, handing back the current
 * annotation so the client can show it and let the user apply their change again.
 */
export async function bumpVersion(tx: DbTx, annotationId: string, version: number, data: Parameters<DbTx["annotation"]["updateMany"]>[0]["data"]) {
  const { count } = await tx.annotation.updateMany({ where: { id: annotationId, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const current = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
    throw staleVersion("annotation", current.version, toAnnotationView(current));
  }
}

/**
 * Changes an annotation. Tags, comment and claim belong to the author; any annotator may
 * mark the discussion resolved, except students, who change only their own open work.
 * Every change names the version it was based on.
 *
 * The common case (outside assignments, at the current version, allowed) takes three
 * statements and holds no connection between them: one read for the checks, one statement
 * that updates the row (only at the named version, and only if the role and the tags still
 * allow it), replaces its tags and evidence and reads back the rest of the annotation, and
 * the NOTIFY. Anything else goes through the transaction below, which names what is wrong.
 */
export async function updateAnnotation(actor: Actor, comparisonId: string, annotationId: string, input: unknown) {
  const parsed = parseInput(ZUpdateAnnotation, input);
  const updated = (await updateDirectly(actor, comparisonId, annotationId, parsed)) ?? (await updateInTransaction(actor, comparisonId, annotationId, parsed));
  await publishComparisonEvent({ comparisonId, type: "annotation", id: annotationId, action: "updated" });
  return toAnnotationView(updated);
}

type Update = TUpdateAnnotation;

interface UpdateContext {
  role: Role;
  authorId: string | null;
  assignmentId: string | null;
  hidden: boolean;
  tags: FoundTag[];
}

/** The three-statement update, or null when the case is not the common one. */
async function updateDirectly(actor: Actor, comparisonId: string, annotationId: string, { version, tagIds, comment, claim, resolved }: Update) {
  const [context] = await db().$queryRaw<UpdateContext[]>`
    SELECT m.role::text AS role, a."authorId", a."assignmentId", a."hiddenAt" IS NOT NULL AS hidden,
      COALESCE((
        SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color, 'tagSetId', t."tagSetId", 'retired', t."retiredAt" IS NOT NULL))
        FROM "Tag" t JOIN "TagSet" ts ON ts.id = t."tagSetId"
        WHERE ts."comparisonId" = c.id AND t.id = ANY(${[...new Set(tagIds ?? [])]}::text[])
      ), '[]'::json) AS tags
    FROM "Comparison" c
    JOIN "Membership" m ON m."workspaceId" = c."workspaceId" AND m."userId" = ${actor.id}
    LEFT JOIN "Annotation" a ON a.id = ${annotationId} AND a."comparisonId" = c.id AND a."deletedAt" IS NULL
    WHERE c.id = ${comparisonId}`;
  const changesContent = tagIds !== undefined || comment !== undefined || claim !== undefined;
  const own = context?.authorId === actor.id;
  if (
    !context?.authorId ||
    !canAnnotate(context.role) ||
    context.role === "STUDENT" ||
    context.assignmentId !== null ||
    (context.hidden && !own && !canEditComparisons(context.role)) ||
    (changesContent && !own)
  ) {
    return null;
  }
  const tags = tagIds ? usableTags(context.tags, tagIds) : null;
  const newTagIds = tags?.map((tag) => tag.id) ?? [];
  const columns = claimColumns(claim);
  const evidence = claim?.evidence ?? [];
  const [row] = await db().$queryRaw<UpdatedRow[]>`
    WITH updated AS (
      UPDATE "Annotation" a SET
        comment = CASE WHEN ${comment !== undefined}::boolean THEN ${comment || null}::text ELSE a.comment END,
        "isClaim" = CASE WHEN ${claim !== undefined}::boolean THEN ${columns.isClaim}::boolean ELSE a."isClaim" END,
        "claimAsserter" = CASE WHEN ${claim !== undefined}::boolean THEN ${columns.claimAsserter}::"ClaimAsserter" ELSE a."claimAsserter" END,
        "claimAssertedBy" = CASE WHEN ${claim !== undefined}::boolean THEN ${columns.claimAssertedBy}::text ELSE a."claimAssertedBy" END,
        "claimStatus" = CASE WHEN ${claim !== undefined}::boolean THEN ${columns.claimStatus}::"ClaimStatus" ELSE a."claimStatus" END,
        "resolvedAt" = CASE WHEN ${resolved !== undefined}::boolean THEN (CASE WHEN ${resolved ?? false}::boolean THEN CURRENT_TIMESTAMP ELSE NULL END) ELSE a."resolvedAt" END,
        version = a.version + 1,
        "updatedAt" = CURRENT_TIMESTAMP
      FROM "Comparison" c, "Membership" m
      WHERE a.id = ${annotationId} AND a."comparisonId" = ${comparisonId} AND a."deletedAt" IS NULL AND a.version = ${version}::int
        AND a."assignmentId" IS NULL AND (NOT ${changesContent}::boolean OR a."authorId" = ${actor.id})
        AND c.id = a."comparisonId" AND m."workspaceId" = c."workspaceId" AND m."userId" = ${actor.id} AND m.role::text = ${context.role}
        AND NOT EXISTS (SELECT 1 FROM "Tag" t WHERE t.id = ANY(${newTagIds}::text[]) AND t."retiredAt" IS NOT NULL)
      RETURNING a.id, a."comparisonId", a."sourceId", a."revisionId", a."authorId", a."assignmentId", a."isKey", a.exact, a.prefix, a.suffix,
        a.start, a."end", a."anchorStatus"::text AS "anchorStatus", a."anchorScore", a."textChangedAt", a."previousQuote", a.comment, a."proposedBy", a."isClaim", a."claimAsserter"::text AS "claimAsserter",
        a."claimAssertedBy", a."claimStatus"::text AS "claimStatus", a.version, a."resolvedAt", a."hiddenAt", a."hiddenReason", a."createdAt", a."updatedAt"
    ), old_tags AS (
      DELETE FROM "AnnotationTag" t USING updated u
      WHERE ${tags !== null}::boolean AND t."annotationId" = u.id AND NOT (t."tagId" = ANY(${newTagIds}::text[]))
    ), new_tags AS (
      INSERT INTO "AnnotationTag" ("annotationId", "tagId")
      SELECT u.id, tag FROM updated u, unnest(${newTagIds}::text[]) AS tag
      ON CONFLICT DO NOTHING
    ), old_evidence AS (
      DELETE FROM "ClaimEvidence" e USING updated u WHERE ${claim !== undefined}::boolean AND e."annotationId" = u.id
    ), new_evidence AS (
      INSERT INTO "ClaimEvidence" (id, "annotationId", url, "createdAt")
      SELECT ${randomUUID()} || '-' || e.n, u.id, e.url, CURRENT_TIMESTAMP + e.n * interval '1 millisecond'
      FROM updated u, unnest(${evidence}::text[]) WITH ORDINALITY AS e(url, n)
    )
    SELECT u.*, r.number AS "revisionNumber", json_build_object('id', author.id, 'name', author.name) AS author,
      COALESCE((
        SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color, 'tagSetId', t."tagSetId"))
        FROM "AnnotationTag" at JOIN "Tag" t ON t.id = at."tagId" WHERE at."annotationId" = u.id
      ), '[]'::json) AS tags,
      COALESCE((SELECT json_agg(e.url ORDER BY e."createdAt") FROM "ClaimEvidence" e WHERE e."annotationId" = u.id), '[]'::json) AS evidence,
      COALESCE((
        SELECT json_agg(json_build_object('id', rp.id, 'body', rp.body, 'version', rp.version, 'createdAt', rp."createdAt", 'updatedAt', rp."updatedAt",
          'author', json_build_object('id', ra.id, 'name', ra.name)) ORDER BY rp."createdAt")
        FROM "Reply" rp JOIN "User" ra ON ra.id = rp."authorId" WHERE rp."annotationId" = u.id AND rp."deletedAt" IS NULL
      ), '[]'::json) AS replies
    FROM updated u
    JOIN "SourceRevision" r ON r.id = u."revisionId"
    JOIN "User" author ON author.id = u."authorId"`;
  if (!row) return null;
  // The statement's own reads see the tags and evidence as they were before it (one
  // snapshot), so what it just replaced comes from the input.
  const { revisionNumber, revisionId: _revisionId, authorId: _authorId, tags: storedTags, evidence: storedEvidence, replies, ...columnsRead } = row;
  return {
    ...columnsRead,
    anchorStatus: columnsRead.anchorStatus as AnchorStatus,
    claimAsserter: columnsRead.claimAsserter as ClaimAsserter | null,
    claimStatus: columnsRead.claimStatus as ClaimStatus | null,
    revision: { number: revisionNumber },
    tags: (tags ?? storedTags).map((tag) => ({ tag })),
    evidence: (claim !== undefined ? evidence : storedEvidence).map((url) => ({ url })),
    replies: replies.map((reply) => ({ ...reply, createdAt: storedTime(reply.createdAt), updatedAt: storedTime(reply.updatedAt) })),
  };
}

/** What the update statement reads back: the row's columns, and its relations as JSON. */
interface UpdatedRow {
  id: string;
  comparisonId: string;
  sourceId: string;
  revisionId: string;
  authorId: string;
  assignmentId: string | null;
  isKey: boolean;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  anchorStatus: string;
  anchorScore: number;
  textChangedAt: Date | null;
  previousQuote: string | null;
  comment: string | null;
  proposedBy: string | null;
  isClaim: boolean;
  claimAsserter: string | null;
  claimAssertedBy: string | null;
  claimStatus: string | null;
  version: number;
  resolvedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  revisionNumber: number;
  author: { id: string; name: string };
  tags: { id: string; name: string; color: string; tagSetId: string }[];
  evidence: string[];
  replies: { id: string; body: string; version: number; createdAt: string; updatedAt: string; author: { id: string; name: string } }[];
}

/** A `timestamp(3)` column as JSON gives no zone; Prisma stores and reads them as UTC. */
function storedTime(value: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

async function updateInTransaction(actor: Actor, comparisonId: string, annotationId: string, { version, tagIds, comment, claim, resolved }: Update) {
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  return db().$transaction(async (tx) => {
    const current = await tx.annotation.findFirst({
      where: { id: annotationId, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) },
      select: { authorId: true, assignmentId: true, sourceId: true },
    });
    if (!current) throw notFound("That annotation");
    const changesContent = tagIds !== undefined || comment !== undefined || claim !== undefined;
    if ((changesContent || role === "STUDENT") && current.authorId !== actor.id) {
      throw new AppError("FORBIDDEN", "You can change only your own annotations. Reply to this one instead.");
    }
    await checkAssignmentWork(tx, actor, role, { comparisonId: comparison.id, assignmentId: current.assignmentId, sourceId: current.sourceId, tagIds });
    await bumpVersion(tx, annotationId, version, {
      ...(comment !== undefined ? { comment: comment || null } : {}),
      ...(claim !== undefined ? claimColumns(claim) : {}),
      ...(resolved !== undefined ? { resolvedAt: resolved ? new Date() : null } : {}),
    });
    if (tagIds) {
      const tags = await assertUsableTags(tx, comparison.id, tagIds);
      await tx.annotationTag.deleteMany({ where: { annotationId } });
      await tx.annotationTag.createMany({ data: tags.map((tag) => ({ annotationId, tagId: tag.id })) });
    }
    if (claim !== undefined) {
      await tx.claimEvidence.deleteMany({ where: { annotationId } });
      if (claim?.evidence.length) await tx.claimEvidence.createMany({ data: claim.evidence.map((url) => ({ annotationId, url })) });
    }
    return tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, select: annotationSelect });
  });
}
