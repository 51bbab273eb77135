/**
 * The agreement page's source parts stored in the database (stored-agreement-parts.ts): a
 * fresh process (the in-memory parts forgotten) reads them instead of measuring, a write to one
 * source measures that source only, and a stored part is never used at another marker. Which
 * sources were measured is seen through sourceFigures, wrapped to note each call.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as agreement from "@/lib/domain/agreement";
import { forgetAgreementFigures, getAgreement } from "@/lib/server/services/agreement/get-agreement";
import { storedAgreementPartsWritten } from "@/lib/server/services/agreement/stored-agreement-parts";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { createSource } from "@/lib/server/services/sources/create-source";
import { updateTag } from "@/lib/server/services/taxonomy/update-tag";
import type { Actor } from "@/lib/server/actor";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const measured = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/domain/agreement", async (importOriginal) => {
  const actual = await importOriginal<typeof agreement>();
  return {
    ...actual,
    sourceFigures: (...args: Parameters<typeof actual.sourceFigures>) => {
      measured.push(args[0].id);
      return actual.sourceFigures(...args);
    },
  };
});

const db = setupTestDb();

const TEXTS = [
  "The ministry called the strike a decisive defensive action, while witnesses described heavy shelling of the town.",
  "Residents said the convoy was attacked near the bridge; officials insisted the operation was precise and limited.",
];

afterEach(() => {
  vi.restoreAllMocks();
});

async function comparisonWithWork() {
  const f = await annotatedComparison(db);
  const sources = [f.source];
  for (const [i, text] of TEXTS.entries()) {
    sources.push(await createSource(f.owner, f.workspace.slug, f.comparison.slug, { content: { kind: "paste", text }, metadata: { title: `Report ${i + 1}`, outletName: `Wire ${i + 1}` } }));
  }
  const loaded = f.tag("Loaded language");
  const labeling = f.tag("Labeling");
  for (const source of sources) {
    for (const [actor, start, tagIds] of [[f.owner, 4, [loaded]], [f.reviewer, 8, [labeling]], [f.reviewer, 30, [loaded]], [f.owner, 28, [loaded, labeling]]] as const) {
      await createAnnotation(actor, f.comparison.id, { sourceId: source.id, revisionNumber: 1, start, end: start + 12, tagIds: [...tagIds] });
    }
  }
  return { ...f, sources, loaded };
}

/** The page's figures in a process that keeps nothing yet, and the sources it measured for them. */
async function freshView(actor: Actor, f: Awaited<ReturnType<typeof comparisonWithWork>>) {
  forgetAgreementFigures();
  measured.length = 0;
  const page = await getAgreement(actor, f.workspace.slug, f.comparison.slug);
  await storedAgreementPartsWritten();
  return { figures: { coders: page.coders, sets: page.sets }, measured: [...measured].sort() };
}

/** The figures with nothing kept anywhere: every source measured. */
async function measuredFromScratch(actor: Actor, f: Awaited<ReturnType<typeof comparisonWithWork>>) {
  await db().agreementSourcePart.deleteMany({ where: { comparisonId: f.comparison.id } });
  const view = await freshView(actor, f);
  expect(view.measured).toEqual(f.sources.map((s) => s.id).sort());
  return view.figures;
}

const ids = (f: { sources: { id: string }[] }, ...indexes: number[]) => indexes.map((i) => f.sources[i]!.id).sort();

