import { describe, expect, it } from "vitest";
import { buildReport, per1000 } from "./build-report";
import { claimWording } from "./claims";
import { annotation, input, NORTH, SOUTH } from "./test-fixtures";

describe("per1000", () => {
  it.each([
    [1, 1000, 1],
    [3, 250, 12],
    [0, 400, 0],
    [2, 3, 666.6666666666666],
  ])("%i in %i words is %d per 1,000", (count, words, expected) => {
    expect(per1000(count, words)).toBeCloseTo(expected, 10);
  });

  it("is null for an outlet without words, not infinite", () => {
    expect(per1000(2, 0)).toBeNull();
  });
});

describe("buildReport", () => {
  const strike = annotation("s1", NORTH, "decisive defensive action", ["euph"]);
  const assassination = annotation("s2", SOUTH, "illegal assassination", ["loaded", "legal"], { author: { id: "colm", name: "Colm" } });
  const shocked = annotation("s2", SOUTH, "shocked", ["loaded"], { createdAt: new Date("2026-03-01T00:00:00Z") });
  const orphan = annotation("s1", NORTH, "gone words", ["loaded"], { orphaned: true });
  const all = [strike, assassination, shocked, orphan];

  it("counts each tag per outlet, per 1,000 of the outlet's words, with the annotations behind each cell", () => {
    const report = buildReport(input(all), {}, new Date("2026-04-01T00:00:00Z"));
    expect(report.outlets.map((o) => [o.id, o.words])).toEqual([["north", 500], ["south", 250], ["source:s3", 0]]);
    const devices = report.tagSets.find((s) => s.id === "devices")!;
    expect(devices.tags.map((t) => t.name)).toEqual(["Loaded language", "Euphemism"]);
    const loaded = devices.tags[0]!;
    expect(loaded.total).toBe(2);
    expect(loaded.cells).toEqual([
      { outletId: "north", count: 0, per1000: 0, annotationIds: [] },
      { outletId: "south", count: 2, per1000: 8, annotationIds: [assassination.id, shocked.id] },
      { outletId: "source:s3", count: 0, per1000: null, annotationIds: [] },
    ]);
    expect(report.method.orphanedExcluded).toBe(1);
    expect(report.annotations.map((a) => a.id)).not.toContain(orphan.id);
  });

  it("marks the words of a passage that differ from the base passage", () => {
    const data = input([]);
    const text = "Critics said the strike was an illegal assassination.";
    data.sources[1]!.revision!.text = text;
    Object.assign(data.factRows[0]!.passages[0]!, { start: text.indexOf("the strike"), end: text.length - 1 });
    const passage = buildReport(data, {}, new Date()).termChoice[0]!.passages[1]!;
    expect(passage).toMatchObject({
      text: "the strike was an illegal assassination",
      paraphrased: false,
      segments: [
        { text: "the strike was an ", kind: "same" },
        { text: "illegal assassination", kind: "added" },
      ],
      changes: [{ base: "decisive defensive action", here: "illegal assassination" }],
    });
  });

  it("shows each fact row's wording against the first outlet's, with the tags on the passage", () => {
    const report = buildReport(input(all), {}, new Date());
    const row = report.termChoice[0]!;
    expect(row.baseSourceId).toBe("s1");
    expect(row.passages.map((p) => p.text)).toEqual(["the strike was a decisive defensive action", "The illegal assassination"]);
    expect(row.passages[0]!.segments).toEqual([{ text: "the strike was a decisive defensive action", kind: "same" }]);
    // The two share no content word: a paraphrase, still paired by the words each uses.
    expect(row.passages[1]).toMatchObject({
      paraphrased: true,
      segments: [
        { text: "The ", kind: "same" },
        { text: "illegal assassination", kind: "added" },
      ],
      changes: [{ base: "strike · decisive defensive action", here: "illegal assassination" }],
    });
    expect(row.passages[0]!.tags).toEqual([{ id: "euph", name: "Euphemism", color: "#f2d588", tagSetId: "devices", annotationIds: [strike.id] }]);
    expect(row.passages[1]!.tags.map((t) => t.id)).toEqual(["loaded", "legal"]);
    expect(row.missingOutletIds).toEqual(["source:s3"]);
  });

  it("lists the fact rows an outlet leaves out", () => {
    const report = buildReport(input(all), {}, new Date());
    expect(report.omissions).toEqual([
      { factRowId: "r1", label: "What the strike was", note: null, reportedBy: ["north", "south"], missingFrom: ["source:s3"] },
      { factRowId: "r2", label: "Deaths", note: "Only one outlet counts them", reportedBy: ["south"], missingFrom: ["north", "source:s3"] },
    ]);
  });

  it("applies an outlet filter to every section", () => {
    const report = buildReport(input(all), { outletIds: ["north"] }, new Date());
    expect(report.outlets.map((o) => o.id)).toEqual(["north"]);
    expect(report.tagSets.flatMap((s) => s.tags.map((t) => t.name))).toEqual(["Euphemism"]);
    expect(report.termChoice[0]!.passages.map((p) => p.sourceId)).toEqual(["s1"]);
    expect(report.termChoice[1]!.passages).toEqual([]);
    expect(report.omissions.map((o) => o.label)).toEqual(["Deaths"]);
    expect(report.choices.outlets).toHaveLength(3);
  });

  it("applies reviewer, date and tag set filters to the annotations counted", () => {
    const byColm = buildReport(input(all), { reviewerIds: ["colm"] }, new Date());
    expect(byColm.annotations.map((a) => a.id)).toEqual([assassination.id]);
    expect(byColm.method.reviewers).toEqual([{ id: "colm", name: "Colm", annotations: 1 }]);
    expect(byColm.choices.reviewers.map((r) => r.name)).toEqual(["Colm", "Rita"]);

    const february = buildReport(input(all), { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-02-28T23:59:59.999Z") }, new Date());
    expect(february.annotations.map((a) => a.id)).toEqual([strike.id, assassination.id]);
    expect(february.method.annotationDates).toEqual({ first: "2026-02-10T12:00:00.000Z", last: "2026-02-10T12:00:00.000Z" });

    const dims = buildReport(input(all), { tagSetIds: ["dims"] }, new Date());
    expect(dims.tagSets.map((s) => s.id)).toEqual(["dims"]);
    expect(dims.termChoice[0]!.passages[1]!.tags.map((t) => t.id)).toEqual(["legal"]);
    expect(dims.method.definitions.map((d) => d.name)).toEqual(["Frame dimensions"]);
    expect(dims.method.agreement.map((a) => a.name)).toEqual(["Frame dimensions"]);
  });

  it("gives the method: definitions of the tags used, reviewers, dates and agreement", () => {
    const report = buildReport(input(all), {}, new Date());
    expect(report.method.definitions[0]).toEqual({
      tagSetId: "devices",
      name: "Framing devices",
      description: "Word choices",
      tags: [
        { id: "loaded", name: "Loaded language", description: "Charged words" },
        { id: "euph", name: "Euphemism", description: "Softened words" },
      ],
    });
    expect(report.method.publicationDates).toEqual({ first: "2026-01-01T00:00:00.000Z", last: "2026-01-03T00:00:00.000Z" });
    expect(report.method.agreement[0]).toMatchObject({ tagSetId: "devices", reviewers: 2 });
  });
});

describe("claims", () => {
  const pentagon = { asserter: "QUOTED_PARTY" as const, assertedBy: "the Pentagon", status: "UNVERIFIED" as const, evidence: ["https://example.org/a"] };

  it("joins claims with the same asserter in the same fact row, or with the same wording", () => {
    const north = annotation("s1", NORTH, "decisive defensive action", [], { claim: pentagon });
    const south = annotation("s2", SOUTH, "illegal assassination", [], { claim: { ...pentagon, assertedBy: "The Pentagon", status: "DISPUTED", evidence: ["https://example.org/b"] } });
    const wording = annotation("s2", SOUTH, "Ten people died", [], { claim: { asserter: "OUTLET", assertedBy: null, status: "SUPPORTED", evidence: [] } });
    const sameWords = annotation("s1", NORTH, "The harbour", [], { exact: "ten  people DIED.", claim: { asserter: "OUTLET", assertedBy: null, status: "SUPPORTED", evidence: [] } });
    const other = annotation("s1", NORTH, "The harbour stayed closed", [], { claim: { ...pentagon, assertedBy: "Harbour master" } });

    const report = buildReport(input([north, south, wording, sameWords, other]), {}, new Date());
    expect(report.claims).toHaveLength(3);
    const [strike, deaths, harbour] = report.claims;
    expect(strike).toMatchObject({
      quote: "decisive defensive action",
      asserter: "QUOTED_PARTY",
      assertedBy: "the Pentagon",
      statuses: ["UNVERIFIED", "DISPUTED"],
      evidence: ["https://example.org/a", "https://example.org/b"],
      factRow: { id: "r1", label: "What the strike was" },
      carriedBy: [
        { outletId: "north", quotes: ["decisive defensive action"], annotationIds: [north.id] },
        { outletId: "south", quotes: ["illegal assassination"], annotationIds: [south.id] },
      ],
    });
    expect(deaths!.carriedBy.map((c) => c.outletId)).toEqual(["north", "south"]);
    expect(harbour!.carriedBy.map((c) => c.outletId)).toEqual(["north"]);
  });

  it("compares wording without case, spacing or punctuation", () => {
    expect(claimWording("“Ten  people died.”")).toBe(claimWording("ten people DIED"));
    expect(claimWording("ten people died")).not.toBe(claimWording("ten people were killed"));
  });
});
