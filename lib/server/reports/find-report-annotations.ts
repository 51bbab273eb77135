import "server-only";
import { outletKey } from "@/lib/domain/report/build-report";
import type { ReportFilters } from "@/lib/domain/report/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "@/lib/schemas/zod";
import { db } from "@/lib/server/db/client";
import { parseInput } from "@/lib/server/validation";
import type { ReportScope } from "./get-report";

/** Annotations listed per page behind a figure of the report. */
export const REPORT_CELL_PAGE_SIZE = 50;

const ZReportCell = z.object({
  tagId: z.string().min(1).describe("The tag of the figure"),
  outletId: z.string().min(1).describe("The outlet of the figure (`source:<id>` for a source without an outlet)"),
  page: z.number().int().min(1).default(1),
});

/**
 * The annotations behind one figure of the report (a tag in an outlet), a page at a time,
 * read from the database rather than from the report: the page sends the figures and the
 * reader asks for what lies behind one. The rule is the report's (see buildReport): the
 * scope's visible annotations, not orphaned, in the outlet's sources (when the outlet is
 * covered), by the chosen reviewers, in the date range, carrying the tag (of an included
 * set); oldest first, as the report lists them. `total` equals the figure's count.
 */
export async function findReportCellAnnotations(scope: ReportScope, filters: ReportFilters, input: unknown) {
  const { tagId, outletId, page } = parseInput(ZReportCell, input);
  const sources = await db().source.findMany({ where: { comparisonId: scope.comparisonId }, select: { id: true, outlet: { select: { id: true } } } });
  const covered = !filters.outletIds?.length || filters.outletIds.includes(outletId);
  const sourceIds = covered ? sources.filter((s) => outletKey(s) === outletId).map((s) => s.id) : [];
  const tagSets = filters.tagSetIds?.length ? { tagSetId: { in: filters.tagSetIds } } : {};
  const where: Prisma.AnnotationWhereInput = {
    AND: [
      { comparisonId: scope.comparisonId },
      scope.visible,
      {
        sourceId: { in: sourceIds },
        anchorStatus: { not: "ORPHANED" },
        ...(filters.reviewerIds?.length ? { authorId: { in: filters.reviewerIds } } : {}),
        ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {}),
        tags: { some: { tagId, tag: { mergedIntoId: null, ...tagSets } } },
      },
    ],
  };
  const [total, rows] = await Promise.all([
    db().annotation.count({ where }),
    db().annotation.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * REPORT_CELL_PAGE_SIZE,
      take: REPORT_CELL_PAGE_SIZE,
      select: {
        id: true,
        exact: true,
        author: { select: { id: true, name: true } },
        tags: {
          where: { tag: { mergedIntoId: null, ...tagSets } },
          orderBy: [{ tag: { tagSet: { position: "asc" } } }, { tag: { position: "asc" } }],
          select: { tag: { select: { id: true, name: true, color: true, tagSetId: true } } },
        },
      },
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / REPORT_CELL_PAGE_SIZE)),
    annotations: rows.map((a) => ({ id: a.id, quote: a.exact, author: a.author, tags: a.tags.map((t) => t.tag) })),
  };
}

export type ReportCellPage = Awaited<ReturnType<typeof findReportCellAnnotations>>;
