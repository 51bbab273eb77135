import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { exportComparison } from "@/lib/server/export/export-comparison";
import { getReport } from "@/lib/server/reports/get-report";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAllAnnotations } from "@/lib/server/services/annotations/find-annotations";
import { curateSpan } from "@/lib/server/services/curation/curate-span";
import { findCuratedAnnotations } from "@/lib/server/services/curation/find-curated-annotations";
import { getCurationView } from "@/lib/server/services/curation/get-curation-view";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

/** Two reviewers who agree on "reckless" and disagree on "sacrificed". */
async function twoReviewers() {
  const f = await annotatedComparison(db);
  const loaded = f.tag("Loaded language");
  const euphemism = f.tag("Euphemism");
  await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
  await createAnnotation(f.colleague, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
  await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [loaded] });
  await createAnnotation(f.colleague, f.comparison.id, { ...f.span("sacrificed"), tagIds: [euphemism] });
  return { ...f, loaded, euphemism };
}

describe("curation", () => {
  it("lines the reviewers' annotations up by span, agreements grouped", async () => {
    const f = await twoReviewers();
    const view = await getCurationView(f.owner, f.workspace.slug, f.comparison.slug);
    expect(view.reviewers.map((r) => r.name)).toEqual(["Colm Colleague", "Rita Reviewer"]);
    expect(view.spans.map((s) => [s.exact, s.agreed, s.versions.length])).toEqual([
      ["reckless", true, 1],
      ["sacrificed", false, 2],
    ]);
    expect(await codeOf(getCurationView(f.reviewer, f.workspace.slug, f.comparison.slug))).toBe("FORBIDDEN");
  });

  it("accepts, merges and rejects spans; the report counts the curated layer only when asked", async () => {
    const f = await twoReviewers();
    const reckless = { ...f.span("reckless") };
    const sacrificed = { ...f.span("sacrificed") };
    await curateSpan(f.owner, f.comparison.id, { ...reckless, verdict: "ACCEPTED", tagIds: [f.loaded] });
    const merged = await curateSpan(f.owner, f.comparison.id, { ...sacrificed, verdict: "ACCEPTED", tagIds: [f.loaded, f.euphemism] });
    expect(merged.tagIds.sort()).toEqual([f.loaded, f.euphemism].sort());

    const all = await getReport(f.owner, f.comparison.id, {});
    const curated = await getReport(f.owner, f.comparison.id, { layer: "curated" });
    expect(all.method.annotations).toBe(4);
    expect(curated.method.annotations).toBe(2);
    expect(curated.filters.layer).toBe("curated");
    expect(curated.method.reviewers.map((r) => r.name)).toEqual(["Editor"]);

    const markdown = await exportComparison(f.owner, f.comparison.id, "md", { filters: { layer: "curated" }, origin: "http://localhost" });
    expect(await new Response(markdown.body).text()).toContain("Counted: the curated layer only");
    expect(await codeOf(exportComparison(f.owner, f.comparison.id, "csv", { filters: { layer: "curated" }, origin: "http://localhost" }))).toBe("INVALID_INPUT");

    // Deciding again replaces the verdict: a rejected span leaves the curated layer.
    await curateSpan(f.owner, f.comparison.id, { ...sacrificed, verdict: "REJECTED" });
    expect((await getReport(f.owner, f.comparison.id, { layer: "curated" })).method.annotations).toBe(1);
    expect(await db().curatedAnnotation.count({ where: { comparisonId: f.comparison.id } })).toBe(2);
    const { curated: layer } = await findCuratedAnnotations(f.viewer, f.comparison.id);
    expect(layer.map((c) => [c.target.exact, c.curated, c.fromAnnotationIds.length])).toEqual([
      ["reckless", "accepted", 2],
      ["sacrificed", "rejected", 2],
    ]);
    const csv = await new Response((await exportComparison(f.owner, f.comparison.id, "csv", { origin: "http://localhost" })).body).text();
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows.filter((r) => r.endsWith(",accepted"))).toHaveLength(2);
    expect(rows.filter((r) => r.endsWith(",rejected"))).toHaveLength(2);
    const audit = await db().auditEvent.findMany({ where: { actorId: f.owner.id, entityType: "CuratedAnnotation" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["curation.accepted", "curation.accepted", "curation.rejected"]);

    // The curated layer is no reviewer's annotation: the annotate view and agreement never see it.
    expect(await findAllAnnotations(f.owner, f.comparison.id)).toHaveLength(4);
    const view = await getCurationView(f.owner, f.workspace.slug, f.comparison.slug);
    expect(view.verdicts[`${reckless.start}:${reckless.end}`]).toMatchObject({ verdict: "ACCEPTED", tagIds: [f.loaded] });
  });

  it("refuses reviewers, spans nobody annotated, foreign tags and an accept without tags", async () => {
    const f = await twoReviewers();
    const other = await annotatedComparison(db, "Elsewhere");
    const reckless = { ...f.span("reckless") };
    expect(await codeOf(curateSpan(f.reviewer, f.comparison.id, { ...reckless, verdict: "ACCEPTED", tagIds: [f.loaded] }))).toBe("FORBIDDEN");
    expect(await codeOf(curateSpan(other.owner, f.comparison.id, { ...reckless, verdict: "ACCEPTED", tagIds: [f.loaded] }))).toBe("NOT_FOUND");
    expect(await codeOf(curateSpan(f.owner, f.comparison.id, { ...f.span("Officials"), verdict: "REJECTED" }))).toBe("INVALID_INPUT");
    expect(await codeOf(curateSpan(f.owner, f.comparison.id, { ...reckless, verdict: "ACCEPTED", tagIds: [other.tag("Loaded language")] }))).toBe("INVALID_INPUT");
    expect(await codeOf(curateSpan(f.owner, f.comparison.id, { ...reckless, verdict: "ACCEPTED", tagIds: [] }))).toBe("INVALID_INPUT");
    expect(await db().curatedAnnotation.count({ where: { comparisonId: f.comparison.id } })).toBe(0);
  });
});
