import { describe, expect, it } from "vitest";
import { DEFAULT_TAXONOMY } from "@/lib/domain/taxonomy";
import { AppError } from "@/lib/server/errors";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { createTag } from "@/lib/server/services/taxonomy/create-tag";
import { findTaxonomy } from "@/lib/server/services/taxonomy/find-taxonomy";
import { mergeTags } from "@/lib/server/services/taxonomy/merge-tags";
import { restoreTag, retireTag } from "@/lib/server/services/taxonomy/retire-tag";
import { updateTag } from "@/lib/server/services/taxonomy/update-tag";
import { addMember, ownerWithWorkspace, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const TEXT = "The barrier gate stuck open and seawater flooded Tannery Flats overnight.";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function code(promise: Promise<unknown>) {
  return (await failure(promise)).code;
}

/** A comparison with the default taxonomy and one source; annotations are written directly. */
async function setup() {
  const { owner, workspace } = await ownerWithWorkspace("Editor");
  const comparison = await createComparison(owner, workspace.slug, { title: "Barrier failure" });
  const source = await db().source.create({ data: { comparisonId: comparison.id, title: "Gate stuck open", position: 0 } });
  const revision = await db().sourceRevision.create({
    data: { sourceId: source.id, number: 1, text: TEXT, textHash: "test", wordCount: 11, createdById: owner.id },
  });
  await db().source.update({ where: { id: source.id }, data: { currentRevisionId: revision.id } });
  const tags = await db().tag.findMany({ where: { tagSet: { comparisonId: comparison.id } }, include: { tagSet: true } });
  const tag = (set: string, name: string) => {
    const found = tags.find((t) => t.tagSet.key === set && t.name === name);
    if (!found) throw new Error(`No tag ${name} in ${set}`);
    return found;
  };
  const annotate = (tagIds: string[], { deleted = false } = {}) =>
    db().annotation.create({
      data: {
        comparisonId: comparison.id,
        sourceId: source.id,
        revisionId: revision.id,
        authorId: owner.id,
        exact: "seawater",
        prefix: "open and ",
        suffix: " flooded",
        start: TEXT.indexOf("seawater"),
        end: TEXT.indexOf("seawater") + "seawater".length,
        deletedAt: deleted ? new Date() : null,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
    });
  const tagIdsOf = async (annotationId: string) =>
    (await db().annotationTag.findMany({ where: { annotationId }, select: { tagId: true } })).map((l) => l.tagId).sort();
  const framing = tags.find((t) => t.tagSet.key === "framing-devices")!.tagSet;
  return { owner, workspace, comparison, ws: workspace.slug, cs: comparison.slug, framing, tag, annotate, tagIdsOf };
}

describe("the taxonomy of a comparison", () => {
  it("starts with the default tag sets of PRODUCT.md: 10, 15 and 18 tags, in order, all in use", async () => {
    const { owner, ws, cs } = await setup();
    const { tagSets, canEdit } = await findTaxonomy(owner, ws, cs);
    expect(canEdit).toBe(true);
    expect(tagSets.map((s) => [s.key, s.tags.length])).toEqual([
      ["framing-devices", 10],
      ["frame-dimensions", 15],
      ["persuasion-techniques", 18],
    ]);
    for (const [i, set] of tagSets.entries()) {
      const defaults = DEFAULT_TAXONOMY[i]!;
      expect(set.name).toBe(defaults.name);
      expect(set.tags.map((t) => [t.name, t.description, t.color])).toEqual(defaults.tags.map((t) => [t.name, t.description, t.color]));
      expect(set.tags.every((t) => !t.retired && !t.merged && t.annotationCount === 0)).toBe(true);
    }
  });

  it("counts each tag's live annotations, not the deleted ones", async () => {
    const { owner, ws, cs, tag, annotate } = await setup();
    const loaded = tag("framing-devices", "Loaded language");
    const euphemism = tag("framing-devices", "Euphemism");
    await annotate([loaded.id, euphemism.id]);
    await annotate([loaded.id]);
    await annotate([loaded.id], { deleted: true });
    const { tagSets } = await findTaxonomy(owner, ws, cs);
    const counts = new Map(tagSets[0]!.tags.map((t) => [t.name, t.annotationCount]));
    expect(counts.get("Loaded language")).toBe(2);
    expect(counts.get("Euphemism")).toBe(1);
    expect(counts.get("Labeling")).toBe(0);
  });
});

describe("adding, renaming, describing and recolouring tags", () => {
  it("adds a tag at the end of its set, tidying the name and storing an empty guideline as none", async () => {
    const { owner, ws, cs, framing } = await setup();
    const tag = await createTag(owner, ws, cs, { tagSetId: framing.id, name: "  Hedging   words ", description: "  ", color: "#D4F0FF" });
    expect(tag).toMatchObject({ name: "Hedging words", description: null, color: "#d4f0ff", position: 10, retiredAt: null });
    const described = await createTag(owner, ws, cs, { tagSetId: framing.id, name: "Numbers", description: "Figures chosen to impress.", color: "#fff3c4" });
    expect(described).toMatchObject({ description: "Figures chosen to impress.", position: 11 });
    const { tagSets } = await findTaxonomy(owner, ws, cs);
    expect(tagSets[0]!.tags.slice(-2).map((t) => t.name)).toEqual(["Hedging words", "Numbers"]);
  });

  it("refuses a duplicate name (ignoring case), a bad or dark colour and overlong text, saving nothing", async () => {
    const { owner, ws, cs, framing, tag } = await setup();
    const before = await db().tag.count({ where: { tagSetId: framing.id } });
    const add = (input: Record<string, unknown>) => createTag(owner, ws, cs, { tagSetId: framing.id, name: "Fresh tag", color: "#e0f0ff", ...input });

    const duplicate = await failure(add({ name: "loaded  LANGUAGE" }));
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.fieldErrors?.name).toMatch(/already has a tag named “Loaded language”/);

    const badColour = await failure(add({ color: "red" }));
    expect(badColour.code).toBe("INVALID_INPUT");
    expect(badColour.fieldErrors?.color).toMatch(/#rrggbb/);

    const dark = await failure(add({ color: "#5a5a5a" }));
    expect(dark.code).toBe("INVALID_INPUT");
    expect(dark.fieldErrors?.color).toMatch(/lighter colour.*at least 7:1/);

    expect((await failure(add({ name: "   " }))).fieldErrors?.name).toMatch(/Give the tag a name/);
    expect((await failure(add({ name: "x".repeat(81) }))).fieldErrors?.name).toMatch(/at most 80 characters/);
    expect((await failure(add({ description: "x".repeat(2001) }))).fieldErrors?.description).toMatch(/at most 2,000 characters/);
    expect(await db().tag.count({ where: { tagSetId: framing.id } })).toBe(before);

    // The same name in another set is a different tag.
    await expect(add({ name: "Economic" })).resolves.toMatchObject({ name: "Economic" });
    // A retired tag keeps its name, and the message says how to get it back.
    await retireTag(owner, ws, cs, tag("framing-devices", "Omission").id);
    expect((await failure(add({ name: "omission" }))).message).toMatch(/retired tag named “Omission”. Restore that one/);
  });

  it("checks names one editor at a time, so two names differing only in case cannot both be added", async () => {
    const { owner, ws, cs, framing } = await setup();
    const names = ["Hedging", "HEDGING", "hedging", "HeDgInG", "hEdGiNg", "hedginG"];
    const results = await Promise.allSettled(names.map((name) => createTag(owner, ws, cs, { tagSetId: framing.id, name, color: "#e0f0ff" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("CONFLICT");
    expect(await db().tag.count({ where: { tagSetId: framing.id, name: { in: names } } })).toBe(1);
  });

  it("renames, describes and recolours a tag, and its annotations follow", async () => {
    const { owner, ws, cs, tag, annotate, tagIdsOf } = await setup();
    const loaded = tag("framing-devices", "Loaded language");
    const annotation = await annotate([loaded.id]);

    await updateTag(owner, ws, cs, loaded.id, { name: "Charged wording" });
    await updateTag(owner, ws, cs, loaded.id, { description: "Emotive words where neutral ones would do." });
    const recoloured = await updateTag(owner, ws, cs, loaded.id, { color: "#FFE0E0" });
    expect(recoloured).toMatchObject({ name: "Charged wording", description: "Emotive words where neutral ones would do.", color: "#ffe0e0" });
    expect(await tagIdsOf(annotation.id)).toEqual([loaded.id]);

    // Changing only the case of its own name is not a clash; clearing the guideline removes it.
    await expect(updateTag(owner, ws, cs, loaded.id, { name: "charged Wording", description: "" })).resolves.toMatchObject({
      name: "charged Wording",
      description: null,
    });
  });

  it("refuses a rename onto another tag's name and a dark colour, leaving the tag as it was", async () => {
    const { owner, ws, cs, tag } = await setup();
    const euphemism = tag("framing-devices", "Euphemism");
    const clash = await failure(updateTag(owner, ws, cs, euphemism.id, { name: "LABELING" }));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.fieldErrors?.name).toMatch(/“Labeling”/);
    const dark = await failure(updateTag(owner, ws, cs, euphemism.id, { name: "Softening", color: "#1f3a93" }));
    expect(dark.code).toBe("INVALID_INPUT");
    expect(dark.fieldErrors?.color).toMatch(/7:1/);
    expect(await db().tag.findUniqueOrThrow({ where: { id: euphemism.id } })).toMatchObject({ name: "Euphemism", color: euphemism.color });
  });
});

describe("retiring tags", () => {
  it("keeps every annotation and its tag links, and can be undone", async () => {
    const { owner, ws, cs, tag, annotate, tagIdsOf } = await setup();
    const labeling = tag("framing-devices", "Labeling");
    const annotation = await annotate([labeling.id]);

    const retired = await retireTag(owner, ws, cs, labeling.id);
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect(await db().annotation.findUniqueOrThrow({ where: { id: annotation.id } })).toMatchObject({ deletedAt: null });
    expect(await tagIdsOf(annotation.id)).toEqual([labeling.id]);
    const view = (await findTaxonomy(owner, ws, cs)).tagSets[0]!.tags.find((t) => t.id === labeling.id)!;
    expect(view).toMatchObject({ retired: true, merged: false, annotationCount: 1 });

    // Retiring again keeps the first date.
    const again = await retireTag(owner, ws, cs, labeling.id);
    expect(again.retiredAt).toEqual(retired.retiredAt);

    const restored = await restoreTag(owner, ws, cs, labeling.id);
    expect(restored.retiredAt).toBeNull();
    expect(await tagIdsOf(annotation.id)).toEqual([labeling.id]);
  });
});

describe("merging tags", () => {
  it("moves the links in one go, keeps one link where an annotation had both, retires the tag and audits it", async () => {
    const { owner, workspace, ws, cs, tag, annotate, tagIdsOf } = await setup();
    const from = tag("persuasion-techniques", "Loaded language");
    const into = tag("framing-devices", "Loaded language");
    const other = tag("frame-dimensions", "Economic");
    const onlyFrom = await annotate([from.id]);
    const both = await annotate([from.id, into.id, other.id]);
    const onlyInto = await annotate([into.id]);
    const deleted = await annotate([from.id], { deleted: true });
    const untouched = await annotate([other.id]);

    const result = await mergeTags(owner, ws, cs, { tagId: from.id, intoTagId: into.id });
    expect(result).toEqual({
      tag: { id: from.id, name: "Loaded language" },
      into: { id: into.id, name: "Loaded language" },
      moved: 2,
      alreadyTagged: 1,
    });

    expect(await tagIdsOf(onlyFrom.id)).toEqual([into.id]);
    expect(await tagIdsOf(both.id)).toEqual([into.id, other.id].sort());
    expect(await tagIdsOf(onlyInto.id)).toEqual([into.id]);
    expect(await tagIdsOf(deleted.id)).toEqual([into.id]);
    expect(await tagIdsOf(untouched.id)).toEqual([other.id]);
    expect(await db().annotationTag.count({ where: { tagId: from.id } })).toBe(0);
    expect(await db().annotation.count({ where: { comparisonId: both.comparisonId } })).toBe(5);

    expect(await db().tag.findUniqueOrThrow({ where: { id: from.id } })).toMatchObject({ mergedIntoId: into.id, retiredAt: expect.any(Date) });
    const audit = await db().auditEvent.findMany({ where: { action: "tag.merged", entityId: from.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ workspaceId: workspace.id, actorId: owner.id, entityType: "Tag", data: { into: into.id } });

    const { tagSets } = await findTaxonomy(owner, ws, cs);
    const view = (id: string) => tagSets.flatMap((s) => s.tags).find((t) => t.id === id)!;
    expect(view(from.id)).toMatchObject({ retired: true, merged: true, mergedInto: { id: into.id, name: "Loaded language" }, annotationCount: 0 });
    expect(view(into.id)).toMatchObject({ retired: false, annotationCount: 3 });
  });

  it("refuses merging into itself, into a retired tag, twice, or across comparisons, changing nothing", async () => {
    const { owner, ws, cs, tag, annotate, tagIdsOf } = await setup();
    const elsewhere = await setup();
    const euphemism = tag("framing-devices", "Euphemism");
    const omission = tag("framing-devices", "Omission");
    const attribution = tag("framing-devices", "Attribution");
    const annotation = await annotate([euphemism.id]);

    const self = await failure(mergeTags(owner, ws, cs, { tagId: euphemism.id, intoTagId: euphemism.id }));
    expect(self.code).toBe("INVALID_INPUT");
    expect(self.message).toMatch(/cannot be merged into itself/);

    await retireTag(owner, ws, cs, omission.id);
    const retired = await failure(mergeTags(owner, ws, cs, { tagId: euphemism.id, intoTagId: omission.id }));
    expect(retired.code).toBe("INVALID_INPUT");
    expect(retired.message).toMatch(/“Omission” is retired/);

    const theirs = elsewhere.tag("framing-devices", "Labeling");
    expect(await code(mergeTags(owner, ws, cs, { tagId: euphemism.id, intoTagId: theirs.id }))).toBe("NOT_FOUND");
    expect(await code(mergeTags(owner, ws, cs, { tagId: theirs.id, intoTagId: euphemism.id }))).toBe("NOT_FOUND");
    expect(await tagIdsOf(annotation.id)).toEqual([euphemism.id]);
    expect(await db().tag.findUniqueOrThrow({ where: { id: euphemism.id } })).toMatchObject({ retiredAt: null, mergedIntoId: null });
    expect(await db().auditEvent.count({ where: { action: "tag.merged", entityId: euphemism.id } })).toBe(0);

    await mergeTags(owner, ws, cs, { tagId: euphemism.id, intoTagId: attribution.id });
    expect(await code(mergeTags(owner, ws, cs, { tagId: euphemism.id, intoTagId: tag("framing-devices", "Labeling").id }))).toBe("CONFLICT");
    // A merged tag's annotations now carry the other tag, so it cannot come back.
    const restore = await failure(restoreTag(owner, ws, cs, euphemism.id));
    expect(restore.code).toBe("CONFLICT");
    expect(restore.message).toMatch(/merged into “Attribution”/);
    expect(await db().auditEvent.count({ where: { action: "tag.merged", entityId: euphemism.id } })).toBe(1);
  });
  it("lets only one of two opposite merges run, so no two tags end up merged into each other", async () => {
    const { owner, ws, cs, tag, annotate, tagIdsOf } = await setup();
    const scare = tag("framing-devices", "Scare quotes");
    const attribution = tag("framing-devices", "Attribution");
    const annotation = await annotate([scare.id, attribution.id]);
    const results = await Promise.allSettled([
      mergeTags(owner, ws, cs, { tagId: scare.id, intoTagId: attribution.id }),
      mergeTags(owner, ws, cs, { tagId: attribution.id, intoTagId: scare.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const merged = await db().tag.findMany({ where: { id: { in: [scare.id, attribution.id] } }, select: { mergedIntoId: true } });
    expect(merged.filter((t) => t.mergedIntoId)).toHaveLength(1);
    expect(await tagIdsOf(annotation.id)).toHaveLength(1);
  });
});

describe("who may change the taxonomy", () => {
  it("lets every member read it, owners and editors change it; reviewers and viewers are refused, outsiders see nothing", async () => {
    const { owner, ws, cs, framing, tag } = await setup();
    const [editor, reviewer, viewer, outsider] = await Promise.all(["Editor Two", "Reviewer", "Viewer", "Outsider"].map((n) => signUp(n)));
    await addMember(owner, ws, { email: editor!.email, role: "EDITOR" });
    await addMember(owner, ws, { email: reviewer!.email, role: "REVIEWER" });
    await addMember(owner, ws, { email: viewer!.email, role: "VIEWER" });
    const labeling = tag("framing-devices", "Labeling");
    const euphemism = tag("framing-devices", "Euphemism");
    const changes = (actor: { id: string }) => [
      () => createTag(actor, ws, cs, { tagSetId: framing.id, name: "Mine", color: "#e0f0ff" }),
      () => updateTag(actor, ws, cs, labeling.id, { name: "Naming" }),
      () => retireTag(actor, ws, cs, labeling.id),
      () => restoreTag(actor, ws, cs, labeling.id),
      () => mergeTags(actor, ws, cs, { tagId: labeling.id, intoTagId: euphemism.id }),
    ];

    for (const reader of [reviewer!, viewer!]) {
      const view = await findTaxonomy(reader, ws, cs);
      expect(view.canEdit).toBe(false);
      expect(view.tagSets).toHaveLength(3);
      for (const change of changes(reader)) expect(await code(change())).toBe("FORBIDDEN");
    }
    expect(await code(findTaxonomy(outsider!, ws, cs))).toBe("NOT_FOUND");
    for (const change of changes(outsider!)) expect(await code(change())).toBe("NOT_FOUND");
    expect(await db().tag.findUniqueOrThrow({ where: { id: labeling.id } })).toMatchObject({ name: "Labeling", retiredAt: null, mergedIntoId: null });

    expect((await findTaxonomy(editor!, ws, cs)).canEdit).toBe(true);
    await expect(updateTag(editor!, ws, cs, labeling.id, { name: "Naming" })).resolves.toMatchObject({ name: "Naming" });
  });

  it("treats a tag or tag set of another comparison as not found, even for its own editors", async () => {
    const { owner, ws, cs } = await setup();
    const other = await setup();
    const theirs = other.tag("framing-devices", "Labeling");
    expect(await code(updateTag(owner, ws, cs, theirs.id, { name: "Taken over" }))).toBe("NOT_FOUND");
    expect(await code(retireTag(owner, ws, cs, theirs.id))).toBe("NOT_FOUND");
    expect(await code(restoreTag(owner, ws, cs, theirs.id))).toBe("NOT_FOUND");
    expect(await code(createTag(owner, ws, cs, { tagSetId: other.framing.id, name: "Sneaky", color: "#e0f0ff" }))).toBe("NOT_FOUND");
    // Even the owner of both cannot mix them up through the wrong comparison's address.
    const second = await createComparison(owner, ws, { title: "Second story" });
    const secondTag = await db().tag.findFirstOrThrow({ where: { tagSet: { comparisonId: second.id } } });
    expect(await code(updateTag(owner, ws, cs, secondTag.id, { name: "Moved" }))).toBe("NOT_FOUND");
    expect(await db().tag.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: "Labeling", retiredAt: null });
  });
});
