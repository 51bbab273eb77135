import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { createMemoryEventBus, resetRealtimeForTests, subscribeComparisonEvents } from "@/lib/server/realtime/bus";
import type { ComparisonEvent } from "@/lib/server/realtime/events";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { curateSpan } from "@/lib/server/services/curation/curate-span";
import { getCurationView } from "@/lib/server/services/curation/get-curation-view";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { addMember, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

beforeAll(() => resetRealtimeForTests(createMemoryEventBus()));
afterAll(() => resetRealtimeForTests());

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A reviewer's span, and two editors (the owner and Eda) curating it at once. */
async function twoEditors() {
  const f = await annotatedComparison(db);
  const [loaded, euphemism] = [f.tag("Loaded language"), f.tag("Euphemism")];
  await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
  const eda = await signUp("Eda Editor");
  await addMember(f.owner, f.workspace.slug, { email: eda.email, role: "EDITOR" });
  const { sourceId, start, end } = f.span("reckless");
  return { ...f, eda, loaded, euphemism, reckless: { sourceId, start, end } };
}

describe("two editors curating at once", () => {
  it("refuses a decision made on a verdict the other editor has since changed, with their verdict, and loses neither", async () => {
    const f = await twoEditors();
    // Both open the merge view: the span is not curated yet (version 0).
    const first = await curateSpan(f.owner, f.comparison.id, { ...f.reckless, verdict: "ACCEPTED", tagIds: [f.loaded], version: 0 });
    expect(first.version).toBe(1);
    const stale = await failure(curateSpan(f.eda, f.comparison.id, { ...f.reckless, verdict: "REJECTED", version: 0 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toBe("Editor accepted it while you were deciding (its verdict is now at version 1). Look at their verdict, then decide again.");
    expect(stale.current).toEqual({ verdict: "ACCEPTED", version: 1, curator: "Editor", tagIds: [f.loaded] });

    // Having seen it, Eda decides on version 1; now the owner's version is the stale one.
    const second = await curateSpan(f.eda, f.comparison.id, { ...f.reckless, verdict: "ACCEPTED", tagIds: [f.loaded, f.euphemism], version: 1 });
    expect(second.version).toBe(2);
    expect((await failure(curateSpan(f.owner, f.comparison.id, { ...f.reckless, verdict: "REJECTED", version: 1 }))).code).toBe("CONFLICT");
    const view = await getCurationView(f.owner, f.workspace.slug, f.comparison.slug);
    expect(view.verdicts[`${f.reckless.start}:${f.reckless.end}`]).toEqual({ verdict: "ACCEPTED", tagIds: [f.loaded, f.euphemism].sort(), curator: "Eda Editor", version: 2 });
    const audit = await db().auditEvent.count({ where: { workspaceId: f.workspace.id, entityType: "CuratedAnnotation" } });
    expect(audit).toBe(2);
  });

  it("refuses a first decision when the other editor made theirs first", async () => {
    const f = await twoEditors();
    const decisions = await Promise.allSettled([
      curateSpan(f.owner, f.comparison.id, { ...f.reckless, verdict: "ACCEPTED", tagIds: [f.loaded], version: 0 }),
      curateSpan(f.eda, f.comparison.id, { ...f.reckless, verdict: "REJECTED", version: 0 }),
    ]);
    expect(decisions.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    const refused = decisions.find((d) => d.status === "rejected");
    expect((refused?.reason as AppError).code).toBe("CONFLICT");
    expect(await db().curatedAnnotation.findMany({ where: { comparisonId: f.comparison.id }, select: { version: true } })).toEqual([{ version: 1 }]);
  });

  it("tells everyone watching the comparison which source's curated layer changed", async () => {
    const f = await twoEditors();
    const events: ComparisonEvent[] = [];
    const unsubscribe = subscribeComparisonEvents(f.comparison.id, (event) => events.push(event));
    await curateSpan(f.owner, f.comparison.id, { ...f.reckless, verdict: "ACCEPTED", tagIds: [f.loaded] });
    unsubscribe();
    expect(events).toEqual([{ comparisonId: f.comparison.id, type: "curation", id: f.reckless.sourceId, action: "updated" }]);
  });
});
