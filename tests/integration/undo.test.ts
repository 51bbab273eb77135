import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { subscribeComparisonEvents } from "@/lib/server/realtime/bus";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { deleteAnnotation } from "@/lib/server/services/annotations/moderate-annotation";
import { restoreAnnotation } from "@/lib/server/services/annotations/restore-annotation";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { createRelation } from "@/lib/server/services/relations/create-relation";
import { findRelations } from "@/lib/server/services/relations/find-relations";
import { findRelationTypes } from "@/lib/server/services/relations/find-relation-types";
import { restoreRelation } from "@/lib/server/services/relations/restore-relation";
import { deleteRelation } from "@/lib/server/services/relations/update-relation";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function twoNotes() {
  const f = await annotatedComparison(db);
  const note = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [f.tag("Loaded language")], comment: "mine" });
  const other = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("spillway"), tagIds: [f.tag("Euphemism")] });
  const evidence = (await findRelationTypes(f.reviewer, f.comparison.id)).find((t) => t.key === "evidence")!.id;
  return { ...f, note, other, evidence };
}

describe("undo through the services", () => {
  it("undoes a delete by restoring at the version the delete left, audited and announced", async () => {
    const f = await twoNotes();
    await deleteAnnotation(f.reviewer, f.comparison.id, f.note.id, { version: 1 });
    const events: string[] = [];
    const stop = subscribeComparisonEvents(f.comparison.id, (e) => events.push(`${e.type}:${e.action}:${e.id}`));
    const restored = await restoreAnnotation(f.reviewer, f.comparison.id, f.note.id, { version: 2 });
    stop();
    expect(restored).toMatchObject({ id: f.note.id, version: 3, comment: "mine", tags: [{ name: "Loaded language" }] });
    expect(events).toEqual([`annotation:created:${f.note.id}`]);
    expect(await getAnnotation(f.colleague, f.comparison.id, f.note.id)).toMatchObject({ version: 3 });
    const audit = await db().auditEvent.findMany({ where: { entityId: f.note.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["annotation.deleted", f.reviewer.id], ["annotation.restored", f.reviewer.id]]);
  });

  it("announces an annotation's links again when it is restored, as they show again", async () => {
    const f = await twoNotes();
    const link = await createRelation(f.reviewer, f.comparison.id, { fromId: f.note.id, toId: f.other.id, typeId: f.evidence });
    await deleteAnnotation(f.reviewer, f.comparison.id, f.other.id, { version: 1 });
    expect(await findRelations(f.colleague, f.comparison.id)).toEqual([]);
    const events: string[] = [];
    const stop = subscribeComparisonEvents(f.comparison.id, (e) => events.push(`${e.type}:${e.action}:${e.id}`));
    await restoreAnnotation(f.reviewer, f.comparison.id, f.other.id, { version: 2 });
    stop();
    expect(events).toEqual([`annotation:created:${f.other.id}`, `relation:created:${link.id}`]);
    expect((await findRelations(f.colleague, f.comparison.id)).map((r) => r.id)).toEqual([link.id]);
  });

  it("refuses a restore at a stale version, one that is not deleted, and anyone but the author", async () => {
    const f = await twoNotes();
    expect((await failure(restoreAnnotation(f.reviewer, f.comparison.id, f.note.id, { version: 1 }))).code).toBe("NOT_FOUND");
    await deleteAnnotation(f.reviewer, f.comparison.id, f.note.id, { version: 1 });
    const stale = await failure(restoreAnnotation(f.reviewer, f.comparison.id, f.note.id, { version: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/now at version 2/);
    for (const someoneElse of [f.colleague, f.owner]) expect((await failure(restoreAnnotation(someoneElse, f.comparison.id, f.note.id, { version: 2 }))).code).toBe("NOT_FOUND");
    expect((await failure(restoreAnnotation(f.viewer, f.comparison.id, f.note.id, { version: 2 }))).code).toBe("FORBIDDEN");
    expect((await db().annotation.findUniqueOrThrow({ where: { id: f.note.id } })).deletedAt).not.toBeNull();
  });

  it("an edit is undone by editing back at the version held, and refused once a co-reviewer changed it", async () => {
    const f = await twoNotes();
    const retagged = await updateAnnotation(f.reviewer, f.comparison.id, f.note.id, { version: 1, tagIds: [f.tag("Euphemism")] });
    const back = await updateAnnotation(f.reviewer, f.comparison.id, f.note.id, { version: retagged.version, tagIds: [f.tag("Loaded language")] });
    expect(back.tags.map((t) => t.name)).toEqual(["Loaded language"]);
    await updateAnnotation(f.colleague, f.comparison.id, f.note.id, { version: back.version, resolved: true });
    const refused = await failure(updateAnnotation(f.reviewer, f.comparison.id, f.note.id, { version: back.version, tagIds: [f.tag("Euphemism")] }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.current).toMatchObject({ resolved: true, tags: [{ name: "Loaded language" }] });
  });

  it("undoes a relation's delete, and refuses while a same link exists again, to others, or with an end deleted", async () => {
    const f = await twoNotes();
    const link = await createRelation(f.reviewer, f.comparison.id, { fromId: f.note.id, toId: f.other.id, typeId: f.evidence });
    await deleteRelation(f.reviewer, f.comparison.id, link.id, { version: 1 });
    expect((await failure(restoreRelation(f.colleague, f.comparison.id, link.id, { version: 2 }))).code).toBe("NOT_FOUND");
    const again = await createRelation(f.reviewer, f.comparison.id, { fromId: f.note.id, toId: f.other.id, typeId: f.evidence });
    expect((await failure(restoreRelation(f.reviewer, f.comparison.id, link.id, { version: 2 }))).code).toBe("CONFLICT");
    await deleteRelation(f.reviewer, f.comparison.id, again.id, { version: 1 });
    const events: string[] = [];
    const stop = subscribeComparisonEvents(f.comparison.id, (e) => events.push(`${e.type}:${e.action}`));
    expect(await restoreRelation(f.reviewer, f.comparison.id, link.id, { version: 2 })).toMatchObject({ id: link.id, version: 3 });
    stop();
    expect(events).toEqual(["relation:created"]);
    expect((await findRelations(f.colleague, f.comparison.id)).map((r) => r.id)).toEqual([link.id]);
    await deleteRelation(f.reviewer, f.comparison.id, link.id, { version: 3 });
    await deleteAnnotation(f.reviewer, f.comparison.id, f.other.id, { version: 1 });
    expect((await failure(restoreRelation(f.reviewer, f.comparison.id, link.id, { version: 4 }))).code).toBe("NOT_FOUND");
    const audit = await db().auditEvent.findMany({ where: { entityId: link.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["relation.created", "relation.deleted", "relation.restored", "relation.deleted"]);
  });
});
