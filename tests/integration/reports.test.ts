import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { forgetReports, getPublishedReport, getReport } from "@/lib/server/reports/get-report";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { findReportShare } from "@/lib/server/services/report-shares/find-report-share";
import { mergeTags } from "@/lib/server/services/taxonomy/merge-tags";
import { publishReport, revokeReportShare } from "@/lib/server/services/report-shares/publish-report";
import { createSource } from "@/lib/server/services/sources/create-source";
import { ARTICLE, twoOutletComparison } from "./helpers/comparison-fixture";
import { signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const RIVAL = "Engineers flooded the harbour district on purpose at dawn, residents said.";

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: AppError) => e);

/** The fixture's comparison with a second outlet, one fact row told by both, and annotations by two reviewers. */
async function reportFixture() {
  const f = await twoOutletComparison(db, RIVAL, "Engineers flooded the harbour district on purpose at dawn");
  const { rivalSpan, loaded, euphemism } = f;
  const reckless = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
  const opened = await createAnnotation(f.colleague, f.comparison.id, {
    ...f.span("opened the spillway"),
    tagIds: [euphemism],
    claim: { asserter: "QUOTED_PARTY", assertedBy: "Officials", status: "UNVERIFIED", evidence: [] },
  });
  const flooded = await createAnnotation(f.reviewer, f.comparison.id, {
    ...rivalSpan("flooded the harbour district on purpose"),
    tagIds: [loaded],
    claim: { asserter: "QUOTED_PARTY", assertedBy: "officials", status: "DISPUTED", evidence: ["https://example.org/report"] },
  });
  return { ...f, reckless, opened, flooded };
}

describe("getReport", () => {
  it("keeps a report only while nothing it counts has changed: every write shows on the next read, as a cold build has it", async () => {
    const f = await reportFixture();
    const read = () => getReport(f.owner, f.comparison.id, {});
    const figures = ({ generatedAt: _, ...report }: Awaited<ReturnType<typeof read>>) => report;
    const cold = async () => {
      forgetReports();
      return figures(await read());
    };
    const first = figures(await read());
    expect(figures(await read())).toEqual(first);
    expect(figures(await getReport(f.owner, f.comparison.id, { outletIds: [first.outlets[0]!.id] }))).not.toEqual(first);

    const writes: [string, () => Promise<unknown>][] = [
      ["a create", () => createAnnotation(f.colleague, f.comparison.id, { ...f.span("sacrificed"), tagIds: [f.loaded] })],
      ["a tag change", () => updateAnnotation(f.reviewer, f.comparison.id, f.reckless.id, { version: 1, tagIds: [f.tag("Euphemism")] })],
      ["a claim's status", () => updateAnnotation(f.reviewer, f.comparison.id, f.flooded.id, { version: 1, claim: { asserter: "QUOTED_PARTY", assertedBy: "officials", status: "FALSE", evidence: [] } })],
      ["a hide", () => setAnnotationHidden(f.owner, f.comparison.id, f.opened.id, { hidden: true, version: 1, reason: "off topic" })],
      ["a tag merge", () => mergeTags(f.owner, f.workspace.slug, f.comparison.slug, { tagId: f.tag("Euphemism"), intoTagId: f.loaded })],
      ["a delete", () => deleteAnnotation(f.reviewer, f.comparison.id, f.reckless.id, { version: 2 })],
      ["a new source", () => createSource(f.owner, f.workspace.slug, f.comparison.slug, { content: { kind: "paste", text: "A third outlet's short account." }, metadata: { title: "Third", outletName: "Third Times" } })],
    ];
    let before = first;
    for (const [what, write] of writes) {
      await write();
      const after = figures(await read());
      expect(after, what).not.toEqual(before);
      expect(after, what).toEqual(await cold());
      before = after;
    }
  });

  it("gives members the report: tag counts per outlet, term choice, omissions, claims and method", async () => {
    const f = await reportFixture();
    const report = await getReport(f.viewer, f.comparison.id, {});
    expect(report.outlets.map((o) => o.name)).toEqual(["City Daily", "Harbour Herald"]);
    const city = report.outlets[0]!;
    expect(city.words).toBe(ARTICLE.split(/\s+/).filter(Boolean).length);
    const loaded = report.tagSets[0]!.tags.find((t) => t.name === "Loaded language")!;
    expect(loaded.cells.map((c) => c.count)).toEqual([1, 1]);
    expect(loaded.cells[0]!.per1000).toBeCloseTo((1000 * 1) / city.words, 10);
    expect(loaded.cells[1]!.annotationIds).toEqual([f.flooded.id]);

    const row = report.termChoice[0]!;
    expect(row.passages.map((p) => p.text)).toEqual(["Officials opened the spillway at dawn", "Engineers flooded the harbour district on purpose at dawn"]);
    expect(row.passages[0]!.tags.map((t) => t.name)).toEqual(["Euphemism"]);
    expect(row.passages[1]!.tags.map((t) => t.name)).toEqual(["Loaded language"]);
    expect(row.passages[1]!.segments.some((s) => s.kind === "added" && s.text.includes("flooded"))).toBe(true);
    expect(report.omissions).toEqual([]);

    expect(report.claims).toHaveLength(1);
    expect(report.claims[0]).toMatchObject({ assertedBy: "Officials", statuses: ["UNVERIFIED", "DISPUTED"], factRow: { label: "The spillway" } });
    expect(report.claims[0]!.carriedBy.map((c) => c.outletId)).toEqual(report.outlets.map((o) => o.id));
    expect(report.method.reviewers.map((r) => [r.name, r.annotations])).toEqual([
      ["Colm Colleague", 1],
      ["Rita Reviewer", 2],
    ]);
  });

  it("applies the outlet, reviewer and date filters", async () => {
    const f = await reportFixture();
    const all = await getReport(f.owner, f.comparison.id, {});
    const herald = all.outlets.find((o) => o.name === "Harbour Herald")!;

    const onlyHerald = await getReport(f.owner, f.comparison.id, { outletIds: [herald.id] });
    expect(onlyHerald.outlets.map((o) => o.name)).toEqual(["Harbour Herald"]);
    expect(onlyHerald.annotations.map((a) => a.id)).toEqual([f.flooded.id]);
    expect(onlyHerald.termChoice[0]!.passages).toHaveLength(1);

    const byColm = await getReport(f.owner, f.comparison.id, { reviewerIds: [f.colleague.id] });
    expect(byColm.annotations.map((a) => a.id)).toEqual([f.opened.id]);
    expect(byColm.tagSets[0]!.tags.map((t) => t.name)).toEqual(["Euphemism"]);

    const future = await getReport(f.owner, f.comparison.id, { from: new Date(Date.now() + 86_400_000) });
    expect(future.annotations).toEqual([]);
    expect(future.claims).toEqual([]);
  });

  it("leaves out hidden and deleted annotations, even for the editors who can see them elsewhere", async () => {
    const f = await reportFixture();
    await setAnnotationHidden(f.owner, f.comparison.id, f.reckless.id, { hidden: true, version: f.reckless.version, reason: "Off topic" });
    await deleteAnnotation(f.colleague, f.comparison.id, f.opened.id, { version: f.opened.version });
    for (const reader of [f.owner, f.reviewer]) {
      const report = await getReport(reader, f.comparison.id, {});
      expect(report.annotations.map((a) => a.id)).toEqual([f.flooded.id]);
    }
  });

  it("is not found for non-members", async () => {
    const f = await reportFixture();
    const outsider = await signUp("Olga Outsider");
    expect((await failure(getReport(outsider, f.comparison.id, {})))?.code).toBe("NOT_FOUND");
  });
});

