import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZSearchAnnotations } from "@/lib/schemas/search";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { canBrowseComparisons } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/validation";
import { recordRevealViews, revealedAssignmentsIn } from "@/lib/server/services/assignments/record-reveal-views";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";
import { visibleAnnotationsWhere } from "./annotation-view";

export const SEARCH_PAGE_SIZE = 20;
/** The best-ranked text matches considered; past this the page asks for narrower words. */
export const SEARCH_MATCH_LIMIT = 5000;

const resultSelect = {
  id: true,
  sourceId: true,
  assignmentId: true,
  exact: true,
  comment: true,
  isClaim: true,
  claimStatus: true,
  hiddenAt: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  source: { select: { title: true, outlet: { select: { name: true } } } },
  comparison: { select: { slug: true, title: true } },
  tags: { select: { tag: { select: { id: true, name: true, color: true } } } },
} satisfies Prisma.AnnotationSelect;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/**
 * Annotations of a workspace the actor may see (the same rule as every other read: a student
 * finds only their own work and what has been revealed to them), by words of the span's text
 * or comment, tag name, author, claim status, outlet and date, a page at a time.
 *
 * Words go through Postgres full-text search on the annotations' generated `search` column
 * (GIN-indexed, English stemming, `websearch_to_tsquery` syntax), best match first. That query
 * is raw SQL, so it only ranks candidates of the workspace; visibility and filters are then
 * applied by the shared Prisma filter over those ids, so the blind rule has one definition.
 * The candidates stop at SEARCH_MATCH_LIMIT (bind parameters of the second query stay far
 * below Postgres's limit); without words, newest first.
 */
export async function searchAnnotations(actor: Actor, workspaceSlug: string, input: unknown) {
  const filters = parseInput(ZSearchAnnotations, input);
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  const visible: Prisma.AnnotationWhereInput = { comparison: { workspaceId: workspace.id }, ...visibleAnnotationsWhere(actor, workspace.role) };
  const where: Prisma.AnnotationWhereInput = {
    AND: [
      visible,
      filters.tag ? { tags: { some: { tag: { name: filters.tag } } } } : {},
      filters.author ? { authorId: filters.author } : {},
      filters.claim === "ANY" ? { isClaim: true } : filters.claim ? { isClaim: true, claimStatus: filters.claim } : {},
      filters.outlet ? { source: { outletId: filters.outlet } } : {},
      filters.from || filters.to
        ? { createdAt: { ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}), ...(filters.to ? { lt: nextDay(filters.to) } : {}) } }
        : {},
    ],
  };
  const skip = (filters.page - 1) * SEARCH_PAGE_SIZE;

  let total: number;
  let rows: Prisma.AnnotationGetPayload<{ select: typeof resultSelect }>[];
  let capped = false;
  if (filters.q) {
    const matches = await db().$queryRaw<{ id: string }[]>`
      SELECT a."id"
      FROM "Annotation" a
      JOIN "Comparison" c ON c."id" = a."comparisonId",
           websearch_to_tsquery('english', ${filters.q}) query
      WHERE c."workspaceId" = ${workspace.id} AND a."deletedAt" IS NULL AND a."search" @@ query
      ORDER BY ts_rank(a."search", query) DESC, a."createdAt" DESC, a."id"
      LIMIT ${SEARCH_MATCH_LIMIT + 1}`;
    capped = matches.length > SEARCH_MATCH_LIMIT;
    const rank = new Map(matches.slice(0, SEARCH_MATCH_LIMIT).map((m, i) => [m.id, i]));
    const kept = await db().annotation.findMany({ where: { AND: [where, { id: { in: [...rank.keys()] } }] }, select: { id: true } });
    const ordered = kept.map((k) => k.id).sort((a, b) => rank.get(a)! - rank.get(b)!);
    total = ordered.length;
    const pageIds = ordered.slice(skip, skip + SEARCH_PAGE_SIZE);
    const found = await db().annotation.findMany({ where: { id: { in: pageIds } }, select: resultSelect });
    const byId = new Map(found.map((r) => [r.id, r]));
    rows = pageIds.flatMap((id) => byId.get(id) ?? []);
  } else {
    [total, rows] = await Promise.all([
      db().annotation.count({ where }),
      db().annotation.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip, take: SEARCH_PAGE_SIZE, select: resultSelect }),
    ]);
  }

  // Students reach a comparison only through its assignments: their results open the assignment.
  const browses = canBrowseComparisons(workspace.role);
  const openAt = (r: (typeof rows)[number]) =>
    !browses && r.assignmentId ? `/w/${workspace.slug}/a/${r.assignmentId}` : `/w/${workspace.slug}/c/${r.comparison.slug}/annotate`;
  const results = rows.map((r) => ({
    id: r.id,
    exact: r.exact,
    comment: r.comment,
    claimStatus: r.isClaim ? r.claimStatus : null,
    hidden: r.hiddenAt !== null,
    createdAt: r.createdAt,
    author: r.author,
    outlet: r.source.outlet?.name ?? null,
    source: r.source.title,
    comparison: r.comparison.title,
    tags: r.tags.map((t) => t.tag),
    href: `${openAt(r)}?source=${encodeURIComponent(r.sourceId)}&annotation=${encodeURIComponent(r.id)}`,
    assignment: r.assignmentId ? { id: r.assignmentId } : null,
  }));
  if (workspace.role === "STUDENT") await recordRevealViews(actor, revealedAssignmentsIn(actor, results));

  const [tags, authors, outlets] = await Promise.all([
    db().tag.findMany({ where: { tagSet: { comparison: { workspaceId: workspace.id } } }, distinct: ["name"], orderBy: { name: "asc" }, select: { name: true } }),
    db().annotation.groupBy({ by: ["authorId"], where: visible }),
    db().outlet.findMany({ where: { workspaceId: workspace.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const authorRows = await db().user.findMany({ where: { id: { in: authors.map((a) => a.authorId) } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return {
    workspace,
    filters,
    results: results.map(({ assignment: _, ...rest }) => rest),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)),
    capped,
    options: {
      tags: tags.map((t) => t.name),
      authors: authorRows,
      outlets,
    },
  };
}
