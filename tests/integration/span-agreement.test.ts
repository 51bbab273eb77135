import { describe, expect, it } from "vitest";
import { unitizingAlpha } from "@/lib/domain/agreement";
import { getAgreement } from "@/lib/server/services/agreement/get-agreement";
import { agreementFigures, recordAgreementVisit } from "@/lib/server/services/agreement/record-agreement-visit";
import { resolveDisagreement } from "@/lib/server/services/agreement/resolve-disagreement";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { ARTICLE, annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

describe("agreement over spans (αU) on the agreement page", () => {
  it("measures αU per tag set and per tag on the characters of the source, beside token α", async () => {
    const f = await annotatedComparison(db);
    const loaded = f.tag("Loaded language");
    const reckless = f.span("reckless");
    await createAnnotation(f.reviewer, f.comparison.id, { ...reckless, tagIds: [loaded] });
    await createAnnotation(f.colleague, f.comparison.id, { ...f.span("the decision reckless"), tagIds: [loaded] });
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [loaded] });

    const devices = (await getAgreement(f.owner, f.workspace.slug, f.comparison.slug)).sets.find((s) => s.name === "Framing devices")!;
    // Raters in the order of their names: Colm Colleague, then Rita Reviewer.
    const [colm, rita] = [0, 1];
    const expected = unitizingAlpha({
      continuum: { begin: 0, length: ARTICLE.length },
      raters: 2,
      units: [
        { rater: rita, begin: reckless.start, length: "reckless".length, category: loaded },
        { rater: colm, begin: f.span("the decision reckless").start, length: "the decision reckless".length, category: loaded },
        { rater: rita, begin: f.span("sacrificed").start, length: "sacrificed".length, category: loaded },
      ],
    });
    expect(devices.span.sources).toBe(1);
    expect(devices.span.alphaU).toBeCloseTo(expected.alphaU!, 12);
    expect(devices.span.perTag).toEqual([expect.objectContaining({ tag: expect.objectContaining({ name: "Loaded language" }), alpha: expected.perCategory[loaded]!.alpha })]);
    expect(devices.combined.alpha).not.toBeNull();
    const other = (await getAgreement(f.owner, f.workspace.slug, f.comparison.slug)).sets.find((s) => s.name !== "Framing devices")!;
    expect(other.span).toEqual({ alphaU: null, sources: 1, perTag: [] });
  });

  it("keeps the figures each visit and, after an editor settles a disagreement, says what changed until it changes again", async () => {
    const f = await annotatedComparison(db);
    const loaded = f.tag("Loaded language");
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
    await createAnnotation(f.colleague, f.comparison.id, { ...f.span("sacrificed"), tagIds: [loaded] });
    const visit = async (at: string) => {
      const agreement = await getAgreement(f.owner, f.workspace.slug, f.comparison.slug);
      return { agreement, since: await recordAgreementVisit(f.owner, f.comparison.id, agreementFigures(agreement.sets), new Date(at)) };
    };

    const first = await visit("2026-12-01T10:00:00Z");
    expect(first.since).toBeNull();
    expect((await visit("2026-12-01T10:05:00Z")).since).toBeNull();

    const set = first.agreement.sets.find((s) => s.name === "Framing devices")!;
    const d = set.disagreements[0]!;
    await resolveDisagreement(f.owner, f.workspace.slug, f.comparison.slug, { sourceId: d.sourceId, tagSetId: set.id, start: d.start, end: d.end, kind: "RESOLVED" });
    await db().disagreementResolution.updateMany({ where: { comparisonId: f.comparison.id }, data: { createdAt: new Date("2026-12-01T10:07:00Z") } });

    const after = await visit("2026-12-01T10:08:00Z");
    expect(after.since).toEqual({
      since: new Date("2026-12-01T10:00:00Z"),
      changedAt: new Date("2026-12-01T10:08:00Z"),
      changes: [{ set: "Framing devices", tag: null, measure: "open", before: 2, after: 1 }],
      settled: [{ by: f.owner.name, kind: "RESOLVED", set: "Framing devices", at: new Date("2026-12-01T10:07:00Z") }],
    });
    // A reload shows the same change; another user's first visit has nothing to compare.
    expect((await visit("2026-12-01T10:09:00Z")).since).toEqual(after.since);
    const agreement = await getAgreement(f.reviewer, f.workspace.slug, f.comparison.slug);
    expect(await recordAgreementVisit(f.reviewer, f.comparison.id, agreementFigures(agreement.sets))).toBeNull();

    // A new annotation moves the figures: the change shown is now that one.
    await createAnnotation(f.colleague, f.comparison.id, { ...f.span("reckless"), tagIds: [loaded] });
    const later = await visit("2026-12-01T11:00:00Z");
    expect(later.since!.since).toEqual(new Date("2026-12-01T10:08:00Z"));
    expect(later.since!.settled).toEqual([]);
    expect(later.since!.changes.map((c) => `${c.tag ?? "set"} ${c.measure}`)).toEqual(expect.arrayContaining(["set alpha", "set alphaU", "Loaded language alphaU"]));
  });
});