describe("agreement parts stored in the database", () => {
  it("give a fresh process the same figures without measuring, for editors and reviewers; a write measures its source only", async () => {
    const f = await comparisonWithWork();
    const computed = await measuredFromScratch(f.owner, f);
    expect(computed.sets.some((s) => s.combined.alpha !== null && s.span.alphaU !== null && s.disagreements.length > 0)).toBe(true);
    expect(await db().agreementSourcePart.count({ where: { comparisonId: f.comparison.id } })).toBe(3);

    const fromStore = await freshView(f.owner, f);
    expect(fromStore.measured).toEqual([]);
    expect(fromStore.figures).toEqual(computed);
    const reviewerView = await freshView(f.reviewer, f);
    expect(reviewerView.measured).toEqual([]);
    expect(reviewerView.figures).toEqual(computed);

    // By a reviewer who already annotated: a new one would change every source's αU raters.
    await createAnnotation(f.reviewer, f.comparison.id, { sourceId: f.sources[1]!.id, revisionNumber: 1, start: 10, end: 20, tagIds: [f.loaded] });
    const afterWrite = await freshView(f.owner, f);
    expect(afterWrite.measured).toEqual(ids(f, 1));
    expect(afterWrite.figures).toEqual(await measuredFromScratch(f.owner, f));
    expect(afterWrite.figures).not.toEqual(computed);
  });

  it("are not used once their marker is out of date (an annotation written, a tag renamed), nor when unreadable", async () => {
    const f = await comparisonWithWork();
    await measuredFromScratch(f.owner, f);
    const before = await db().agreementSourcePart.findUniqueOrThrow({ where: { comparisonId_sourceId: { comparisonId: f.comparison.id, sourceId: f.sources[2]!.id } } });

    await createAnnotation(f.reviewer, f.comparison.id, { sourceId: f.sources[2]!.id, revisionNumber: 1, start: 40, end: 52, tagIds: [f.loaded] });
    await freshView(f.owner, f);
    // The part from before the write is put back under its own (now old) marker: a fresh process measures the source again.
    await db().agreementSourcePart.update({ where: { comparisonId_sourceId: { comparisonId: f.comparison.id, sourceId: before.sourceId } }, data: { marker: before.marker, value: before.value } });
    const stale = await freshView(f.owner, f);
    expect(stale.measured).toEqual(ids(f, 2));
    expect(stale.figures).toEqual(await measuredFromScratch(f.owner, f));

    // The tag's name is shown in every source's disagreements: every part is measured again.
    await updateTag(f.owner, f.workspace.slug, f.comparison.slug, f.loaded, { name: "Charged wording" });
    const renamed = await freshView(f.owner, f);
    expect(renamed.measured).toEqual(ids(f, 0, 1, 2));
    expect(renamed.figures.sets.flatMap((s) => s.disagreements.flatMap((d) => d.values.flatMap((v) => v.tags)))).toContain("Charged wording");

    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await db().agreementSourcePart.updateMany({ where: { sourceId: f.sources[0]!.id }, data: { value: '{"format":1' } });
    const unreadable = await freshView(f.owner, f);
    expect(unreadable.measured).toEqual(ids(f, 0));
    expect(unreadable.figures).toEqual(renamed.figures);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`ignored the stored figures of source ${f.sources[0]!.id}`), expect.any(RangeError));
  });

  it("are stored by concurrent views without error, a failed store leaves the page as it is, and they go with their source and comparison", async () => {
    const f = await comparisonWithWork();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    forgetAgreementFigures();
    const [first, second] = await Promise.all([getAgreement(f.owner, f.workspace.slug, f.comparison.slug), getAgreement(f.reviewer, f.workspace.slug, f.comparison.slug)]);
    await storedAgreementPartsWritten();
    expect(second.sets).toEqual(first.sets);
    expect(errors).not.toHaveBeenCalled();
    expect(await db().agreementSourcePart.count({ where: { comparisonId: f.comparison.id } })).toBe(3);

    await db().agreementSourcePart.deleteMany({ where: { comparisonId: f.comparison.id } });
    vi.spyOn(db(), "$executeRaw").mockRejectedValueOnce(new Error("disk full"));
    const unstored = await freshView(f.owner, f);
    expect(unstored.figures.sets).toEqual(first.sets);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("could not store the figures of 3 source(s)"), expect.objectContaining({ message: "disk full" }));
    expect(await db().agreementSourcePart.count({ where: { comparisonId: f.comparison.id } })).toBe(0);

    await freshView(f.owner, f);
    expect(await db().agreementSourcePart.count({ where: { comparisonId: f.comparison.id } })).toBe(3);
    await db().source.delete({ where: { id: f.sources[1]!.id } });
    expect(await db().agreementSourcePart.findMany({ where: { comparisonId: f.comparison.id }, select: { sourceId: true }, orderBy: { sourceId: "asc" } })).toEqual(ids(f, 0, 2).map((sourceId) => ({ sourceId })));
    await db().comparison.delete({ where: { id: f.comparison.id } });
    expect(await db().agreementSourcePart.count({ where: { comparisonId: f.comparison.id } })).toBe(0);
  });
});
