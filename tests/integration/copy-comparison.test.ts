import { describe, expect, it } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { copyComparison } from "@/lib/server/services/comparisons/copy-comparison";
import { findCopyTargets } from "@/lib/server/services/comparisons/find-copy-targets";
import { setPassage } from "@/lib/server/services/passages/set-passage";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { addMember } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: AppError) => e);

/** The fixture's comparison with a fact row, a claim with evidence and a hidden annotation; a class and a second newsroom of its owner. */
async function copyFixture() {
  const f = await annotatedComparison(db);
  await setPassage(f.owner, f.workspace.slug, f.comparison.slug, { label: "The spillway", ...f.span("Officials opened the spillway at dawn") });
  await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
  await createAnnotation(f.reviewer, f.comparison.id, {
    ...f.span("opened the spillway"),
    tagIds: [f.tag("Euphemism")],
    claim: { asserter: "QUOTED_PARTY", assertedBy: "Officials", status: "UNVERIFIED", evidence: ["https://example.org/minutes"] },
  });
  const hidden = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [f.tag("Loaded language")] });
  await setAnnotationHidden(f.owner, f.comparison.id, hidden.id, { hidden: true, version: hidden.version, reason: "Duplicate" });
  const klass = await createWorkspace(f.owner, { name: "Media 9B", kind: "CLASS" });
  const newsroom = await createWorkspace(f.owner, { name: "Second desk" });
  return { ...f, klass, newsroom };
}

const contents = async (comparisonId: string) =>
  db().comparison.findUniqueOrThrow({
    where: { id: comparisonId },
    select: {
      title: true,
      copiedFrom: true,
      sources: { select: { title: true, outlet: { select: { name: true, workspaceId: true } }, currentRevision: { select: { text: true } } } },
      factRows: { select: { label: true, passages: { select: { exact: true } } } },
      tagSets: { select: { key: true, _count: { select: { tags: true } } }, orderBy: { position: "asc" } },
      copyNote: true,
      annotations: { select: { exact: true, authorId: true, copiedFromId: true, isKey: true, assignmentId: true, tags: { select: { tag: { select: { name: true } } } }, evidence: { select: { url: true } } }, orderBy: { start: "asc" } },
    },
  });

