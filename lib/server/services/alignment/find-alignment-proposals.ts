import "server-only";
import { DEFAULT_MIN_SCORE } from "@/lib/domain/alignment/align-all";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZAlignmentListQuery, type TAlignmentView } from "@/lib/schemas/alignment";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { hasMember } from "@/lib/server/permissions";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";
import { currentRevisions, proposalSelect, readProposal } from "./proposal-fields";

/** Proposals per page: enough to review in one sitting, few enough to render at once. */
export const ALIGNMENT_PAGE_SIZE = 40;

const VIEW_WHERE: Record<TAlignmentView, Prisma.AlignmentProposalWhereInput> = {
  review: { status: "PROPOSED" },
  rows: { status: "PROPOSED", passageCount: { gt: 1 } },
  only: { status: "PROPOSED", passageCount: 1 },
  accepted: { status: "ACCEPTED" },
  rejected: { status: "REJECTED" },
};

/**
 * The review list of Align all: one page of proposals with their passages and scores, how
 * many there are in each view, the fact row an accepted one became, and the existing fact
 * rows an undecided one overlaps (made by hand, or accepted since). "To review" lists the
 * rows of several outlets first, in story order, then what only one outlet reports, outlet
 * by outlet in column order (story order within each), so that an editor reviews facts
 * before omissions rather than a stream of both interleaved; "Only in one outlet" is
 * grouped by outlet the same way. Other views are in story order.
 */
export async function findAlignmentProposals(actor: Actor, workspaceSlug: string, comparisonSlug: string, query: unknown) {
  const { view, page } = parseInput(ZAlignmentListQuery, query);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const where = { comparisonId: comparison.id, comparison: { workspace: hasMember(actor) } };
  const [revisions, counted, lastRun, scored] = await Promise.all([
    currentRevisions(db(), comparison.id),
    Promise.all((Object.keys(VIEW_WHERE) as TAlignmentView[]).map(async (v) => [v, await db().alignmentProposal.count({ where: { ...where, ...VIEW_WHERE[v] } })] as const)),
    db().alignmentProposal.aggregate({ where: { ...where, edited: false }, _max: { createdAt: true } }),
    db().alignmentProposal.findMany({ where: { ...where, ...VIEW_WHERE.rows }, select: { score: true } }),
  ]);
  const counts = Object.fromEntries(counted) as Record<TAlignmentView, number>;
  const pageCount = Math.max(1, Math.ceil(counts[view] / ALIGNMENT_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const select = { ...proposalSelect, factRow: { select: { id: true, label: true } } };
  const orderBy: Prisma.AlignmentProposalOrderByWithRelationInput[] = [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }];
  const skip = (current - 1) * ALIGNMENT_PAGE_SIZE;
  const grouped = view === "review" || view === "only";
  // Rows of several outlets of this page (all of it in story order when not grouped).
  const rowCount = view === "review" ? counts.rows : view === "only" ? 0 : counts[view];
  const several =
    skip < rowCount
      ? await db().alignmentProposal.findMany({ where: { ...where, ...(grouped ? VIEW_WHERE.rows : VIEW_WHERE[view]) }, orderBy, skip, take: ALIGNMENT_PAGE_SIZE, select })
      : [];
  // Then passages only one outlet reports, grouped by outlet: the outlet is inside the
  // passages column, so they are ordered here (a few hundred short rows at most).
  const columnOf = new Map([...revisions.keys()].map((id, i) => [id, i]));
  const singleColumn = (p: { passages: unknown }) => columnOf.get(readProposal({ passages: p.passages, links: [] }).passages[0]?.sourceId ?? "") ?? columnOf.size;
  const room = ALIGNMENT_PAGE_SIZE - several.length;
  const allSingles =
    grouped && room > 0
      ? (await db().alignmentProposal.findMany({ where: { ...where, ...VIEW_WHERE.only }, orderBy, select }))
          .map((p, i) => ({ p, i, column: singleColumn(p) }))
          .sort((x, y) => x.column - y.column || x.i - y.i)
      : [];
  /** How many undecided passages only each outlet reports, by source id (for the group headings). */
  const onlyCounts: Record<string, number> = {};
  for (const { p } of allSingles) {
    const sourceId = readProposal({ passages: p.passages, links: [] }).passages[0]?.sourceId ?? "";
    onlyCounts[sourceId] = (onlyCounts[sourceId] ?? 0) + 1;
  }
  const from = Math.max(0, skip - rowCount);
  const rows = [...several, ...allSingles.slice(from, from + room).map((x) => x.p)];
  const factRowPassages = await db().passage.findMany({
    where: { factRow: { comparisonId: comparison.id }, anchorStatus: { not: "ORPHANED" } },
    select: { sourceId: true, revisionId: true, start: true, end: true, factRow: { select: { id: true, label: true } } },
  });
  const proposals = rows.map(readProposal).map((p) => {
    const overlaps = new Map<string, { id: string; label: string }>();
    if (p.status === "PROPOSED") {
      for (const q of factRowPassages) {
        if (p.passages.some((a) => a.sourceId === q.sourceId && a.revisionId === q.revisionId && a.start < q.end && q.start < a.end)) overlaps.set(q.factRow.id, q.factRow);
      }
    }
    return {
      id: p.id,
      status: p.status,
      score: p.score,
      edited: p.edited,
      links: p.links,
      passages: p.passages.map((a) => ({ ...a, stale: revisions.get(a.sourceId)?.currentRevision.id !== a.revisionId })),
      factRow: p.factRow,
      overlaps: [...overlaps.values()],
    };
  });
  return {
    sources: [...revisions.values()].map((s) => ({ id: s.id, title: s.title, outlet: s.outlet?.name ?? s.title })),
    view,
    page: current,
    pageCount,
    pageSize: ALIGNMENT_PAGE_SIZE,
    counts,
    /** Whether the page lists rows first, then each outlet's passages in a group of its own. */
    grouped,
    onlyCounts,
    proposals,
    /** Scores of every undecided row of several outlets: what "accept all ≥ S" would take. */
    rowScores: scored.map((r) => r.score),
    lastRunAt: lastRun._max.createdAt,
    minScore: DEFAULT_MIN_SCORE,
  };
}

export type AlignmentReview = Awaited<ReturnType<typeof findAlignmentProposals>>;
