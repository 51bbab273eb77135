import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { getOutletProfiles } from "@/lib/server/services/outlets/get-outlet-profiles";
import { createSource } from "@/lib/server/services/sources/create-source";
import { classroom } from "./helpers/classroom-fixture";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { signUp } from "./helpers/factories";
import { insertAnnotations } from "./helpers/bulk-annotations";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: AppError) => e);

const FLOOD = "The council abandoned the valley to the water and called it a managed retreat.";
const HERALD = "Engineers flooded the harbour district on purpose at dawn, residents said.";

/** Two comparisons of one workspace: City Daily in both (March and May), Harbour Herald in the second. */
async function profileFixture() {
  const f = await annotatedComparison(db);
  await db().source.update({ where: { id: f.source.id }, data: { publishedAt: new Date("2026-03-04T00:00:00Z") } });
  const second = await createComparison(f.owner, f.workspace.slug, { title: "Valley flood" });
  const daily = await createSource(f.owner, f.workspace.slug, second.slug, {
    content: { kind: "paste", text: FLOOD },
    metadata: { title: "Valley abandoned", outletName: "City Daily", publishedAt: "2026-05-20" },
  });
  const herald = await createSource(f.owner, f.workspace.slug, second.slug, {
    content: { kind: "paste", text: HERALD },
    metadata: { title: "Harbour flooded", outletName: "Harbour Herald" },
  });
  const tags = await db().tag.findMany({ where: { tagSet: { comparisonId: second.id } } });
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  const span = (text: string, sourceId: string, words: string) => ({ sourceId, revisionNumber: 1, start: text.indexOf(words), end: text.indexOf(words) + words.length });
  await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
  await createAnnotation(f.reviewer, second.id, { ...span(FLOOD, daily.id, "abandoned"), tagIds: [tag("Loaded language")] });
  await createAnnotation(f.reviewer, second.id, { ...span(FLOOD, daily.id, "managed retreat"), tagIds: [tag("Euphemism")] });
  const hidden = await createAnnotation(f.reviewer, second.id, { ...span(HERALD, herald.id, "on purpose"), tagIds: [tag("Loaded language")] });
  await setAnnotationHidden(f.owner, second.id, hidden.id, { hidden: true, version: hidden.version, reason: "Off topic" });
  await createAnnotation(f.colleague, second.id, { ...span(HERALD, herald.id, "flooded"), tagIds: [tag("Loaded language")] });
  return { ...f, second };
}

describe("getOutletProfiles", () => {
  it("profiles each outlet across the workspace's comparisons, by month, without hidden annotations", async () => {
    const f = await profileFixture();
    const { profiles, choices, chosen } = await getOutletProfiles(f.viewer, f.workspace.slug, []);
    expect(choices.map((o) => [o.name, o.sources])).toEqual([
      ["City Daily", 2],
      ["Harbour Herald", 1],
    ]);
    expect(chosen).toEqual([]);
    expect(profiles.outlets.map((o) => [o.name, o.comparisons.map((c) => c.title)])).toEqual([
      ["City Daily", ["Spillway", "Valley flood"]],
      ["Harbour Herald", ["Valley flood"]],
    ]);
    const devices = profiles.tagSets.find((s) => s.tags.some((t) => t.name === "Loaded language"))!;
    const loaded = devices.tags.find((t) => t.name === "Loaded language")!;
    expect(loaded.cells.map((c) => [c.count, c.share, c.comparisons.map((x) => x.title)])).toEqual([
      [2, 2 / 3, ["Spillway", "Valley flood"]],
      [1, 1, ["Valley flood"]],
    ]);
    expect(loaded.cells[0]!.per1000).toBeCloseTo((2 * 1000) / profiles.outlets[0]!.words, 10);
    expect(devices.months.map((m) => [m.month, m.cells.map((c) => c.count)])).toEqual([
      ["2026-03", [1, 0]],
      ["2026-05", [2, 0]],
      [null, [0, 1]],
    ]);
  });

  it("sets only the chosen outlets side by side, and ignores ids of other workspaces", async () => {
    const f = await profileFixture();
    const other = await annotatedComparison(db, "Other");
    const elsewhere = await db().outlet.findFirstOrThrow({ where: { workspaceId: other.workspace.id } });
    const herald = await db().outlet.findFirstOrThrow({ where: { workspaceId: f.workspace.id, name: "Harbour Herald" } });
    const { profiles, chosen } = await getOutletProfiles(f.owner, f.workspace.slug, [herald.id, elsewhere.id]);
    expect(chosen).toEqual([herald.id]);
    expect(profiles.outlets.map((o) => o.name)).toEqual(["Harbour Herald"]);
  });

  it("is not found for non-members and refused to students", async () => {
    const f = await profileFixture();
    const stranger = await signUp("Sam Stranger");
    expect((await failure(getOutletProfiles(stranger, f.workspace.slug, [])))?.code).toBe("NOT_FOUND");
    const c = await classroom(db);
    expect((await failure(getOutletProfiles(c.ana, c.klass.slug, [])))?.code).toBe("FORBIDDEN");
    expect((await getOutletProfiles(c.teacher, c.klass.slug, [])).profiles.outlets.map((o) => o.name)).toEqual(["City Daily", "River Post"]);
  });

  it("aggregates 20,000 annotations in the database: the page gets a row per outlet, comparison, month and tag", { timeout: 120_000 }, async () => {
    const f = await profileFixture();
    const sources = await db().source.findMany({
      where: { comparison: { workspaceId: f.workspace.id } },
      select: { id: true, comparisonId: true, currentRevision: { select: { id: true, text: true } } },
    });
    expect(sources).toHaveLength(3);
    for (const [i, source] of sources.entries()) {
      const tagIds = (await db().tag.findMany({ where: { tagSet: { comparisonId: source.comparisonId } }, select: { id: true } })).map((t) => t.id);
      const target = { comparisonId: source.comparisonId, sourceId: source.id, revisionId: source.currentRevision!.id, authorId: f.reviewer.id, text: source.currentRevision!.text, tagIds };
      await insertAnnotations(db(), target, i === 0 ? 10_000 : 5_000, { prefix: `bulk${i}` });
    }
    const { profiles } = await getOutletProfiles(f.owner, f.workspace.slug, []);
    const applications = profiles.tagSets.flatMap((s) => s.tags.flatMap((t) => t.cells.map((c) => c.count))).reduce((sum, n) => sum + n, 0);
    expect(applications).toBe(20_000 + 4);
  });
});
