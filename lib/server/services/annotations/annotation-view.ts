import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { canEditComparisons } from "@/lib/server/permissions";
import { revealedToStudentWhere } from "@/lib/server/services/assignments/assignment-reveal";

/** Everything a client shows of an annotation; the same shape in pages, the JSON API and events. */
export const annotationSelect = {
  id: true,
  comparisonId: true,
  sourceId: true,
  assignmentId: true,
  isKey: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  anchorStatus: true,
  anchorScore: true,
  textChangedAt: true,
  previousQuote: true,
  comment: true,
  proposedBy: true,
  isClaim: true,
  claimAsserter: true,
  claimAssertedBy: true,
  claimStatus: true,
  version: true,
  resolvedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  createdAt: true,
  updatedAt: true,
  revision: { select: { number: true } },
  author: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true, color: true, tagSetId: true } } } },
  evidence: { select: { url: true }, orderBy: { createdAt: "asc" } },
  replies: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, version: true, createdAt: true, updatedAt: true, author: { select: { id: true, name: true } } },
  },
} satisfies Prisma.AnnotationSelect;

type Row = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export function toAnnotationView(row: Row) {
  return {
    id: row.id,
    comparisonId: row.comparisonId,
    sourceId: row.sourceId,
    /** In a class: the assignment it is work for, and whether it belongs to the teacher's key. */
    assignment: row.assignmentId ? { id: row.assignmentId, key: row.isKey } : null,
    revision: row.revision.number,
    target: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end },
    anchor: { status: row.anchorStatus, score: row.anchorScore },
    /**
     * "Text changed — check the tags": an edit of the source changed the words under the
     * annotation (`previousQuote` then, `target.exact` now) until its author or an editor clears it.
     */
    textChanged: row.textChangedAt ? { at: row.textChangedAt, previousQuote: row.previousQuote ?? "" } : null,
    tags: row.tags.map((t) => t.tag),
    comment: row.comment,
    /** Accepted from an analyser's proposal: "<analyser>@<version>". */
    proposedBy: row.proposedBy,
    claim: row.isClaim
      ? { asserter: row.claimAsserter, assertedBy: row.claimAssertedBy, status: row.claimStatus, evidence: row.evidence.map((e) => e.url) }
      : null,
    author: row.author,
    version: row.version,
    resolved: row.resolvedAt !== null,
    hidden: row.hiddenAt ? { at: row.hiddenAt, reason: row.hiddenReason } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    replies: row.replies,
  };
}

export type AnnotationView = ReturnType<typeof toAnnotationView>;

/**
 * Which annotations an actor may see: never deleted ones; hidden ones only to editors
 * (who moderate, teachers included) and to their author (who should know why).
 *
 * A student works blind: they see their own annotations, and others' only in an
 * assignment whose work has been revealed to them (its reveal mode: after they handed in
 * work, once the due date passed, or once a teacher revealed it). Then they see the teacher's
 * key for that assignment and their classmates' work, nothing else of the comparison. Under
 * "after submit" that is the work of classmates who have submitted too, never a draft still
 * being written; at the due date or a teacher's reveal everyone's work is locked, so all of
 * it shows. The rule runs inside the query, so every page, endpoint and export that reads
 * through it is blind.
 */
export function visibleAnnotationsWhere(actor: Actor, role: Role): Prisma.AnnotationWhereInput {
  if (canEditComparisons(role)) return { deletedAt: null };
  if (role === "STUDENT") {
    return {
      deletedAt: null,
      OR: [
        { authorId: actor.id },
        {
          hiddenAt: null,
          assignment: { is: revealedToStudentWhere(actor.id, new Date()) },
          OR: [{ isKey: true }, { assignment: { is: { revealMode: { not: "AFTER_SUBMIT" } } } }, { submission: { is: { submittedAt: { not: null } } } }],
        },
      ],
    };
  }
  return { deletedAt: null, OR: [{ hiddenAt: null }, { authorId: actor.id }] };
}
