import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_SCORE } from "@/lib/domain/alignment/align-all";
import { getReport } from "@/lib/server/reports/get-report";
import { reportToMarkdown } from "@/lib/server/reports/markdown";
import { reportToPdf } from "@/lib/server/reports/pdf";
import { pdfPages } from "@/lib/server/reports/test-support";
import { DEMO_ACCOUNT, DEMO_WORKSPACE } from "@/lib/server/seed/demo-account";
import { seedDemoOnce } from "@/lib/server/seed/seed-demo";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function demoReport() {
  await seedDemoOnce();
  const demo = await db().user.findFirstOrThrow({ where: { email: DEMO_ACCOUNT.email } });
  const comparison = await db().comparison.findFirstOrThrow({ where: { workspace: { slug: DEMO_WORKSPACE.slug } } });
  return getReport(demo, comparison.id, {});
}

describe("the demo comparison's report", () => {
  it("has figures in every section", async () => {
    const report = await demoReport();
    expect(report.outlets).toHaveLength(4);
    expect(report.tagSets.every((s) => s.tags.length > 0)).toBe(true);
    expect(report.termChoice.length).toBeGreaterThan(0);
    expect(report.termChoice.some((row) => row.passages.some((p) => p.segments.some((s) => s.kind === "added")))).toBe(true);
    expect(report.omissions.length).toBeGreaterThan(0);
    // Align all's exclusives: every outlet's own passages, quoted from its current text.
    expect(report.outletOmissions.minScore).toBe(DEFAULT_MIN_SCORE);
    expect(report.outletOmissions.outlets.map((o) => o.outletId)).toEqual(report.outlets.map((o) => o.id));
    expect(report.outletOmissions.outlets.some((o) => o.onlyHere.length > 0)).toBe(true);
    expect(report.outletOmissions.outlets.some((o) => o.leavesOut.length > 0)).toBe(true);
    expect(report.claims.length).toBeGreaterThan(0);
    expect(report.method.definitions).toHaveLength(3);
  });

  it("renders as Markdown and as a PDF of several pages with the outlets' names", async () => {
    const report = await demoReport();
    const markdown = reportToMarkdown(report);
    for (const outlet of report.outlets) expect(markdown).toContain(outlet.name);

    const pdf = await reportToPdf(report);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const text = pages.join("\n");
    for (const outlet of report.outlets) expect(text).toContain(outlet.name);
    for (const claim of report.claims) expect(text.replace(/\s+/g, " ")).toContain(claim.quote.replace(/\s+/g, " ").slice(0, 30));
  });
});
