import { describe, expect, it } from "vitest";
import { moveSpanEdge } from "@/lib/domain/text/caret-selection";
import { AppError } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { reattachAnnotation } from "@/lib/server/services/annotations/reattach-annotation";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { annotatedComparison, ARTICLE } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// The annotate view's span handles and [ ] { } keys save a moved span through the re-attach edit.
describe("moving an annotation's span", () => {
  it("saves the span moved by a word at the version it was based on", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    const moved = moveSpanEdge(ARTICLE, a.target, "end", "forward");
    const saved = await reattachAnnotation(f.reviewer, f.comparison.id, a.id, { version: a.version, revisionNumber: 1, ...moved });
    expect(saved).toMatchObject({ version: a.version + 1, target: { start: moved.start, end: moved.end, exact: ARTICLE.slice(moved.start, moved.end) } });
    expect(saved.target.exact.startsWith("reckless ")).toBe(true);
    expect(saved.tags.map((t) => t.name)).toEqual(["Loaded language"]);
  });

  it("refuses a move based on a version a co-reviewer changed since, hands back theirs, and keeps their change", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    // The reviewer starts moving the end; meanwhile a colleague marks the discussion resolved.
    const moved = moveSpanEdge(ARTICLE, a.target, "end", "forward");
    await updateAnnotation(f.colleague, f.comparison.id, a.id, { version: a.version, resolved: true });
    const error = await failure(reattachAnnotation(f.reviewer, f.comparison.id, a.id, { version: a.version, revisionNumber: 1, ...moved }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/Someone changed this annotation/);
    const now = await getAnnotation(f.reviewer, f.comparison.id, a.id);
    expect(now).toMatchObject({ version: a.version + 1, resolved: true, target: { exact: "reckless" } });
    // Applied again on their version, the move keeps their change.
    const again = await reattachAnnotation(f.reviewer, f.comparison.id, a.id, { version: now.version, revisionNumber: 1, ...moved });
    expect(again).toMatchObject({ resolved: true, target: { start: moved.start, end: moved.end } });
  });

  it("lets only the author (or an editor) move a span", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    const moved = moveSpanEdge(ARTICLE, a.target, "start", "backward");
    expect((await failure(reattachAnnotation(f.colleague, f.comparison.id, a.id, { version: a.version, revisionNumber: 1, ...moved }))).code).toBe("FORBIDDEN");
    const byEditor = await reattachAnnotation(f.owner, f.comparison.id, a.id, { version: a.version, revisionNumber: 1, ...moved });
    expect(byEditor.target.end).toBe(a.target.end);
    expect(byEditor.target.start).toBeLessThan(a.target.start);
  });
});