describe("copyComparison", () => {
  it("copies sources, outlets, fact rows and taxonomy into another newsroom, names where it came from, and audits it", async () => {
    const f = await copyFixture();
    const copy = await copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.newsroom.slug });
    const copied = await contents(copy.id);
    const original = await contents(f.comparison.id);
    expect(copied.title).toBe("Spillway");
    expect(copied.copiedFrom).toBe(`${f.workspace.name} › Spillway`);
    expect(copied.sources.map((s) => [s.title, s.outlet?.name, s.outlet?.workspaceId, s.currentRevision?.text])).toEqual(
      original.sources.map((s) => [s.title, s.outlet?.name, f.newsroom.id, s.currentRevision?.text]),
    );
    expect(copied.factRows).toEqual([{ label: "The spillway", passages: [{ exact: "Officials opened the spillway at dawn" }] }]);
    expect(copied.tagSets).toEqual(original.tagSets);
    expect(copied.annotations).toEqual([]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: f.newsroom.id, action: "comparison.copied" } });
    expect(audit).toMatchObject({ actorId: f.owner.id, entityId: copy.id, data: { fromComparisonId: f.comparison.id, annotations: "none", annotationCount: 0 } });
  });

  it("copies the visible annotations as the copier's when their reviewer is not a member of the target, and says so", async () => {
    const f = await copyFixture();
    const copy = await copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.newsroom.slug, annotations: "copy" });
    expect(copy).toMatchObject({ annotations: 2, reattributed: 2 });
    const { annotations, copyNote } = await contents(copy.id);
    expect(annotations.map((a) => [a.exact, a.authorId, a.isKey, a.tags.map((t) => t.tag.name), a.evidence.map((e) => e.url)])).toEqual([
      ["opened the spillway", f.owner.id, false, ["Euphemism"], ["https://example.org/minutes"]],
      ["reckless", f.owner.id, false, ["Loaded language"], []],
    ]);
    expect(copyNote).toBe("2 annotations are attributed to Editor, who copied them: their reviewers are not members of Second desk.");
    const originals = await db().annotation.findMany({ where: { comparisonId: f.comparison.id, hiddenAt: null }, select: { id: true, exact: true } });
    expect(annotations.map((a) => a.copiedFromId)).toEqual(annotations.map((a) => originals.find((o) => o.exact === a.exact)!.id));
  });

  it("keeps the original reviewer of an annotation when they are a member of the target, with where it was copied from", async () => {
    const f = await copyFixture();
    const reviewer = await db().user.findUniqueOrThrow({ where: { id: f.reviewer.id }, select: { email: true } });
    await addMember(f.owner, f.newsroom.slug, { email: reviewer.email, role: "REVIEWER" });
    await createAnnotation(f.owner, f.comparison.id, { ...f.span("at dawn"), tagIds: [f.tag("Euphemism")] });
    const copy = await copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.newsroom.slug, annotations: "copy" });
    expect(copy).toMatchObject({ annotations: 3, reattributed: 0 });
    const { annotations, copyNote } = await contents(copy.id);
    expect(annotations.map((a) => [a.exact, a.authorId])).toEqual([
      ["opened the spillway", f.reviewer.id],
      ["at dawn", f.owner.id],
      ["reckless", f.reviewer.id],
    ]);
    expect(annotations.every((a) => a.copiedFromId !== null)).toBe(true);
    expect(copyNote).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: f.newsroom.id, action: "comparison.copied" } });
    expect(audit.data).toMatchObject({ annotationCount: 3, reattributed: 0 });
  });

  it("gives the copier a key's annotations whose reviewer is a student of the class", async () => {
    const f = await copyFixture();
    // Students join a class by its code and the teacher's admission; here the membership is made directly.
    await db().membership.create({ data: { workspaceId: f.klass.id, userId: f.reviewer.id, role: "STUDENT" } });
    const copy = await copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.klass.slug, annotations: "key" });
    expect(copy).toMatchObject({ annotations: 2, reattributed: 2 });
    const { annotations, copyNote } = await contents(copy.id);
    expect(annotations.every((a) => a.authorId === f.owner.id && a.isKey)).toBe(true);
    expect(copyNote).toContain("not members of Media 9B");
  });

  it("makes the annotations the key of a new assignment in a class", async () => {
    const f = await copyFixture();
    const copy = await copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.klass.slug, annotations: "key" });
    const assignment = await db().assignment.findUniqueOrThrow({
      where: { id: copy.assignmentId! },
      select: { comparisonId: true, title: true, _count: { select: { sources: true, factRows: true, tags: true } } },
    });
    expect(assignment).toMatchObject({ comparisonId: copy.id, title: "Spillway", _count: { sources: 1, factRows: 1 } });
    expect(assignment._count.tags).toBeGreaterThan(0);
    const { annotations } = await contents(copy.id);
    expect(annotations.every((a) => a.isKey && a.assignmentId === copy.assignmentId)).toBe(true);
  });

  it("refuses unless the actor edits both workspaces, a key outside a class, and the same workspace; a refusal leaves nothing behind", async () => {
    const f = await copyFixture();
    await addMember(f.owner, f.newsroom.slug, { email: (await db().user.findUniqueOrThrow({ where: { id: f.reviewer.id } })).email, role: "EDITOR" });
    expect((await failure(copyComparison(f.reviewer, f.comparison.id, { targetWorkspaceSlug: f.newsroom.slug })))?.code).toBe("FORBIDDEN");
    expect((await failure(copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: "no-such-workspace" })))?.code).toBe("NOT_FOUND");
    expect((await failure(copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.newsroom.slug, annotations: "key" })))?.code).toBe("INVALID_INPUT");
    expect((await failure(copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.workspace.slug })))?.code).toBe("INVALID_INPUT");
    expect(await db().comparison.count({ where: { workspaceId: { in: [f.newsroom.id, f.klass.id] } } })).toBe(0);
    expect((await findCopyTargets(f.owner, f.workspace.id)).map((w) => w.name)).toEqual(["Media 9B", "Second desk"]);
    expect(await findCopyTargets(f.reviewer, f.workspace.id)).toEqual([{ slug: f.newsroom.slug, name: "Second desk", kind: "TEAM" }]);
  });
});
