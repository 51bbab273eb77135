import { describe, expect, it } from "vitest";
import { compareTextOrder } from "@/lib/domain/highlight/text-order";
import { AppError } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAnnotationOverview, findAnnotationPage, findAnnotationWindow } from "@/lib/server/services/annotations/find-annotation-window";
import { setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { submitAssignment } from "@/lib/server/services/assignments/submit-assignment";
import { insertAnnotations } from "./helpers/bulk-annotations";
import { classroom } from "./helpers/classroom-fixture";
import { annotatedComparison, ARTICLE } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const ids = (page: { annotations: { id: string }[] }) => page.annotations.map((a) => a.id);

describe("the annotate view's window", () => {
  it("sends a bounded page, in the highlights' text order, whatever the source holds", { timeout: 60_000 }, async () => {
    const f = await annotatedComparison(db);
    const source = await db().source.findUniqueOrThrow({ where: { id: f.source.id }, select: { currentRevisionId: true } });
    const tagIds = [f.tag("Loaded language"), f.tag("Labeling")];
    const count = 230;
    await insertAnnotations(db(), { comparisonId: f.comparison.id, sourceId: f.source.id, revisionId: source.currentRevisionId!, authorId: f.owner.id, text: ARTICLE, tagIds }, count);

    const window = await findAnnotationWindow(f.reviewer, f.comparison.id, { sourceId: f.source.id }, [0, 4], 50);
    expect(Object.keys(window.pages)).toEqual(["0", "4"]);
    expect(window.pages[0]).toHaveLength(50);
    expect(window.pages[4]).toHaveLength(30);
    expect(window.orphans).toEqual([]);
    expect(window.overview.orphaned).toBe(0);
    expect(window.overview.authors.map((a) => a.name)).toEqual(["Editor"]);
    const { rows, tagIds: legend } = window.overview.highlights;
    expect(rows).toHaveLength(count);
    expect(rows.every(([, , , ...tags]) => tags.length === 1 && tagIds.includes(legend[tags[0]!]!))).toBe(true);
    const spans = rows.map(([id, start, end]) => ({ id, start, end }));
    expect([...spans].sort(compareTextOrder)).toEqual(spans);

    // Page after page covers every row once, in the highlights' order: a highlight's index is its row.
    const paged: string[] = [];
    for (let offset = 0; offset < count; offset += 100) {
      const page = await findAnnotationPage(f.reviewer, f.comparison.id, { sourceId: f.source.id }, { offset, limit: 100 });
      expect(page.annotations.length).toBeLessThanOrEqual(100);
      paged.push(...ids(page));
    }
    expect(paged).toEqual(rows.map(([id]) => id));
    expect(window.pages[4]!.map((a) => a.id)).toEqual(paged.slice(200));
    await expect(findAnnotationPage(f.reviewer, f.comparison.id, { sourceId: f.source.id }, { offset: 0, limit: 101 })).rejects.toBeInstanceOf(AppError);

    // Filters run in SQL: the count and the rows follow them.
    const tagged = await findAnnotationOverview(f.reviewer, f.comparison.id, { sourceId: f.source.id, tagId: tagIds[1] });
    expect(tagged.highlights.rows).toHaveLength(count / 2);
  });

  it("shows hidden annotations only to moderators and their author, and nothing to outsiders", async () => {
    const f = await annotatedComparison(db);
    const mine = await createAnnotation(f.colleague, f.comparison.id, { ...f.span("spillway"), tagIds: [f.tag("Labeling")] });
    const hidden = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [f.tag("Loaded language")] });
    await setAnnotationHidden(f.owner, f.comparison.id, hidden.id, { hidden: true, version: 1, reason: "Off topic here." });
    const seenBy = async (actor: { id: string }) =>
      (await findAnnotationOverview(actor, f.comparison.id, { sourceId: f.source.id })).highlights.rows.map(([id]) => id).sort();
    expect(await seenBy(f.colleague)).toEqual([mine.id]);
    expect(await seenBy(f.reviewer)).toEqual([hidden.id, mine.id].sort());
    expect(await seenBy(f.owner)).toEqual([hidden.id, mine.id].sort());
    expect(ids(await findAnnotationPage(f.viewer, f.comparison.id, { sourceId: f.source.id }, { offset: 0 }))).toEqual([mine.id]);
    const outsider = (await annotatedComparison(db, "Someone else")).owner;
    await expect(findAnnotationPage(outsider, f.comparison.id, { sourceId: f.source.id }, { offset: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a student blind: their own work until the reveal, then the key and submitted work", async () => {
    const f = await classroom(db);
    const anas = await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    const bens = await createAnnotation(f.ben, f.comparison.id, f.work("Critics", "Labeling"));
    const query = { sourceId: f.source.id, assignmentId: f.assignment.id };
    const seen = async (actor: { id: string }, extra: object = {}) => {
      const overview = await findAnnotationOverview(actor, f.comparison.id, { ...query, ...extra });
      const page = await findAnnotationPage(actor, f.comparison.id, { ...query, ...extra }, { offset: 0 });
      expect(ids(page).sort()).toEqual(overview.highlights.rows.map(([id]) => id).sort());
      return { ids: ids(page).sort(), authors: overview.authors.map((a) => a.name) };
    };
    expect(await seen(f.ana)).toEqual({ ids: [anas.id], authors: ["Ana Student"] });
    expect(await seen(f.ben)).toEqual({ ids: [bens.id], authors: ["Ben Student"] });
    expect((await seen(f.teacher, { keyOnly: true })).ids).toEqual(f.key.map((k) => k.id).sort());

    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    expect((await seen(f.ana)).ids).toEqual([anas.id, ...f.key.map((k) => k.id)].sort());
    expect((await seen(f.ana, { onlyMine: true })).ids).toEqual([anas.id]);
    await submitAssignment(f.ben, f.klass.slug, f.assignment.id);
    expect((await seen(f.ana)).ids).toEqual([anas.id, bens.id, ...f.key.map((k) => k.id)].sort());
  });
});
