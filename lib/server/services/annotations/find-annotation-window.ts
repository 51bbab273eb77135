import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { ZAnnotationPage, ZAnnotationQuery, ZAnnotationWindowPages, type TAnnotationQuery } from "@/lib/schemas/annotation";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { parseInput } from "@/lib/server/validation";
import { recordRevealViews, revealedAssignmentsIn } from "@/lib/server/services/assignments/record-reveal-views";
import { annotationSelect, toAnnotationView, visibleAnnotationsWhere } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/**
 * The annotate view reads one source at a time and never the whole comparison: a compact
 * list of the source's highlights (enough to draw them and to number the list's rows), the
 * counts, and pages of full annotations for the rows the reader scrolls to. Every read runs
 * the visibility rule inside its query, as findAnnotations does.
 */

/** Text order within one source; the highlights and the pages share it, so a highlight's index is its row. */
const TEXT_ORDER = [{ start: "asc" }, { end: "desc" }, { id: "asc" }] satisfies Prisma.AnnotationOrderByWithRelationInput[];

/** The view's scope (who may see what, which assignment's work), without the source or the filters. */
function scopeWhere(actor: Actor, role: Role, comparisonId: string, query: TAnnotationQuery): Prisma.AnnotationWhereInput {
  return {
    comparisonId,
    ...visibleAnnotationsWhere(actor, role),
    ...(query.assignmentId ? { assignmentId: query.assignmentId } : {}),
    ...(query.onlyMine ? { authorId: actor.id } : {}),
    ...(query.keyOnly ? { isKey: true } : {}),
  };
}

function queryWhere(actor: Actor, role: Role, comparisonId: string, query: TAnnotationQuery): Prisma.AnnotationWhereInput {
  const { sourceId, authorId, tagId, claimStatus, unresolved } = query;
  return {
    AND: [
      scopeWhere(actor, role, comparisonId, query),
      {
        sourceId,
        ...(authorId ? { authorId } : {}),
        ...(tagId ? { tags: { some: { tagId } } } : {}),
        ...(claimStatus ? { isClaim: true, claimStatus } : {}),
        ...(unresolved ? { resolvedAt: null } : {}),
      },
    ],
  };
}

/** One highlight: annotation id, start, end, then the indexes of its tags in `tagIds`. */
export type HighlightRow = [id: string, start: number, end: number, ...tags: number[]];

/** A source's placed annotations as compact rows (about 45 bytes each), in text order. */
export interface HighlightList {
  tagIds: string[];
  rows: HighlightRow[];
}

/**
 * What the annotate view needs of one source before it shows any annotation in full: its
 * highlights (which also count and number the placed annotations), how many are orphaned,
 * and the authors the filter offers (over the whole comparison, within the view's scope).
 */
export async function findAnnotationOverview(actor: Actor, comparisonId: string, input: unknown) {
  const query = parseInput(ZAnnotationQuery, input);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "read");
  const where = queryWhere(actor, role, comparison.id, query);
  const placed: Prisma.AnnotationWhereInput = { AND: [where, { anchorStatus: { not: "ORPHANED" } }] };
  // Tags are read by the annotations' filter (a join), not as a relation of each row, which
  // would send one bind parameter per annotation.
  const [rows, tagRows, orphaned, authors] = await Promise.all([
    db().annotation.findMany({ where: placed, orderBy: TEXT_ORDER, select: { id: true, start: true, end: true } }),
    db().annotationTag.findMany({ where: { annotation: placed }, orderBy: { tag: { position: "asc" } }, select: { annotationId: true, tagId: true } }),
    db().annotation.count({ where: { AND: [where, { anchorStatus: "ORPHANED" }] } }),
    db().user.findMany({
      where: { annotations: { some: scopeWhere(actor, role, comparison.id, query) } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const tagIds: string[] = [];
  const tagIndex = new Map<string, number>();
  const tagsOf = new Map<string, number[]>();
  for (const { annotationId, tagId } of tagRows) {
    let index = tagIndex.get(tagId);
    if (index === undefined) {
      index = tagIds.push(tagId) - 1;
      tagIndex.set(tagId, index);
    }
    const list = tagsOf.get(annotationId);
    if (list) list.push(index);
    else tagsOf.set(annotationId, [index]);
  }
  const highlights: HighlightList = { tagIds, rows: rows.map((r): HighlightRow => [r.id, r.start, r.end, ...(tagsOf.get(r.id) ?? [])]) };
  return { sourceId: query.sourceId, highlights, orphaned, authors };
}

export type AnnotationOverview = Awaited<ReturnType<typeof findAnnotationOverview>>;

/** A page of full annotations of one source, placed or orphaned, by position in text order. */
export async function findAnnotationPage(actor: Actor, comparisonId: string, input: unknown, pageInput: unknown) {
  const query = parseInput(ZAnnotationQuery, input);
  const { offset, limit, orphaned } = parseInput(ZAnnotationPage, pageInput);
  const { comparison, role } = await requireAnnotationAccess(actor, comparisonId, "read");
  const where = queryWhere(actor, role, comparison.id, query);
  const rows = await db().annotation.findMany({
    where: { AND: [where, orphaned ? { anchorStatus: "ORPHANED" } : { anchorStatus: { not: "ORPHANED" } }] },
    orderBy: TEXT_ORDER,
    skip: offset,
    take: limit,
    select: annotationSelect,
  });
  const annotations = rows.map(toAnnotationView);
  if (role === "STUDENT") await recordRevealViews(actor, revealedAssignmentsIn(actor, annotations));
  return { offset, annotations };
}

/**
 * The overview with the first page of orphans and the given pages of placed annotations
 * (`pageSize` rows each), in one call: what a page sends for the source it opens on, and
 * what the view reads when it opens another source, changes filters or catches up. One
 * call, because a browser runs server actions one after another.
 */
export async function findAnnotationWindow(actor: Actor, comparisonId: string, query: unknown, pagesInput: unknown, pageSize: number) {
  const pageNumbers = parseInput(ZAnnotationWindowPages, pagesInput);
  const [overview, orphans, ...placed] = await Promise.all([
    findAnnotationOverview(actor, comparisonId, query),
    findAnnotationPage(actor, comparisonId, query, { offset: 0, limit: pageSize, orphaned: true }),
    ...pageNumbers.map((page) => findAnnotationPage(actor, comparisonId, query, { offset: page * pageSize, limit: pageSize })),
  ]);
  return { overview, orphans: orphans.annotations, pages: Object.fromEntries(pageNumbers.map((page, i) => [page, placed[i]!.annotations])) };
}
