import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/services/annotations/find-annotations";
import { submitAssignment } from "@/lib/server/services/assignments/submit-assignment";
import { copyComparison } from "@/lib/server/services/comparisons/copy-comparison";
import { curateSpan } from "@/lib/server/services/curation/curate-span";
import { NO_CURATED_LAYER } from "@/lib/server/services/curation/copy-curated-key";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { joinAndAdmit } from "./helpers/classroom-fixture";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { addMember, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * Two reviewers annotate three spans; the editor accepts "reckless" as it is, merges both
 * readings of "opened the spillway" and rejects "sacrificed". The owner also teaches a class
 * with one admitted student, Sam; an editor of the newsroom teaches a class of their own.
 */
async function curatedFixture() {
  const f = await annotatedComparison(db);
  const [loaded, euphemism] = [f.tag("Loaded language"), f.tag("Euphemism")];
  for (const [who, words, tag] of [
    [f.reviewer, "reckless", loaded],
    [f.colleague, "reckless", loaded],
    [f.reviewer, "sacrificed", loaded],
    [f.reviewer, "opened the spillway", loaded],
    [f.colleague, "opened the spillway", euphemism],
  ] as const) {
    await createAnnotation(who, f.comparison.id, { ...f.span(words), tagIds: [tag] });
  }
  const curate = (words: string, verdict: "ACCEPTED" | "REJECTED", tagIds: string[] = []) =>
    curateSpan(f.owner, f.comparison.id, { ...f.span(words), verdict, tagIds });
  await curate("reckless", "ACCEPTED", [loaded]);
  await curate("opened the spillway", "ACCEPTED", [loaded, euphemism]);
  await curate("sacrificed", "REJECTED");
  const klass = await createWorkspace(f.owner, { name: "Media 9B", kind: "CLASS" });
  const sam = await signUp("Sam Student");
  await joinAndAdmit(db, f.owner, klass, sam);
  const editor = await signUp("Eda Editor");
  await addMember(f.owner, f.workspace.slug, { email: editor.email, role: "EDITOR" });
  const editorsClass = await createWorkspace(editor, { name: "Media 10A", kind: "CLASS" });
  return { ...f, loaded, euphemism, klass, sam, editor, editorsClass };
}

const keyOf = async (comparisonId: string) =>
  (
    await db().annotation.findMany({
      where: { comparisonId },
      orderBy: { start: "asc" },
      select: { exact: true, isKey: true, assignmentId: true, authorId: true, tags: { select: { tag: { select: { name: true } } } } },
    })
  ).map((a) => ({ ...a, tags: a.tags.map((t) => t.tag.name).sort() }));

describe("a class key from the curated layer", () => {
  it("makes exactly the accepted curated spans, with their curated tags, the key of a new assignment, in one audited copy", async () => {
    const f = await curatedFixture();
    const copy = await copyComparison(f.editor, f.comparison.id, { targetWorkspaceSlug: f.editorsClass.slug, annotations: "curated-key" });
    expect(copy.annotations).toBe(2);
    expect(await keyOf(copy.id)).toEqual([
      { exact: "opened the spillway", isKey: true, assignmentId: copy.assignmentId, authorId: f.editor.id, tags: ["Euphemism", "Loaded language"] },
      { exact: "reckless", isKey: true, assignmentId: copy.assignmentId, authorId: f.editor.id, tags: ["Loaded language"] },
    ]);
    const assignment = await db().assignment.findUniqueOrThrow({ where: { id: copy.assignmentId! }, select: { title: true, workspaceId: true, comparisonId: true, _count: { select: { sources: true } } } });
    expect(assignment).toEqual({ title: "Spillway (curated key)", workspaceId: f.editorsClass.id, comparisonId: copy.id, _count: { sources: 1 } });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { workspaceId: f.editorsClass.id, action: "comparison.copied" } });
    expect(audit).toMatchObject({ actorId: f.editor.id, entityId: copy.id, data: { fromComparisonId: f.comparison.id, annotations: "curated-key", annotationCount: 2, assignmentId: copy.assignmentId } });
  });

  it("keeps the key from the students until they submit (blind mode)", async () => {
    const f = await curatedFixture();
    const copy = await copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.klass.slug, annotations: "curated-key" });
    const seenBySam = async () => (await findAnnotations(f.sam, copy.id)).annotations.map((a) => `${a.target.exact}${a.assignment?.key ? " (key)" : ""}`).sort();
    expect(await seenBySam()).toEqual([]);
    const [source, tag] = await Promise.all([
      db().source.findFirstOrThrow({ where: { comparisonId: copy.id }, select: { id: true } }),
      db().tag.findFirstOrThrow({ where: { name: "Loaded language", tagSet: { comparisonId: copy.id } }, select: { id: true } }),
    ]);
    await createAnnotation(f.sam, copy.id, { ...f.span("reckless"), sourceId: source.id, tagIds: [tag.id], assignmentId: copy.assignmentId });
    expect(await seenBySam()).toEqual(["reckless"]);
    await submitAssignment(f.sam, f.klass.slug, copy.assignmentId!);
    expect(await seenBySam()).toEqual(["opened the spillway (key)", "reckless", "reckless (key)"]);
  });

  it.each<[string, (f: Awaited<ReturnType<typeof curatedFixture>>) => Promise<{ actor: Actor; target: string }>, string]>([
    ["a reviewer of the newsroom who teaches a class", async (f) => ({
      actor: f.reviewer,
      target: (await createWorkspace(f.reviewer, { name: "Rita's class", kind: "CLASS" })).slug,
    }), "FORBIDDEN"],
    ["a viewer of the newsroom", async (f) => ({ actor: f.viewer, target: f.klass.slug }), "FORBIDDEN"],
    ["an editor of the newsroom who is not in the class", async (f) => ({ actor: f.editor, target: f.klass.slug }), "NOT_FOUND"],
    ["an editor of the newsroom who is its student", async (f) => {
      await joinAndAdmit(db, f.owner, f.klass, f.editor);
      return { actor: f.editor, target: f.klass.slug };
    }, "FORBIDDEN"],
    ["a student of the class", async (f) => ({ actor: f.sam, target: f.klass.slug }), "NOT_FOUND"],
    ["a stranger", async (f) => ({ actor: await signUp("Stan Stranger"), target: f.klass.slug }), "NOT_FOUND"],
    ["the editor, into a newsroom (a key belongs in a class)", async (f) => ({ actor: f.owner, target: (await createWorkspace(f.owner, { name: "Second desk" })).slug }), "INVALID_INPUT"],
  ])("refuses %s, leaving nothing behind", async (_who, setup, code) => {
    const f = await curatedFixture();
    const { actor, target } = await setup(f);
    expect((await failure(copyComparison(actor, f.comparison.id, { targetWorkspaceSlug: target, annotations: "curated-key" }))).code).toBe(code);
    const targets = await db().workspace.findMany({ where: { slug: { in: [target, f.klass.slug] } }, select: { id: true } });
    expect(await db().comparison.count({ where: { workspaceId: { in: targets.map((w) => w.id) } } })).toBe(0);
  });

  it("refuses a comparison whose curated layer has no accepted span", async () => {
    const f = await curatedFixture();
    await curateSpan(f.owner, f.comparison.id, { ...f.span("reckless"), verdict: "REJECTED" });
    await curateSpan(f.owner, f.comparison.id, { ...f.span("opened the spillway"), verdict: "REJECTED" });
    const error = await failure(copyComparison(f.owner, f.comparison.id, { targetWorkspaceSlug: f.klass.slug, annotations: "curated-key" }));
    expect([error.code, error.message]).toEqual(["INVALID_INPUT", NO_CURATED_LAYER]);
    expect(await db().comparison.count({ where: { workspaceId: f.klass.id } })).toBe(0);
  });
});
