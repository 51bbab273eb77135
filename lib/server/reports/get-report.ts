import "server-only";
import { createHash } from "node:crypto";
import { assembleReport, buildReport } from "@/lib/domain/report/build-report";
import type { FramingReport, ReportFilters } from "@/lib/domain/report/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { figuresCache } from "@/lib/server/figures-cache";
import { alignmentExclusives } from "@/lib/server/reports/alignment-exclusives";
import { countReportAnnotations } from "@/lib/server/reports/count-report-annotations";
import { canReadReports } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { annotationsMarker } from "@/lib/server/services/annotations/annotations-marker";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { isShareToken } from "@/lib/server/services/report-shares/share-token";

/**
 * The framing report of a comparison for one of its workspace's members; non-members get
 * not found. Hidden annotations are left out even for editors, who could otherwise see
 * them: a report shows what the workspace stands behind.
 */
export async function getReport(actor: Actor, comparisonId: string, filters: ReportFilters): Promise<FramingReport> {
  return loadReport(await reportScope(actor, comparisonId), filters, "listed");
}

/**
 * The report as the report page shows it: the same report, its figures counted by the
 * database (countReportAnnotations), without the lists of annotation ids behind them
 * (`annotations`, a cell's `annotationIds`), which the page asks for a figure at a time.
 */
export async function getReportSummary(actor: Actor, comparisonId: string, filters: ReportFilters): Promise<FramingReport> {
  return loadReport(await reportScope(actor, comparisonId), filters, "summary");
}

/** Which comparison a report covers and which of its annotations it may count. */
export interface ReportScope {
  comparisonId: string;
  visible: Prisma.AnnotationWhereInput;
  /**
   * Whether `visible` is every annotation neither deleted nor hidden, as for every role that
   * may read a report: the rule the database counts by. Otherwise (a share whose publisher is
   * now a student) the report is counted in memory, by `visible`.
   */
  everyUnhidden: boolean;
}

/** A member's report: what they may see, without hidden annotations. */
export async function reportScope(actor: Actor, comparisonId: string): Promise<ReportScope> {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canReadReports(role)) throw new AppError("FORBIDDEN", REPORT_FOR_STUDENTS);
  return { comparisonId: comparison.id, visible: { AND: [visibleAnnotationsWhere(actor, role), { hiddenAt: null }] }, everyUnhidden: role !== "STUDENT" };
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
  return loadReport(await publishedReportScope(token), filters, "listed");
}

/** The share page's report: counted by the database, as {@link getReportSummary}. */
export async function getPublishedReportSummary(token: string, filters: ReportFilters): Promise<FramingReport> {
  return loadReport(await publishedReportScope(token), filters, "summary");
}

/** The scope of a share link's report, while the link stands. */
export async function publishedReportScope(token: string): Promise<ReportScope> {
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
  return { comparisonId: share.comparisonId, visible: { AND: [visibleAnnotationsWhere(publisher, role), { hiddenAt: null }] }, everyUnhidden: role !== "STUDENT" };
}

/** What a report reads of the comparison itself (its annotations apart). */
const comparisonSelect = {
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
      language: true,
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
} satisfies Prisma.ComparisonSelect;

/** Whether the report lists the annotation ids behind its figures (read in memory) or only counts them (in the database). */
type ReportKind = "listed" | "summary";

async function loadReport({ comparisonId, visible, everyUnhidden }: ReportScope, filters: ReportFilters, kind: ReportKind): Promise<FramingReport> {
  // The annotations' tags, evidence and authors are read by the same filter (a join), not
  // as relations of the rows: Prisma reads a relation with one bind parameter per row
  // (`annotationId IN ($1, …)`), which Postgres refuses past 65,535 (P2029).
  const annotations: Prisma.AnnotationWhereInput = { AND: [{ comparisonId }, visible] };
  const [comparison, marker] = await Promise.all([
    db().comparison.findUniqueOrThrow({ where: { id: comparisonId }, select: comparisonSelect }),
    filters.layer === "curated" ? null : annotationsMarker(annotations),
  ]);
  const now = new Date();
  if (!marker) return buildFrom(comparison, await readCuratedLayer(comparisonId), filters, now);
  // The reviewers' layer of a large comparison is hundreds of thousands of rows: its report is
  // kept per scope and filters until the annotations (the marker) or what the comparison
  // read above says (its sources' text, taxonomy, fact rows) change. The curated layer is
  // small and built on every request.
  const counted = kind === "summary" && everyUnhidden;
  const key = JSON.stringify([comparisonId, visible, filters, counted]);
  const stamp = createHash("sha256").update(JSON.stringify([marker, comparison])).digest("base64");
  const report = await reports.get(key, stamp, async () =>
    counted
      ? assembleReport(reportInput(comparison), await countReportAnnotations(comparison, filters), filters, now)
      : buildFrom(comparison, await readReviewerAnnotations(annotations), filters, now),
  );
  return { ...report, generatedAt: now.toISOString() };
}

