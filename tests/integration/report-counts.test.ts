import { describe, expect, it } from "vitest";
import type { FramingReport, ReportFilters } from "@/lib/domain/report/types";
import type { Actor } from "@/lib/server/actor";
import { forgetReports, getPublishedReport, getPublishedReportSummary, getReport, getReportSummary } from "@/lib/server/reports/get-report";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { curateSpan } from "@/lib/server/services/curation/curate-span";
import { publishReport } from "@/lib/server/services/report-shares/publish-report";
import { twoOutletComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const RIVAL = "Engineers flooded the harbour district on purpose at dawn, residents said, and officials called it reckless.";

/** The report without what only the in-memory build lists: the annotations and the ids behind each figure. */
function figures({ generatedAt: _generated, annotations: _annotations, tagSets, ...report }: FramingReport) {
  return { ...report, tagSets: tagSets.map((set) => ({ ...set, tags: set.tags.map((tag) => ({ ...tag, cells: tag.cells.map(({ annotationIds: _ids, ...cell }) => cell) })) })) };
}

/**
 * Two outlets, a fact row told by both, two reviewers' annotations (claims with evidence,
 * tags of two sets, one orphaned, one hidden, one deleted) and a curated span.
 */
async function fixture() {
  const f = await twoOutletComparison(db, RIVAL, "Engineers flooded the harbour district on purpose at dawn");
  const { rivalSpan, loaded, euphemism } = f;
  const tags = await db().tag.findMany({ where: { tagSet: { comparisonId: f.comparison.id } }, orderBy: [{ tagSet: { position: "asc" } }, { position: "asc" }] });
  const otherSet = tags.find((t) => t.tagSetId !== tags.find((x) => x.id === loaded)!.tagSetId)!.id;
  await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded, otherSet] });
  await createAnnotation(f.colleague, f.comparison.id, {
    ...f.span("opened the spillway"),
    tagIds: [euphemism],
    claim: { asserter: "QUOTED_PARTY", assertedBy: "Officials", status: "UNVERIFIED", evidence: [] },
  });
  await createAnnotation(f.reviewer, f.comparison.id, {
    ...rivalSpan("flooded the harbour district on purpose"),
    tagIds: [loaded, euphemism],
    claim: { asserter: "QUOTED_PARTY", assertedBy: "officials", status: "DISPUTED", evidence: ["https://example.org/report"] },
  });
  await createAnnotation(f.colleague, f.comparison.id, { ...rivalSpan("harbour district"), tagIds: [loaded] });
  const orphan = await createAnnotation(f.colleague, f.comparison.id, { ...rivalSpan("residents said"), tagIds: [loaded] });
  await db().annotation.update({ where: { id: orphan.id }, data: { anchorStatus: "ORPHANED" } });
  const hidden = await createAnnotation(f.reviewer, f.comparison.id, { ...rivalSpan("reckless"), tagIds: [otherSet] });
  await setAnnotationHidden(f.owner, f.comparison.id, hidden.id, { hidden: true, version: 1, reason: "off topic" });
  const deleted = await createAnnotation(f.colleague, f.comparison.id, { ...f.span("sacrificed"), tagIds: [loaded] });
  await deleteAnnotation(f.colleague, f.comparison.id, deleted.id, { version: 1 });
  await curateSpan(f.owner, f.comparison.id, { ...f.span("reckless"), verdict: "ACCEPTED", tagIds: [loaded] });
  const report = await getReport(f.owner, f.comparison.id, {});
  return { ...f, report };
}

async function expectSameFigures(read: (filters: ReportFilters) => [Promise<FramingReport>, Promise<FramingReport>], filters: ReportFilters) {
  forgetReports();
  const [listed, counted] = read(filters);
  expect(figures(await counted), JSON.stringify(filters)).toEqual(figures(await listed));
}

describe("the report counted by the database", () => {
  it("has the figures of the report built from every annotation in memory, under every filter, for editors and reviewers", async () => {
    const f = await fixture();
    const [city, harbour] = f.report.outlets.map((o) => o.id) as [string, string];
    const tagSet = f.report.tagSets[0]!.id;
    const morning = new Date(Date.parse(f.report.method.annotationDates.first!) + 1);
    const choices: ReportFilters[] = [
      {},
      { outletIds: [harbour] },
      { outletIds: [city] },
      { reviewerIds: [f.reviewer.id] },
      { tagSetIds: [tagSet] },
      { from: morning },
      { to: morning },
      { layer: "curated" },
      { outletIds: [harbour], reviewerIds: [f.colleague.id], tagSetIds: [tagSet] },
    ];
    const summary = await getReportSummary(f.owner, f.comparison.id, {});
    expect(summary.annotations).toEqual([]);
    expect(summary.method.annotations).toBe(4);
    expect(summary.method.orphanedExcluded).toBe(1);
    expect(summary.claims).toHaveLength(1);
    expect(summary.termChoice[0]!.passages.flatMap((p) => p.tags.map((t) => t.annotationIds.length))).not.toEqual([]);
    for (const actor of [f.owner, f.reviewer, f.viewer] as Actor[]) {
      for (const filters of choices) await expectSameFigures((x) => [getReport(actor, f.comparison.id, x), getReportSummary(actor, f.comparison.id, x)], filters);
    }
  });

  it("counts a share link's report the same way, and in memory when its publisher now works blind (a student)", async () => {
    const f = await fixture();
    const share = await publishReport(f.owner, f.comparison.id);
    const read = (x: ReportFilters): [Promise<FramingReport>, Promise<FramingReport>] => [getPublishedReport(share.token, x), getPublishedReportSummary(share.token, x)];
    await expectSameFigures(read, {});
    await expectSameFigures(read, { layer: "curated" });

    await db().membership.update({ where: { workspaceId_userId: { workspaceId: f.workspace.id, userId: f.owner.id } }, data: { role: "STUDENT" } });
    await expectSameFigures(read, {});
    forgetReports();
    const blind = await getPublishedReportSummary(share.token, {});
    expect(blind.method.annotations).toBe(0);
    expect(blind.annotations).toEqual([]);
  });
});
