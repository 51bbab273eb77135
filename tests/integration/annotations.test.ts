import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { subscribeComparisonEvents } from "@/lib/server/realtime/bus";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAnnotations, getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { reattachAnnotation } from "@/lib/server/services/annotations/reattach-annotation";
import { createReply } from "@/lib/server/services/annotations/replies";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { updateSourceText } from "@/lib/server/services/sources/update-source-text";
import { annotatedComparison, ARTICLE } from "./helpers/comparison-fixture";
import { signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("annotations", () => {
  it("stores W3C quote and position selectors, tags and claim fields, and tells listeners", async () => {
    const f = await annotatedComparison(db);
    const events: string[] = [];
    const stop = subscribeComparisonEvents(f.comparison.id, (e) => events.push(`${e.type}:${e.action}`));
    const annotation = await createAnnotation(f.reviewer, f.comparison.id, {
      ...f.span("sacrificed"),
      tagIds: [f.tag("Loaded language")],
      comment: "Strong verb",
      claim: { asserter: "QUOTED_PARTY", assertedBy: "critics", status: "DISPUTED", evidence: ["https://example.org/report"] },
    });
    stop();
    const start = ARTICLE.indexOf("sacrificed");
    expect(annotation.target).toMatchObject({ exact: "sacrificed", suffix: ".", start, end: start + "sacrificed".length });
    expect(annotation.target.prefix.length).toBeGreaterThanOrEqual(32);
    expect(ARTICLE.slice(0, start).endsWith(annotation.target.prefix)).toBe(true);
    expect(annotation.tags.map((t) => t.name)).toEqual(["Loaded language"]);
    expect(annotation.claim).toEqual({ asserter: "QUOTED_PARTY", assertedBy: "critics", status: "DISPUTED", evidence: ["https://example.org/report"] });
    expect(events).toEqual(["annotation:created"]);
  });

  it("answers a create with the annotation exactly as it reads back (built without reading it back)", async () => {
    const f = await annotatedComparison(db);
    const created = await createAnnotation(f.reviewer, f.comparison.id, {
      ...f.span("reckless"),
      tagIds: [f.tag("Loaded language"), f.tag("Euphemism"), f.tag("Loaded language")],
      comment: "Two readings",
      claim: { asserter: "OUTLET", status: "UNVERIFIED", evidence: ["https://example.org/a", "https://example.org/b"] },
    });
    expect(created.tags.map((t) => t.name)).toEqual(["Loaded language", "Euphemism"]);
    expect(created).toEqual(await getAnnotation(f.colleague, f.comparison.id, created.id));
  });

  it("answers an update with the annotation exactly as it reads back: tags, claim, evidence and replies", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")], comment: "first" });
    await createReply(f.colleague, f.comparison.id, a.id, { body: "Agreed." });
    const edited = await updateAnnotation(f.reviewer, f.comparison.id, a.id, {
      version: 1,
      tagIds: [f.tag("Euphemism"), f.tag("Loaded language")],
      comment: "",
      claim: { asserter: "QUOTED_PARTY", assertedBy: "critics", status: "DISPUTED", evidence: ["https://example.org/1", "https://example.org/2"] },
    });
    expect(edited).toMatchObject({ version: 2, comment: null, claim: { assertedBy: "critics", evidence: ["https://example.org/1", "https://example.org/2"] } });
    // A kept tag row stays where it was stored, and reads name no order for tags: compare them as a set.
    const tagsByName = (view: Awaited<ReturnType<typeof getAnnotation>>) => ({ ...view, tags: [...view.tags].sort((x, y) => x.name.localeCompare(y.name)) });
    expect(tagsByName(edited)).toEqual(tagsByName(await getAnnotation(f.colleague, f.comparison.id, a.id)));
    const resolved = await updateAnnotation(f.colleague, f.comparison.id, a.id, { version: 2, resolved: true });
    expect(resolved).toMatchObject({ version: 3, resolved: true, replies: [{ body: "Agreed." }] });
    expect(resolved).toEqual(await getAnnotation(f.reviewer, f.comparison.id, a.id));
    const unclaimed = await updateAnnotation(f.reviewer, f.comparison.id, a.id, { version: 3, claim: null, tagIds: [f.tag("Euphemism")] });
    expect(unclaimed).toMatchObject({ claim: null, tags: [{ name: "Euphemism" }] });
    expect(unclaimed).toEqual(await getAnnotation(f.reviewer, f.comparison.id, a.id));
  });

  it("refuses bad input with a message and saves nothing", async () => {
    const f = await annotatedComparison(db);
    const before = await db().annotation.count();
    expect((await failure(createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [] }))).message).toMatch(/at least one tag/);
    expect((await failure(createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: ["nope"] }))).code).toBe("INVALID_INPUT");
    const noParty = await failure(
      createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")], claim: { asserter: "QUOTED_PARTY", status: "FALSE" } }),
    );
    expect(noParty.fieldErrors?.["claim.assertedBy"]).toMatch(/quoted party/);
    expect((await failure(createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), revisionNumber: 2, tagIds: [f.tag("Loaded language")] }))).code).toBe("CONFLICT");
    expect(await db().annotation.count()).toBe(before);
  });

  it("lets viewers read but not write, and hides everything from outsiders", async () => {
    const f = await annotatedComparison(db);
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    expect((await findAnnotations(f.viewer, f.comparison.id)).annotations).toHaveLength(1);
    expect((await failure(createAnnotation(f.viewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] }))).code).toBe("FORBIDDEN");
    const outsider = await signUp("Outsider");
    expect((await failure(findAnnotations(outsider, f.comparison.id))).code).toBe("NOT_FOUND");
  });

  it("refuses a stale update with 409 and hands back the current version", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    const first = await updateAnnotation(f.reviewer, f.comparison.id, a.id, { version: a.version, comment: "first edit" });
    expect(first.version).toBe(2);
    const stale = await failure(updateAnnotation(f.reviewer, f.comparison.id, a.id, { version: 1, comment: "second edit" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.status).toBe(409);
    expect(stale.current).toMatchObject({ id: a.id, version: 2, comment: "first edit" });
    expect((await getAnnotation(f.reviewer, f.comparison.id, a.id)).comment).toBe("first edit");
  });

  it("lets only authors edit and delete; others reply and resolve; deletion is soft and audited", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    expect((await failure(updateAnnotation(f.colleague, f.comparison.id, a.id, { version: 1, comment: "mine now" }))).code).toBe("FORBIDDEN");
    await createReply(f.colleague, f.comparison.id, a.id, { body: "I'd call it labeling." });
    const resolved = await updateAnnotation(f.colleague, f.comparison.id, a.id, { version: 1, resolved: true });
    expect(resolved).toMatchObject({ resolved: true, version: 2 });
    expect(resolved.replies.map((r) => r.body)).toEqual(["I'd call it labeling."]);
    expect((await failure(deleteAnnotation(f.colleague, f.comparison.id, a.id, { version: 2 }))).code).toBe("FORBIDDEN");
    await deleteAnnotation(f.reviewer, f.comparison.id, a.id, { version: 2 });
    expect((await findAnnotations(f.owner, f.comparison.id)).annotations).toHaveLength(0);
    expect(await db().annotation.count({ where: { id: a.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: a.id, action: "annotation.deleted" } })).toBe(1);
  });

  it("deletes only at the current version, once, and not after a change the author has not seen", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    await updateAnnotation(f.colleague, f.comparison.id, a.id, { version: 1, resolved: true });
    const stale = await failure(deleteAnnotation(f.reviewer, f.comparison.id, a.id, { version: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect((await getAnnotation(f.reviewer, f.comparison.id, a.id)).version).toBe(2);
    await deleteAnnotation(f.reviewer, f.comparison.id, a.id, { version: 2 });
    expect((await failure(deleteAnnotation(f.reviewer, f.comparison.id, a.id, { version: 3 }))).code).toBe("NOT_FOUND");
    expect(await db().auditEvent.count({ where: { entityId: a.id, action: "annotation.deleted" } })).toBe(1);
  });

  it("lets editors hide with a reason: reviewers no longer see it, the author does", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    expect((await failure(setAnnotationHidden(f.colleague, f.comparison.id, a.id, { hidden: true, version: 1, reason: "off topic" }))).code).toBe("FORBIDDEN");
    await setAnnotationHidden(f.owner, f.comparison.id, a.id, { hidden: true, version: 1, reason: "off topic" });
    expect((await findAnnotations(f.colleague, f.comparison.id)).annotations).toHaveLength(0);
    const own = (await findAnnotations(f.reviewer, f.comparison.id)).annotations;
    expect(own[0]?.hidden?.reason).toBe("off topic");
    expect(await db().auditEvent.count({ where: { entityId: a.id, action: "annotation.hidden" } })).toBe(1);
  });

  it("filters and pages in text order", async () => {
    const f = await annotatedComparison(db);
    for (const words of ["sacrificed", "Officials", "reckless"]) {
      await createAnnotation(f.reviewer, f.comparison.id, { ...f.span(words), tagIds: [f.tag("Loaded language")] });
    }
    await createAnnotation(f.colleague, f.comparison.id, { ...f.span("spillway"), tagIds: [f.tag("Euphemism")], claim: { asserter: "OUTLET", status: "SUPPORTED" } });
    const first = await findAnnotations(f.owner, f.comparison.id, { limit: 2 });
    const second = await findAnnotations(f.owner, f.comparison.id, { limit: 2, cursor: first.nextCursor });
    expect([...first.annotations, ...second.annotations].map((a) => a.target.exact)).toEqual(["Officials", "spillway", "reckless", "sacrificed"]);
    expect(second.nextCursor).toBeNull();
    expect((await findAnnotations(f.owner, f.comparison.id, { authorId: f.colleague.id })).annotations).toHaveLength(1);
    expect((await findAnnotations(f.owner, f.comparison.id, { tagId: f.tag("Euphemism") })).annotations).toHaveLength(1);
    expect((await findAnnotations(f.owner, f.comparison.id, { claimStatus: "SUPPORTED" })).annotations).toHaveLength(1);
  });

  it("keeps every annotation through an edit of the source: moved, or orphaned and re-attachable", async () => {
    const f = await annotatedComparison(db);
    const kept = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    const lost = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("at dawn"), tagIds: [f.tag("Omission")] });
    const edited = `Breaking. ${ARTICLE.replace(" at dawn", "")}`;
    await updateSourceText(f.owner, f.workspace.slug, f.comparison.slug, f.source.id, { text: edited, baseRevision: 1 });

    const after = (await findAnnotations(f.reviewer, f.comparison.id)).annotations;
    expect(after).toHaveLength(2);
    const moved = after.find((a) => a.id === kept.id)!;
    expect(edited.slice(moved.target.start, moved.target.end)).toBe("reckless");
    expect(moved.revision).toBe(2);
    const orphan = after.find((a) => a.id === lost.id)!;
    expect(orphan.anchor.status).toBe("ORPHANED");
    expect((await findAnnotations(f.reviewer, f.comparison.id, { orphaned: true })).annotations.map((a) => a.id)).toEqual([lost.id]);

    const at = edited.indexOf("Officials opened");
    const back = await reattachAnnotation(f.reviewer, f.comparison.id, lost.id, { version: orphan.version, start: at, end: at + 16, revisionNumber: 2 });
    expect(back).toMatchObject({ anchor: { status: "EXACT" }, target: { exact: "Officials opened" } });
  });
});