const reports = figuresCache<FramingReport>();

/** Forgets the kept reports, for tests that compare them with a cold build. */
export function forgetReports() {
  reports.clear();
}

type ComparisonRead = Prisma.ComparisonGetPayload<{ select: typeof comparisonSelect }>;
type AnnotationRead = Awaited<ReturnType<typeof readReviewerAnnotations>>;

/** What a report reads of the comparison itself, in the domain's shape. */
function reportInput(comparison: ComparisonRead) {
  return {
    comparison: { ...comparison, workspaceName: comparison.workspace.name },
    sources: comparison.sources.map(({ currentRevision, ...s }) => ({ ...s, revision: currentRevision })),
    tagSets: comparison.tagSets,
    factRows: comparison.factRows.map((row) => ({
      ...row,
      passages: row.passages.map(({ anchorStatus, ...p }) => ({ ...p, orphaned: anchorStatus === "ORPHANED" })),
    })),
    alignment: alignmentExclusives(comparison.sources.map((s) => ({ id: s.id, revision: s.currentRevision }))),
  };
}

function buildFrom(comparison: ComparisonRead, { rows, tagRows, evidenceRows, authors }: AnnotationRead, filters: ReportFilters, now: Date): FramingReport {
  const authorOf = new Map(authors.map((author) => [author.id, author]));
  const tagsOf = groupByAnnotation(tagRows, (row) => row.tagId);
  const evidenceOf = groupByAnnotation(evidenceRows, (row) => row.url);
  return buildReport(
    {
      ...reportInput(comparison),
      annotations: rows.map((a) => ({
        id: a.id,
        sourceId: a.sourceId,
        revisionId: a.revisionId,
        start: a.start,
        end: a.end,
        exact: a.exact,
        orphaned: a.anchorStatus === "ORPHANED",
        comment: a.comment,
        createdAt: a.createdAt,
        author: authorOf.get(a.authorId)!,
        tagIds: tagsOf.get(a.id) ?? [],
        claim: a.isClaim
          ? { asserter: a.claimAsserter, assertedBy: a.claimAssertedBy, status: a.claimStatus, evidence: evidenceOf.get(a.id) ?? [] }
          : null,
      })),
    },
    filters,
    now,
  );
}

/** Every reviewer's annotations (the default layer), their tags and claims' evidence. */
async function readReviewerAnnotations(annotations: Prisma.AnnotationWhereInput) {
  const [rows, tagRows, evidenceRows, authors] = await Promise.all([
    db().annotation.findMany({
      where: annotations,
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
        authorId: true,
        isClaim: true,
        claimAsserter: true,
        claimAssertedBy: true,
        claimStatus: true,
      },
    }),
    db().annotationTag.findMany({ where: { annotation: annotations }, select: { annotationId: true, tagId: true } }),
    db().claimEvidence.findMany({ where: { annotation: { AND: [annotations, { isClaim: true }] } }, orderBy: { createdAt: "asc" }, select: { annotationId: true, url: true } }),
    db().user.findMany({ where: { annotations: { some: annotations } }, select: { id: true, name: true } }),
  ]);
  return { rows, tagRows, evidenceRows, authors };
}

/**
 * The curated layer in the shape of annotations: the spans editors accepted in the merge
 * view, each counted once, by its curator, with no claim fields (a verdict carries tags).
 */
async function readCuratedLayer(comparisonId: string) {
  const accepted = { comparisonId, verdict: "ACCEPTED" as const };
  const [curated, tags, authors] = await Promise.all([
    db().curatedAnnotation.findMany({
      where: accepted,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, sourceId: true, revisionId: true, start: true, end: true, exact: true, comment: true, createdAt: true, curatorId: true },
    }),
    db().curatedAnnotationTag.findMany({ where: { curatedAnnotation: accepted }, select: { curatedAnnotationId: true, tagId: true } }),
    db().user.findMany({ where: { curations: { some: accepted } }, select: { id: true, name: true } }),
  ]);
  return {
    rows: curated.map(({ curatorId, ...c }) => ({
      ...c,
      // A verdict keeps the offsets of the revision it was made on; the report places only
      // spans of a source's current revision, as it does for annotations.
      anchorStatus: "EXACT" as const,
      authorId: curatorId,
      isClaim: false,
      claimAsserter: null,
      claimAssertedBy: null,
      claimStatus: null,
    })),
    tagRows: tags.map((t) => ({ annotationId: t.curatedAnnotationId, tagId: t.tagId })),
    evidenceRows: [] as { annotationId: string; url: string }[],
    authors,
  };
}

/** Rows of a relation by the annotation they belong to, in the order read. */
function groupByAnnotation<R extends { annotationId: string }, V>(rows: readonly R[], value: (row: R) => V): Map<string, V[]> {
  const grouped = new Map<string, V[]>();
  for (const row of rows) {
    const list = grouped.get(row.annotationId);
    if (list) list.push(value(row));
    else grouped.set(row.annotationId, [value(row)]);
  }
  return grouped;
}
