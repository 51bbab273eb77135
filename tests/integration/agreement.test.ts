import { describe, expect, it } from "vitest";
import { forgetAgreementFigures, getAgreement } from "@/lib/server/services/agreement/get-agreement";
import { resolveDisagreement } from "@/lib/server/services/agreement/resolve-disagreement";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { mergeTags } from "@/lib/server/services/taxonomy/merge-tags";
import type { AppError } from "@/lib/server/errors";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

describe("agreement between reviewers", () => {
  it("measures alpha per tag set on word tokens and lists the spans where reviewers differ", async () => {
    const f = await annotatedComparison(db);
    const loaded = f.tag("Loaded language");
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
    await createAnnotation(f.colleague, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [loaded] });

    const result = await getAgreement(f.owner, f.workspace.slug, f.comparison.slug);
    expect(result.coders.map((c) => c.name).sort()).toEqual(["Colm Colleague", "Rita Reviewer"]);
    const devices = result.sets.find((s) => s.name === "Framing devices")!;
    expect(devices.combined.alpha).toBeGreaterThan(0);
    expect(devices.combined.alpha).toBeLessThan(1);
    expect(devices.perTag.find((t) => t.tag.name === "Loaded language")?.status).toBe("ok");
    expect(devices.disagreements).toEqual([
      expect.objectContaining({
        text: "sacrificed",
        values: expect.arrayContaining([
          expect.objectContaining({ coder: "Rita Reviewer", tags: ["Loaded language"] }),
          expect.objectContaining({ coder: "Colm Colleague", tags: [] }),
        ]),
      }),
    ]);
    const dimensions = result.sets.find((s) => s.name !== "Framing devices")!;
    expect(dimensions.combined.alpha).toBeNull();
  });

  it("lets an editor settle a disagreement, after which it leaves the list; reviewers cannot", async () => {
    const f = await annotatedComparison(db);
    const loaded = f.tag("Loaded language");
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
    await createAnnotation(f.colleague, f.comparison.id, { ...f.span("sacrificed"), tagIds: [loaded] });
    const before = (await getAgreement(f.owner, f.workspace.slug, f.comparison.slug)).sets[0]!;
    expect(before.disagreements).toHaveLength(2);
    const first = before.disagreements[0]!;
    const target = { sourceId: first.sourceId, tagSetId: before.id, start: first.start, end: first.end };

    const refused = await resolveDisagreement(f.reviewer, f.workspace.slug, f.comparison.slug, { ...target, kind: "RESOLVED" }).catch((e: AppError) => e);
    expect((refused as AppError).code).toBe("FORBIDDEN");
    await resolveDisagreement(f.owner, f.workspace.slug, f.comparison.slug, { ...target, kind: "ACCEPTED", acceptedCoderId: f.reviewer.id });

    const after = (await getAgreement(f.owner, f.workspace.slug, f.comparison.slug)).sets[0]!;
    expect(after.disagreements).toHaveLength(1);
    const record = await db().disagreementResolution.findFirstOrThrow({ where: { comparisonId: f.comparison.id } });
    expect(record).toMatchObject({ kind: "ACCEPTED", resolvedById: f.owner.id });
    expect(record.acceptedAnnotationId).not.toBeNull();
  });

  it("shows kept figures only while nothing they count has changed: every write is seen on the next read", async () => {
    const f = await annotatedComparison(db);
    const loaded = f.tag("Loaded language");
    const read = () => getAgreement(f.owner, f.workspace.slug, f.comparison.slug);
    const cold = async () => {
      forgetAgreementFigures();
      return read();
    };
    const figures = (a: Awaited<ReturnType<typeof read>>) => ({ coders: a.coders, sets: a.sets });
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
    const mine = await createAnnotation(f.colleague, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
    const first = await read();
    expect(figures(await read())).toEqual(figures(first));

    const writes: [string, () => Promise<unknown>][] = [
      ["a create", () => createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [loaded] })],
      ["a tag change", () => updateAnnotation(f.colleague, f.comparison.id, mine.id, { version: 1, tagIds: [f.tag("Euphemism")] })],
      ["a hide", () => setAnnotationHidden(f.owner, f.comparison.id, mine.id, { hidden: true, version: 2, reason: "off topic" })],
      ["an unhide", () => setAnnotationHidden(f.owner, f.comparison.id, mine.id, { hidden: false, version: 3 })],
      ["a tag merge", () => mergeTags(f.owner, f.workspace.slug, f.comparison.slug, { tagId: f.tag("Euphemism"), intoTagId: loaded })],
      ["a delete", () => deleteAnnotation(f.colleague, f.comparison.id, mine.id, { version: 4 })],
    ];
    let before = figures(first);
    for (const [what, write] of writes) {
      await write();
      const after = figures(await read());
      expect(after, what).not.toEqual(before);
      expect(after, what).toEqual(figures(await cold()));
      before = after;
    }
  });
});