describe("publishing a report", () => {
  it("lets editors publish an unguessable link that anyone can read, until it is revoked", async () => {
    const f = await reportFixture();
    expect(await findReportShare(f.viewer, f.comparison.id)).toBeNull();
    expect((await failure(getPublishedReport("x".repeat(43), {})))?.code).toBe("NOT_FOUND");

    const share = await publishReport(f.owner, f.comparison.id);
    expect(share.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await publishReport(f.owner, f.comparison.id)).token).toBe(share.token);
    expect((await findReportShare(f.viewer, f.comparison.id))?.token).toBe(share.token);

    await setAnnotationHidden(f.owner, f.comparison.id, f.reckless.id, { hidden: true, version: f.reckless.version, reason: "Off topic" });
    const published = await getPublishedReport(share.token, {});
    expect(published.comparison.title).toBe("Spillway");
    expect(published.annotations.map((a) => a.id).sort()).toEqual([f.opened.id, f.flooded.id].sort());
    const herald = published.outlets.find((o) => o.name === "Harbour Herald")!;
    expect((await getPublishedReport(share.token, { outletIds: [herald.id] })).outlets).toHaveLength(1);

    await revokeReportShare(f.owner, f.comparison.id);
    const revoked = await failure(getPublishedReport(share.token, {}));
    expect(revoked?.code).toBe("NOT_FOUND");
    expect(revoked?.message).toMatch(/no longer available/);
    expect(await findReportShare(f.owner, f.comparison.id)).toBeNull();
    expect((await failure(revokeReportShare(f.owner, f.comparison.id)))?.code).toBe("CONFLICT");

    const again = await publishReport(f.owner, f.comparison.id);
    expect(again.token).not.toBe(share.token);
    expect((await getPublishedReport(again.token, {})).comparison.title).toBe("Spillway");
    expect((await failure(getPublishedReport(share.token, {})))?.code).toBe("NOT_FOUND");

    const audit = await db().auditEvent.findMany({ where: { workspaceId: f.workspace.id, entityType: "ReportShare" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["report.published", f.owner.id],
      ["report.revoked", f.owner.id],
      ["report.published", f.owner.id],
    ]);
  });

  it("refuses reviewers and viewers, and hides the comparison from outsiders", async () => {
    const f = await reportFixture();
    expect((await failure(publishReport(f.reviewer, f.comparison.id)))?.code).toBe("FORBIDDEN");
    expect((await failure(publishReport(f.viewer, f.comparison.id)))?.code).toBe("FORBIDDEN");
    await publishReport(f.owner, f.comparison.id);
    expect((await failure(revokeReportShare(f.reviewer, f.comparison.id)))?.code).toBe("FORBIDDEN");
    const outsider = await signUp("Olga Outsider");
    expect((await failure(publishReport(outsider, f.comparison.id)))?.code).toBe("NOT_FOUND");
    expect(await findReportShare(outsider, f.comparison.id)).toBeNull();
  });
});
