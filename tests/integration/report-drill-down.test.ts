import { describe, expect, it } from "vitest";
import { findReportCellAnnotations, REPORT_CELL_PAGE_SIZE } from "@/lib/server/reports/find-report-annotations";
import { getReport, publishedReportScope, reportScope } from "@/lib/server/reports/get-report";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { publishReport, revokeReportShare } from "@/lib/server/services/report-shares/publish-report";
import { insertAnnotations } from "./helpers/bulk-annotations";
import { classroom } from "./helpers/classroom-fixture";
import { annotatedComparison, ARTICLE } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

describe("the annotations behind a report's figure", () => {
  it("come a page at a time, as many as the figure counts, under the report's filters and for share links", { timeout: 60_000 }, async () => {
    const f = await annotatedComparison(db);
    const source = await db().source.findUniqueOrThrow({ where: { id: f.source.id }, select: { currentRevisionId: true, outletId: true } });
    const loaded = f.tag("Loaded language");
    await insertAnnotations(db(), { comparisonId: f.comparison.id, sourceId: f.source.id, revisionId: source.currentRevisionId!, authorId: f.owner.id, text: ARTICLE, tagIds: [loaded] }, 120);
    const mine = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
    const hidden = await createAnnotation(f.colleague, f.comparison.id, { ...f.span("sacrificed"), tagIds: [loaded] });
    await setAnnotationHidden(f.owner, f.comparison.id, hidden.id, { hidden: true, version: 1, reason: "Not about the event." });

    const report = await getReport(f.owner, f.comparison.id, {});
    const cell = report.tagSets.flatMap((s) => s.tags).find((t) => t.id === loaded)!.cells[0]!;
    expect(cell.count).toBe(121);
    const scope = await reportScope(f.owner, f.comparison.id);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await findReportCellAnnotations(scope, {}, { tagId: loaded, outletId: cell.outletId, page }));
    expect(pages.map((p) => p.annotations.length)).toEqual([REPORT_CELL_PAGE_SIZE, REPORT_CELL_PAGE_SIZE, 21]);
    expect(pages.every((p) => p.total === cell.count && p.pages === 3)).toBe(true);
    const listed = pages.flatMap((p) => p.annotations.map((a) => a.id));
    expect(new Set(listed)).toEqual(new Set(cell.annotationIds));
    expect(listed).not.toContain(hidden.id);

    const byReviewer = await findReportCellAnnotations(scope, { reviewerIds: [f.reviewer.id] }, { tagId: loaded, outletId: cell.outletId });
    expect(byReviewer.annotations.map((a) => ({ id: a.id, by: a.author.name, tags: a.tags.map((t) => t.name) }))).toEqual([
      { id: mine.id, by: "Rita Reviewer", tags: ["Loaded language"] },
    ]);
    expect((await findReportCellAnnotations(scope, { outletIds: ["another-outlet"] }, { tagId: loaded, outletId: cell.outletId })).total).toBe(0);

    const share = await publishReport(f.owner, f.comparison.id);
    const shared = await findReportCellAnnotations(await publishedReportScope(share.token), {}, { tagId: loaded, outletId: cell.outletId, page: 3 });
    expect(shared.annotations.map((a) => a.id)).toEqual(pages[2]!.annotations.map((a) => a.id));
    await revokeReportShare(f.owner, f.comparison.id);
    await expect(publishedReportScope(share.token)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("are refused to students and outsiders, as the report is", async () => {
    const f = await classroom(db);
    await expect(reportScope(f.ana, f.comparison.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = (await annotatedComparison(db, "Someone else")).owner;
    await expect(reportScope(outsider, f.comparison.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
