import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { deleteFactRow, renameFactRow } from "@/lib/server/services/fact-rows/update-fact-row";
import { createOutlet } from "@/lib/server/services/outlets/create-outlet";
import { removePassage } from "@/lib/server/services/passages/remove-passage";
import { setPassage } from "@/lib/server/services/passages/set-passage";
import { suggestPassages } from "@/lib/server/services/passages/suggest-passages";
import { createSource } from "@/lib/server/services/sources/create-source";
import { getSource } from "@/lib/server/services/sources/get-source";
import { updateSourceText } from "@/lib/server/services/sources/update-source-text";
import { addMember, ownerWithWorkspace, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const GAZETTE = [
  "The river council opened the north sluice on Friday night, flooding the old mill quarter.",
  "",
  "Council chair Edda Brun said the decision saved the town centre from a far worse flood.",
  "",
  "Residents of the mill quarter said nobody warned them before the water arrived.",
].join("\n");

const HERALD = [
  "Homes in the old mill quarter were deliberately flooded on Friday when the council opened a sluice.",
  "",
  "“We were sacrificed,” said a resident who lost her kitchen. The council chair defended the move.",
].join("\n");

const TRIBUNE = "Weekend rain lifted river levels across the valley. Farmers welcomed the water after a dry summer.";

async function code(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

async function setup() {
  const { owner, workspace } = await ownerWithWorkspace("Editor");
  const comparison = await createComparison(owner, workspace.slug, { title: "Sluice opening", eventDate: "2025-03-07" });
  const add = (text: string, title: string, outletName: string) =>
    createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text }, metadata: { title, outletName } });
  const gazette = await add(GAZETTE, "Sluice opened to protect the centre", "Valley Gazette");
  const herald = await add(HERALD, "Mill quarter sacrificed", "Mill Herald");
  const tribune = await add(TRIBUNE, "Rain lifts rivers", "Farm Tribune");
  return { owner, workspace, comparison, gazette, herald, tribune };
}

