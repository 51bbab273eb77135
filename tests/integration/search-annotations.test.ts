import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { SEARCH_PAGE_SIZE, searchAnnotations } from "@/lib/server/services/annotations/search-annotations";
import type { AppError } from "@/lib/server/errors";
import { classroom } from "./helpers/classroom-fixture";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function team() {
  const f = await annotatedComparison(db, "Search Desk");
  const reckless = await createAnnotation(f.reviewer, f.comparison.id, {
    ...f.span("reckless"),
    tagIds: [f.tag("Loaded language")],
    comment: "A harsh judgement of the officials",
  });
  const sacrificed = await createAnnotation(f.colleague, f.comparison.id, {
    ...f.span("the harbour district was sacrificed"),
    tagIds: [f.tag("Labeling")],
    claim: { asserter: "QUOTED_PARTY", assertedBy: "Critics", status: "DISPUTED" },
  });
  return { ...f, reckless, sacrificed };
}

const ids = (result: Awaited<ReturnType<typeof searchAnnotations>>) => result.results.map((r) => r.id);

describe("searching a workspace's annotations", () => {
  it("finds annotations by words of the comment or the span, stemmed, and links to the annotate view", async () => {
    const f = await team();
    const byComment = await searchAnnotations(f.viewer, f.workspace.slug, { q: "judgements" });
    expect(ids(byComment)).toEqual([f.reckless.id]);
    expect(byComment.results[0]).toMatchObject({
      exact: "reckless",
      comment: "A harsh judgement of the officials",
      author: { name: "Rita Reviewer" },
      outlet: "City Daily",
      tags: [expect.objectContaining({ name: "Loaded language" })],
      href: `/w/${f.workspace.slug}/c/${f.comparison.slug}/annotate?source=${f.source.id}&annotation=${f.reckless.id}`,
    });
    expect(ids(await searchAnnotations(f.viewer, f.workspace.slug, { q: "harbour districts" }))).toEqual([f.sacrificed.id]);
    expect(ids(await searchAnnotations(f.viewer, f.workspace.slug, { q: '"harbour district" -spillway' }))).toEqual([f.sacrificed.id]);
    expect(ids(await searchAnnotations(f.viewer, f.workspace.slug, { q: "spillway" }))).toEqual([]);
  });

  it.each([
    ["tag", () => ({ tag: "Labeling" }), "sacrificed"],
    ["author", (f: Awaited<ReturnType<typeof team>>) => ({ author: f.reviewer.id }), "reckless"],
    ["claim status", () => ({ claim: "DISPUTED" }), "sacrificed"],
    ["any claim", () => ({ claim: "ANY" }), "sacrificed"],
    ["claim status that none has", () => ({ claim: "FALSE" }), null],
    ["outlet", (f: Awaited<ReturnType<typeof team>>) => ({ outlet: f.source.outletId!, tag: "Loaded language" }), "reckless"],
    ["a day range that holds today", () => ({ from: new Date().toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10), tag: "Labeling" }), "sacrificed"],
    ["a day range in the past", () => ({ to: "2020-01-01" }), null],
  ] as const)("filters by %s", async (_name, filters, expected) => {
    const f = await team();
    const found = ids(await searchAnnotations(f.viewer, f.workspace.slug, filters(f)));
    expect(found).toEqual(expected === null ? [] : [expected === "reckless" ? f.reckless.id : f.sacrificed.id]);
  });

  it("pages results and counts them all", async () => {
    const f = await annotatedComparison(db, "Pager Desk");
    for (let i = 0; i < SEARCH_PAGE_SIZE + 3; i++) {
      await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("spillway"), tagIds: [f.tag("Euphemism")], comment: `Floodgate note ${i}` });
    }
    const first = await searchAnnotations(f.owner, f.workspace.slug, { q: "floodgate" });
    const second = await searchAnnotations(f.owner, f.workspace.slug, { q: "floodgate", page: "2" });
    expect([first.total, first.pageCount, first.results.length, second.results.length]).toEqual([SEARCH_PAGE_SIZE + 3, 2, SEARCH_PAGE_SIZE, 3]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(SEARCH_PAGE_SIZE + 3);
    const unworded = await searchAnnotations(f.owner, f.workspace.slug, { page: "2" });
    expect([unworded.total, unworded.results.length]).toEqual([SEARCH_PAGE_SIZE + 3, 3]);
  });

  it("never finds another workspace's annotations, and refuses a non-member", async () => {
    const f = await team();
    const other = await annotatedComparison(db, "Other Desk");
    await createAnnotation(other.reviewer, other.comparison.id, { ...other.span("reckless"), tagIds: [other.tag("Loaded language")], comment: "A harsh judgement too" });
    expect(ids(await searchAnnotations(f.owner, f.workspace.slug, { q: "judgement" }))).toEqual([f.reckless.id]);
    const stranger = await signUp("Stan Stranger");
    const refused = await searchAnnotations(stranger, f.workspace.slug, { q: "judgement" }).catch((e: AppError) => e);
    expect((refused as AppError).code).toBe("NOT_FOUND");
  });

  it("finds a hidden annotation only for editors and its author", async () => {
    const f = await team();
    await setAnnotationHidden(f.owner, f.comparison.id, f.reckless.id, { hidden: true, version: f.reckless.version, reason: "Off topic" });
    expect(ids(await searchAnnotations(f.colleague, f.workspace.slug, { q: "judgement" }))).toEqual([]);
    expect(ids(await searchAnnotations(f.reviewer, f.workspace.slug, { q: "judgement" }))).toEqual([f.reckless.id]);
    const asEditor = await searchAnnotations(f.owner, f.workspace.slug, { q: "judgement" });
    expect(asEditor.results[0]).toMatchObject({ id: f.reckless.id, hidden: true });
  });

  it("is blind in a class: a student never finds a classmate's unrevealed work, by words or filters", async () => {
    const c = await classroom(db);
    const anas = await createAnnotation(c.ana, c.comparison.id, { ...c.work("reckless", "Loaded language"), comment: "Zebra crossing thought" });
    const asBen = await searchAnnotations(c.ben, c.klass.slug, { q: "zebra" });
    expect(asBen.results).toEqual([]);
    expect(ids(await searchAnnotations(c.ben, c.klass.slug, {}))).toEqual([]);
    expect(ids(await searchAnnotations(c.ben, c.klass.slug, { author: c.ana.id }))).toEqual([]);
    expect(asBen.options.authors).toEqual([]);
    const asAna = await searchAnnotations(c.ana, c.klass.slug, { q: "zebra" });
    expect(ids(asAna)).toEqual([anas.id]);
    // A student opens it in the assignment, the only way they reach the comparison.
    expect(asAna.results[0]!.href).toBe(`/w/${c.klass.slug}/a/${c.assignment.id}?source=${c.source.id}&annotation=${anas.id}`);
    expect(ids(await searchAnnotations(c.teacher, c.klass.slug, { q: "zebra" }))).toEqual([anas.id]);
  });

  it("runs the words through the GIN index on the generated search column", async () => {
    const [index] = await db().$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'Annotation_search_idx'`;
    expect(index?.indexdef).toMatch(/USING gin \("?search"?\)/);
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT "id" FROM "Annotation" WHERE "search" @@ websearch_to_tsquery('english', 'judgement')`;
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Annotation_search_idx");
  });
});
