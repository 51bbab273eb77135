import "server-only";
import { buildReport } from "@/lib/domain/report/build-report";
import type { FramingReport, ReportFilters } from "@/lib/domain/report/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { alignmentExclusives } from "@/lib/server/reports/alignment-exclusives";
import { canReadReports } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { isShareToken } from "@/lib/server/services/report-shares/share-token";

/**
 * The framing report of a comparison for one of its workspace's members; non-members get
 * not found. Hidden annotations are left out even for editors, who could otherwise see
 * them: a report shows what the workspace stands behind.
 */
export async function getReport(actor: Actor, comparisonId: string, filters: ReportFilters): Promise<FramingReport> {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canReadReports(role)) throw new AppError("FORBIDDEN", REPORT_FOR_STUDENTS);
  return loadReport(comparison.id, { AND: [visibleAnnotationsWhere(actor, role), { hiddenAt: null }] }, filters);
}

export const REPORT_FOR_STUDENTS = "A class's reports and exports are for its teachers: your own work is on the assignment's page.";

export const REPORT_UNAVAILABLE = "This report is no longer available. The link may be mistyped, or its publisher has withdrawn it.";

/**
 * The report behind a share link, for anyone holding it: only while the share is not
 * revoked, and only of a team's comparison (a class's report is never public: see
 * publishReport). It shows what its publisher would see (without hidden annotations); a publisher
 * who has since left the workspace counts as a viewer.
 */
export async function getPublishedReport(token: string, filters: ReportFilters): Promise<FramingReport> {
  if (!isShareToken(token)) throw new AppError("NOT_FOUND", REPORT_UNAVAILABLE);
  const share = await db().reportShare.findFirst({
    where: { token, revokedAt: null, comparison: { workspace: { kind: "TEAM" } } },
    select: { comparisonId: true, createdById: true, comparison: { select: { workspaceId: true } } },
  });
  if (!share) throw new AppError("NOT_FOUND", REPORT_UNAVAILABLE);
  const membership = await db().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: share.comparison.workspaceId, userId: share.createdById } },
    select: { role: true },
  });
  const role = membership?.role ?? "VIEWER";
  const publisher = { id: share.createdById };
  return loadReport(share.comparisonId, { AND: [visibleAnnotationsWhere(publisher, role), { hiddenAt: null }] }, filters);
}

async function loadReport(comparisonId: string, visible: Prisma.AnnotationWhereInput, filters: ReportFilters): Promise<FramingReport> {
  const [comparison, annotations] = await Promise.all([
    db().comparison.findUniqueOrThrow({
      where: { id: comparisonId },
      select: {
        id: true,
        title: true,
        description: true,
        eventDate: true,
        workspace: { select: { name: true } },
        sources: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            title: true,
            url: true,
            author: true,
            publishedAt: true,
            outlet: { select: { id: true, name: true, site: true, country: true } },
            currentRevision: { select: { id: true, text: true, wordCount: true } },
          },
        },
        tagSets: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            key: true,
            name: true,
            description: true,
            tags: {
              where: { mergedIntoId: null },
              orderBy: { position: "asc" },
              select: { id: true, name: true, description: true, color: true, retiredAt: true },
            },
          },
        },
        factRows: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            label: true,
            note: true,
            passages: { select: { sourceId: true, revisionId: true, start: true, end: true, exact: true, anchorStatus: true } },
          },
        },
      },
    }),
    db().annotation.findMany({
      where: { AND: [{ comparisonId }, visible] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        sourceId: true,
        revisionId: true,
        start: true,
        end: true,
        exact: true,
        anchorStatus: true,
        comment: true,
        createdAt: true,
        author: { select: { id: true, name: true } },
        tags: { select: { tagId: true } },
        isClaim: true,
        claimAsserter: true,
        claimAssertedBy: true,
        claimStatus: true,
        evidence: { select: { url: true }, orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  return buildReport(
    {
      comparison: { ...comparison, workspaceName: comparison.workspace.name },
      sources: comparison.sources.map(({ currentRevision, ...s }) => ({ ...s, revision: currentRevision })),
      tagSets: comparison.tagSets,
      factRows: comparison.factRows.map((row) => ({
        ...row,
        passages: row.passages.map(({ anchorStatus, ...p }) => ({ ...p, orphaned: anchorStatus === "ORPHANED" })),
      })),
      annotations: annotations.map((a) => ({
        id: a.id,
        sourceId: a.sourceId,
        revisionId: a.revisionId,
        start: a.start,
        end: a.end,
        exact: a.exact,
        orphaned: a.anchorStatus === "ORPHANED",
        comment: a.comment,
        createdAt: a.createdAt,
        author: a.author,
        tagIds: a.tags.map((t) => t.tagId),
        claim: a.isClaim
          ? { asserter: a.claimAsserter, assertedBy: a.claimAssertedBy, status: a.claimStatus, evidence: a.evidence.map((e) => e.url) }
          : null,
      })),
      alignment: alignmentExclusives(comparison.sources.map((s) => ({ id: s.id, revision: s.currentRevision }))),
    },
    filters,
    new Date(),
  );
}
