import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZAnnotationFilters } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { recordRevealViews, revealedAssignmentsIn } from "@/lib/server/services/assignments/record-reveal-views";
import { annotationSelect, toAnnotationView, visibleAnnotationsWhere } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/**
 * The annotations of a comparison the actor may see, in text order (source column, then
 * position), filtered and paged: `nextCursor` is the id to pass for the following page.
 */
export async function findAnnotations(actor: Actor, comparisonId: string, filters: unknown = {}) {
  const { sourceId, authorId, tagId, claimStatus, unresolved, orphaned, assignmentId, cursor, limit } = parseInput(ZAnnotationFilters, filters);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "read");
  const where: Prisma.AnnotationWhereInput = {
    comparisonId: comparison.id,
    ...visibleAnnotationsWhere(actor, role),
    ...(sourceId ? { sourceId } : {}),
    ...(authorId ? { authorId } : {}),
    ...(assignmentId ? { assignmentId } : {}),
    ...(tagId ? { tags: { some: { tagId } } } : {}),
    ...(claimStatus ? { isClaim: true, claimStatus } : {}),
    ...(unresolved ? { resolvedAt: null } : {}),
    ...(orphaned !== undefined ? (orphaned ? { anchorStatus: "ORPHANED" } : { anchorStatus: { not: "ORPHANED" } }) : {}),
  };
  const rows = await db().annotation.findMany({
    where,
    orderBy: [{ source: { position: "asc" } }, { start: "asc" }, { end: "desc" }, { id: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: annotationSelect,
  });
  const annotations = rows.slice(0, limit).map(toAnnotationView);
  if (role === "STUDENT") await recordRevealViews(actor, revealedAssignmentsIn(actor, annotations));
  return { annotations, nextCursor: rows.length > limit ? (annotations.at(-1)?.id ?? null) : null };
}

export async function getAnnotation(actor: Actor, comparisonId: string, annotationId: string) {
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "read");
  const row = await db().annotation.findFirst({
    where: { id: annotationId, comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, role) },
    select: annotationSelect,
  });
  if (!row) throw notFound("That annotation");
  const annotation = toAnnotationView(row);
  if (role === "STUDENT") await recordRevealViews(actor, revealedAssignmentsIn(actor, [annotation]));
  return annotation;
}

/** Every visible annotation of a comparison (or of one assignment in it, or by one author), following the pages. */
export async function findAllAnnotations(actor: Actor, comparisonId: string, { assignmentId, authorId }: { assignmentId?: string; authorId?: string } = {}) {
  const annotations = [];
  let cursor: string | undefined;
  do {
    const page = await findAnnotations(actor, comparisonId, { limit: 500, cursor, assignmentId, authorId });
    annotations.push(...page.annotations);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return annotations;
}