describe("comparisons and sources", () => {
  it("creates a comparison with the default taxonomy and sources in column order", async () => {
    const { owner, workspace, comparison } = await setup();
    const view = await getComparisonBySlug(owner, workspace.slug, comparison.slug);
    expect(view.comparison.sources.map((s) => s.outlet?.name)).toEqual(["Valley Gazette", "Mill Herald", "Farm Tribune"]);
    expect(view.comparison.sources[0]!.currentRevision).toMatchObject({ number: 1, wordCount: 44 });
    expect(await db().tagSet.count({ where: { comparisonId: comparison.id } })).toBe(3);
  });

  it("normalizes pasted text once and stores it as plain text", async () => {
    const { owner, workspace, comparison } = await setup();
    const source = await createSource(owner, workspace.slug, comparison.slug, {
      content: { kind: "paste", text: "  Cafe\u0301 <b>owner</b>\r\n\r\n\r\n\r\nsaid   so.  " },
      metadata: { title: "Odd spacing", outletName: "Valley Gazette" },
    });
    const revision = await db().sourceRevision.findFirstOrThrow({ where: { sourceId: source.id } });
    expect(revision.text).toBe("Café <b>owner</b>\n\nsaid so.");
  });

  it("refuses empty and oversized text and duplicates, saving nothing", async () => {
    const { owner, workspace, comparison } = await setup();
    const before = await db().source.count({ where: { comparisonId: comparison.id } });
    const add = (text: string, confirmDuplicate = false) =>
      createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text }, metadata: { title: "T", confirmDuplicate } });
    expect(await code(add("   \n\n  "))).toBe("INVALID_INPUT");
    expect(await code(add("word ".repeat(250_000)))).toBe("PAYLOAD_TOO_LARGE");
    const duplicate = await add(GAZETTE).catch((e: AppError) => e);
    expect(duplicate).toBeInstanceOf(AppError);
    expect((duplicate as AppError).fieldErrors?.duplicate).toMatch(/already in the comparison as “Sluice opened/);
    expect(await db().source.count({ where: { comparisonId: comparison.id } })).toBe(before);
    await add(GAZETTE, true);
    expect(await db().source.count({ where: { comparisonId: comparison.id } })).toBe(before + 1);
  });

  it("lets editors change comparisons, and only members see them", async () => {
    const { owner, workspace, comparison } = await setup();
    const viewer = await signUp("Viewer");
    const outsider = await signUp("Outsider");
    await addMember(owner, workspace.slug, { email: viewer.email, role: "VIEWER" });
    await expect(getComparisonBySlug(viewer, workspace.slug, comparison.slug)).resolves.toBeTruthy();
    expect(await code(getComparisonBySlug(outsider, workspace.slug, comparison.slug))).toBe("NOT_FOUND");
    expect(await code(createComparison(viewer, workspace.slug, { title: "Not mine" }))).toBe("FORBIDDEN");
    expect(await code(createOutlet(viewer, workspace.slug, { name: "Mine" }))).toBe("FORBIDDEN");
    expect(
      await code(createSource(viewer, workspace.slug, comparison.slug, { content: { kind: "paste", text: "Hello there." }, metadata: { title: "x" } })),
    ).toBe("FORBIDDEN");
    expect(await code(createSource(outsider, workspace.slug, comparison.slug, { content: { kind: "paste", text: "Hi." }, metadata: { title: "x" } }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("fact rows and passages", () => {
  it("builds a fact row across sources, replaces a source's passage and shows omission", async () => {
    const { owner, workspace, comparison, gazette, herald, tribune } = await setup();
    const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const { factRowId } = await setPassage(owner, workspace.slug, comparison.slug, {
      label: "How the flooding is described",
      sourceId: gazette.id,
      revisionNumber: 1,
      ...at(GAZETTE, "opened the north sluice on Friday night, flooding the old mill quarter"),
    });
    await setPassage(owner, workspace.slug, comparison.slug, { factRowId, sourceId: herald.id, revisionNumber: 1, ...at(HERALD, "were deliberately flooded") });
    await setPassage(owner, workspace.slug, comparison.slug, {
      factRowId,
      sourceId: herald.id,
      revisionNumber: 1,
      ...at(HERALD, "Homes in the old mill quarter were deliberately flooded on Friday"),
    });
    const view = await getComparisonBySlug(owner, workspace.slug, comparison.slug);
    const row = view.comparison.factRows.find((r) => r.id === factRowId)!;
    expect(row.passages.map((p) => [p.sourceId, p.exact])).toEqual(
      expect.arrayContaining([
        [gazette.id, "opened the north sluice on Friday night, flooding the old mill quarter"],
        [herald.id, "Homes in the old mill quarter were deliberately flooded on Friday"],
      ]),
    );
    expect(row.passages).toHaveLength(2);
    expect(row.passages.some((p) => p.sourceId === tribune.id)).toBe(false);
  });

  it("refuses a blank label, an empty span, a stale revision and another comparison's row", async () => {
    const { owner, workspace, comparison, gazette } = await setup();
    const other = await setup();
    const base = { sourceId: gazette.id, revisionNumber: 1, start: 0, end: 9 };
    expect(await code(setPassage(owner, workspace.slug, comparison.slug, { ...base, label: " " }))).toBe("INVALID_INPUT");
    expect(await code(setPassage(owner, workspace.slug, comparison.slug, { ...base, label: "x", start: 3, end: 4 }))).toBe("INVALID_INPUT");
    expect(await code(setPassage(owner, workspace.slug, comparison.slug, { ...base, label: "x", revisionNumber: 2 }))).toBe("CONFLICT");
    const { factRowId } = await setPassage(other.owner, other.workspace.slug, other.comparison.slug, { ...base, sourceId: other.gazette.id, label: "theirs" });
    expect(await code(setPassage(owner, workspace.slug, comparison.slug, { ...base, factRowId }))).toBe("NOT_FOUND");
    expect(await db().factRow.count({ where: { comparisonId: comparison.id } })).toBe(0);
  });

  it("suggests the most similar passage in each other source, best first", async () => {
    const { owner, workspace, comparison, gazette, herald, tribune } = await setup();
    const start = GAZETTE.indexOf("The river council");
    const suggestions = await suggestPassages(owner, workspace.slug, comparison.slug, {
      sourceId: gazette.id,
      start,
      end: GAZETTE.indexOf("\n"),
    });
    expect(suggestions.map((s) => s.sourceId)).toEqual([herald.id, tribune.id]);
    const best = suggestions[0]!.matches[0]!;
    expect(best.text).toContain("deliberately flooded");
    expect(best.score).toBeGreaterThan(suggestions[1]!.matches[0]?.score ?? 0);
  });

  it("renames, deletes rows and removes passages; viewers cannot", async () => {
    const { owner, workspace, comparison, gazette } = await setup();
    const viewer = await signUp("Reader");
    await addMember(owner, workspace.slug, { email: viewer.email, role: "VIEWER" });
    const { factRowId } = await setPassage(owner, workspace.slug, comparison.slug, { label: "Row", sourceId: gazette.id, revisionNumber: 1, start: 0, end: 9 });
    expect(await code(renameFactRow(viewer, workspace.slug, comparison.slug, factRowId, { label: "Mine" }))).toBe("FORBIDDEN");
    await renameFactRow(owner, workspace.slug, comparison.slug, factRowId, { label: "Who acted" });
    const passage = await db().passage.findFirstOrThrow({ where: { factRowId } });
    expect(await code(removePassage(viewer, workspace.slug, comparison.slug, passage.id))).toBe("FORBIDDEN");
    await removePassage(owner, workspace.slug, comparison.slug, passage.id);
    expect(await db().passage.count({ where: { factRowId } })).toBe(0);
    await deleteFactRow(owner, workspace.slug, comparison.slug, factRowId);
    expect(await db().factRow.count({ where: { id: factRowId } })).toBe(0);
  });
});

describe("revisions", () => {
  it("saves an edit as a new revision, keeps the old one and moves passages with the text", async () => {
    const { owner, workspace, comparison, gazette } = await setup();
    const words = "Council chair Edda Brun said the decision saved the town centre";
    const start = GAZETTE.indexOf(words);
    const { factRowId } = await setPassage(owner, workspace.slug, comparison.slug, { label: "Justification", sourceId: gazette.id, revisionNumber: 1, start, end: start + words.length });
    const gone = "Residents of the mill quarter said nobody warned them";
    const goneAt = GAZETTE.indexOf(gone);
    const other = await setPassage(owner, workspace.slug, comparison.slug, { label: "Warning", sourceId: gazette.id, revisionNumber: 1, start: goneAt, end: goneAt + gone.length });

    const edited = `UPDATED: ${GAZETTE.replace("Residents of the mill quarter said nobody warned them before the water arrived.", "")}`;
    const result = await updateSourceText(owner, workspace.slug, comparison.slug, gazette.id, { text: edited, baseRevision: 1 });
    expect(result).toMatchObject({ revision: 2, changed: true, reanchored: { exact: 1, orphaned: 1 } });

    const moved = await db().passage.findFirstOrThrow({ where: { factRowId }, include: { revision: true } });
    expect(moved.anchorStatus).toBe("EXACT");
    expect(moved.revision.text.slice(moved.start, moved.end)).toBe(words);
    const orphan = await db().passage.findFirstOrThrow({ where: { factRowId: other.factRowId } });
    expect(orphan).toMatchObject({ anchorStatus: "ORPHANED", exact: gone });

    const old = await getSource(owner, workspace.slug, comparison.slug, gazette.id, 1);
    expect(old.shown.text).toBe(GAZETTE);
    expect(old.isCurrent).toBe(false);
    expect(old.source.revisions.map((r) => r.number)).toEqual([2, 1]);
  });

  it("refuses an edit based on an old revision, so nobody overwrites a newer text", async () => {
    const { owner, workspace, comparison, herald } = await setup();
    await updateSourceText(owner, workspace.slug, comparison.slug, herald.id, { text: `${HERALD} First fix.`, baseRevision: 1 });
    const stale = await updateSourceText(owner, workspace.slug, comparison.slug, herald.id, { text: `${HERALD} Second fix.`, baseRevision: 1 }).catch((e: AppError) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe("CONFLICT");
    expect((stale as AppError).message).toMatch(/revision 2/);
    const current = await getSource(owner, workspace.slug, comparison.slug, herald.id);
    expect(current.shown.text).toContain("First fix.");
  });
});
