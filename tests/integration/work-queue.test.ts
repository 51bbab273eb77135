import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { subscribeComparisonEvents } from "@/lib/server/realtime/bus";
import type { ComparisonEvent } from "@/lib/server/realtime/events";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/server/services/annotations/moderate-annotation";
import { createSource } from "@/lib/server/services/sources/create-source";
import { findMyDoneSources, getProgressTable } from "@/lib/server/services/source-progress/find-source-progress";
import { setSourceDone } from "@/lib/server/services/source-progress/set-source-done";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

/** The fixture's comparison with a second source. */
async function twoSources() {
  const f = await annotatedComparison(db);
  const second = await createSource(f.owner, f.workspace.slug, f.comparison.slug, {
    content: { kind: "paste", text: "The river fell by evening and the spillway was closed again." },
    metadata: { title: "River falls", outletName: "Valley Post" },
  });
  return { ...f, second };
}

describe("work queue", () => {
  it("marks a source done and undoes it, once each, audited and announced", async () => {
    const f = await twoSources();
    const events: ComparisonEvent[] = [];
    const unsubscribe = subscribeComparisonEvents(f.comparison.id, (event) => events.push(event));
    try {
      const marked = await setSourceDone(f.reviewer, f.comparison.id, { sourceId: f.source.id, done: true });
      expect(marked.doneAt).toBeInstanceOf(Date);
      const again = await setSourceDone(f.reviewer, f.comparison.id, { sourceId: f.source.id, done: true });
      expect(again.doneAt).toEqual(marked.doneAt);
      expect(await findMyDoneSources(f.reviewer, f.comparison.id)).toEqual([f.source.id]);
      expect(await findMyDoneSources(f.colleague, f.comparison.id)).toEqual([]);

      expect((await setSourceDone(f.reviewer, f.comparison.id, { sourceId: f.source.id, done: false })).doneAt).toBeNull();
      await setSourceDone(f.reviewer, f.comparison.id, { sourceId: f.source.id, done: false });
      expect(await findMyDoneSources(f.reviewer, f.comparison.id)).toEqual([]);

      const audit = await db().auditEvent.findMany({ where: { actorId: f.reviewer.id, entityId: f.source.id }, orderBy: { createdAt: "asc" } });
      expect(audit.map((a) => a.action)).toEqual(["source.done", "source.undone"]);
      await expect.poll(() => events.length).toBeGreaterThanOrEqual(2);
      expect(events[0]).toEqual({ comparisonId: f.comparison.id, type: "source-progress", id: f.source.id, action: "updated" });
    } finally {
      unsubscribe();
    }
  });

  it("refuses viewers, sources of other comparisons and non-members", async () => {
    const f = await twoSources();
    const other = await annotatedComparison(db, "Elsewhere");
    expect(await codeOf(setSourceDone(f.viewer, f.comparison.id, { sourceId: f.source.id, done: true }))).toBe("FORBIDDEN");
    expect(await codeOf(setSourceDone(f.reviewer, f.comparison.id, { sourceId: other.source.id, done: true }))).toBe("NOT_FOUND");
    expect(await codeOf(setSourceDone(other.owner, f.comparison.id, { sourceId: f.source.id, done: true }))).toBe("NOT_FOUND");
    expect(await codeOf(setSourceDone(f.reviewer, f.comparison.id, { sourceId: f.source.id, done: "yes" }))).toBe("INVALID_INPUT");
    expect(await db().sourceProgress.count({ where: { sourceId: f.source.id } })).toBe(0);
  });

  it("shows editors every reviewer's progress, reviewers their own row, viewers nothing", async () => {
    const f = await twoSources();
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    const gone = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [f.tag("Loaded language")] });
    await deleteAnnotation(f.reviewer, f.comparison.id, gone.id, { version: 1 });
    await createAnnotation(f.colleague, f.comparison.id, { ...f.span("sacrificed"), tagIds: [f.tag("Loaded language")] });
    await setSourceDone(f.colleague, f.comparison.id, { sourceId: f.source.id, done: true });
    await setSourceDone(f.colleague, f.comparison.id, { sourceId: f.second.id, done: true });

    const all = await getProgressTable(f.owner, f.comparison.id);
    expect(all?.scope).toBe("all");
    expect(all?.sources.map((s) => s.outlet)).toEqual(["City Daily", "Valley Post"]);
    const summary = all?.rows.map((r) => [r.reviewer.name, r.done, r.cells.map((c) => `${c.state}:${c.annotations}`)]);
    expect(summary).toEqual([
      ["Colm Colleague", 2, ["done:1", "done:0"]],
      ["Editor", 0, ["not-started:0", "not-started:0"]],
      ["Rita Reviewer", 0, ["started:1", "not-started:0"]],
    ]);

    const own = await getProgressTable(f.reviewer, f.comparison.id);
    expect(own?.scope).toBe("own");
    expect(own?.rows.map((r) => r.reviewer.name)).toEqual(["Rita Reviewer"]);
    expect(await getProgressTable(f.viewer, f.comparison.id)).toBeNull();
  });

  it("forgets the marks of a source that is deleted", async () => {
    const f = await twoSources();
    await setSourceDone(f.reviewer, f.comparison.id, { sourceId: f.second.id, done: true });
    await db().source.delete({ where: { id: f.second.id } });
    expect(await findMyDoneSources(f.reviewer, f.comparison.id)).toEqual([]);
  });
});
