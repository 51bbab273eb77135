import { describe, expect, it } from "vitest";
import { exportComparison, EXPORT_FORMATS } from "@/lib/server/export/export-comparison";
import { getRelationReport } from "@/lib/server/reports/get-relation-report";
import { getPublishedReport, getReport, getReportSummary } from "@/lib/server/reports/get-report";
import { getAgreement } from "@/lib/server/services/agreement/get-agreement";
import { publishReport } from "@/lib/server/services/report-shares/publish-report";
import { insertAnnotations } from "./helpers/bulk-annotations";
import { annotatedComparison, ARTICLE } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();
const serverUrl = process.env.TEST_DATABASE_URL;

/**
 * Just past the 32,766 bind parameters Prisma allows in one Postgres statement: a query
 * that lists every annotation's id (Prisma's read of a relation such as the tags or the
 * author, `annotationId IN ($1, …)`) fails with P2029 at this size, so every read of a
 * comparison's annotations has to be set-based or paged.
 */
const ANNOTATIONS = 33_000;

/** The comparison fixture with ANNOTATIONS annotations by the owner, each carrying two tags. */
async function largeComparison() {
  const f = await annotatedComparison(db);
  const source = await db().source.findUniqueOrThrow({ where: { id: f.source.id }, select: { currentRevisionId: true } });
  const tagIds = [f.tag("Loaded language"), f.tag("Labeling")];
  await insertAnnotations(
    db(),
    { comparisonId: f.comparison.id, sourceId: f.source.id, revisionId: source.currentRevisionId!, authorId: f.owner.id, text: ARTICLE, tagIds },
    ANNOTATIONS,
    { tagsPerAnnotation: 2 },
  );
  return { ...f, tagIds };
}

// Postgres only: on the embedded PGlite, seeding and reading this many rows takes minutes. On
// Postgres 170-220 s in `.ci/run` on the 2-core machine beside other work; the timeout leaves
// room for a busier one.
describe.skipIf(!serverUrl)(`a comparison with ${ANNOTATIONS.toLocaleString("en")} annotations (TEST_DATABASE_URL)`, () => {
  it("opens its report (listed and counted in SQL), its relation summary, its share link, its agreement page and every export", { timeout: 600_000 }, async () => {
    const f = await largeComparison();
    const report = await getReport(f.owner, f.comparison.id, {});
    expect(report.annotations).toHaveLength(ANNOTATIONS);
    expect(report.annotations.every((a) => a.tags.length === 2 && a.author.id === f.owner.id)).toBe(true);

    const summary = await getReportSummary(f.owner, f.comparison.id, {});
    expect(summary.tagSets.map((set) => set.tags.map((t) => [t.id, t.total]))).toEqual(report.tagSets.map((set) => set.tags.map((t) => [t.id, t.total])));
    expect(summary.method).toEqual(report.method);
    expect((await getRelationReport(f.owner, f.comparison.id)).claims).toBe(0);

    const share = await publishReport(f.owner, f.comparison.id);
    const published = await getPublishedReport(share.token, {});
    expect(published.tagSets).toEqual(report.tagSets);

    const agreement = await getAgreement(f.owner, f.workspace.slug, f.comparison.slug);
    expect(agreement.coders.map((c) => c.id)).toEqual([f.owner.id]);

    for (const format of EXPORT_FORMATS) {
      const file = await exportComparison(f.owner, f.comparison.id, format, { origin: "http://parallax.test" });
      const bytes = new Uint8Array(await new Response(file.body).arrayBuffer());
      expect(bytes.length, format).toBeGreaterThan(0);
      if (format === "csv") expect(new TextDecoder().decode(bytes).trim().split("\n")).toHaveLength(ANNOTATIONS + 1);
    }
  });
});
