import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { locateAnnotation } from "@/lib/server/services/annotations/locate-annotation";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { createReply, deleteReply } from "@/lib/server/services/annotations/replies";
import { classroom } from "./helpers/classroom-fixture";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

describe("permalinks", () => {
  it("find an annotation and its reply by id, and say why, without its content, when they cannot be shown", async () => {
    const f = await annotatedComparison(db);
    const a = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")], comment: "Judgement." });
    const reply = await createReply(f.colleague, f.comparison.id, a.id, { body: "Agreed." });
    const found = await locateAnnotation(f.viewer, f.comparison.id, a.id, reply.id);
    expect(found).toMatchObject({ state: "visible", reply: "visible", annotation: { id: a.id, comment: "Judgement." } });
    expect(await locateAnnotation(f.viewer, f.comparison.id, a.id, "no-such-reply")).toMatchObject({ state: "visible", reply: "missing" });
    await deleteReply(f.colleague, f.comparison.id, reply.id);
    expect(await locateAnnotation(f.viewer, f.comparison.id, a.id, reply.id)).toMatchObject({ state: "visible", reply: "deleted" });

    await setAnnotationHidden(f.owner, f.comparison.id, a.id, { hidden: true, version: 1, reason: "Off topic." });
    expect(await locateAnnotation(f.colleague, f.comparison.id, a.id)).toEqual({ state: "hidden" });
    expect(await locateAnnotation(f.owner, f.comparison.id, a.id)).toMatchObject({ state: "visible" });
    await deleteAnnotation(f.reviewer, f.comparison.id, a.id, { version: 2 });
    expect(await locateAnnotation(f.owner, f.comparison.id, a.id)).toEqual({ state: "deleted" });
    expect(await locateAnnotation(f.owner, f.comparison.id, "no-such-annotation")).toEqual({ state: "missing" });
    await expect(locateAnnotation(await signUp("Sam Stranger"), f.comparison.id, a.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tell a student that a classmate's work is not theirs to see yet", async () => {
    const c = await classroom(db);
    const mine = await createAnnotation(c.ana, c.comparison.id, c.work("reckless", "Loaded language"));
    expect(await locateAnnotation(c.ben, c.comparison.id, mine.id)).toEqual({ state: "unseen" });
    expect(await locateAnnotation(c.ben, c.comparison.id, c.key[0]!.id)).toEqual({ state: "unseen" });
    expect(await locateAnnotation(c.ana, c.comparison.id, mine.id)).toMatchObject({ state: "visible" });
  });
});
