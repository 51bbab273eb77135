import { describe, expect, it } from "vitest";
import { buildMergeSpans, type ReviewerAnnotation } from "./merge";

const ana = { id: "u-ana", name: "Ana" };
const ben = { id: "u-ben", name: "Ben" };
const cy = { id: "u-cy", name: "Cy" };

let n = 0;
function note(reviewer: ReviewerAnnotation["reviewer"], start: number, end: number, tagIds: string[], comment: string | null = null): ReviewerAnnotation {
  n += 1;
  return { id: `a${n}`, reviewer, start, end, exact: `text ${start}-${end}`, tagIds, comment };
}

describe("buildMergeSpans", () => {
  it("groups the same span and tags from several reviewers into one agreed version", () => {
    const [span] = buildMergeSpans([note(ben, 5, 9, ["loaded"]), note(ana, 5, 9, ["loaded"])]);
    expect(span!.agreed).toBe(true);
    expect(span!.versions).toHaveLength(1);
    expect(span!.versions[0]!.reviewers.map((r) => r.name)).toEqual(["Ana", "Ben"]);
    expect(span!.union).toEqual(["loaded"]);
  });

  it("keeps different tags on the same span as versions, the most shared first, and their union", () => {
    const [span] = buildMergeSpans([note(ana, 0, 4, ["euphemism"]), note(ben, 0, 4, ["loaded"]), note(cy, 0, 4, ["loaded"])]);
    expect(span!.agreed).toBe(false);
    expect(span!.versions.map((v) => [v.tagIds, v.reviewers.map((r) => r.name)])).toEqual([
      [["loaded"], ["Ben", "Cy"]],
      [["euphemism"], ["Ana"]],
    ]);
    expect(span!.union).toEqual(["euphemism", "loaded"]);
    expect(span!.byReviewer).toEqual({ "u-ana": ["euphemism"], "u-ben": ["loaded"], "u-cy": ["loaded"] });
  });

  it("takes a reviewer's several annotations on one span together, tags in any order", () => {
    const [span] = buildMergeSpans([
      note(ana, 2, 8, ["b"], "first"),
      note(ana, 2, 8, ["a"]),
      note(ben, 2, 8, ["a", "b"], "second"),
    ]);
    expect(span!.agreed).toBe(true);
    expect(span!.versions[0]!.annotationIds).toHaveLength(3);
    expect(span!.versions[0]!.comments).toEqual(["first", "second"]);
  });

  it("a span only one reviewer annotated is no agreement", () => {
    expect(buildMergeSpans([note(ana, 1, 3, ["x"])])[0]!.agreed).toBe(false);
  });

  it("overlapping but different spans stay apart, in text order with the longer span first", () => {
    const spans = buildMergeSpans([note(ana, 10, 14, ["x"]), note(ben, 3, 14, ["x"]), note(cy, 3, 20, ["x"])]);
    expect(spans.map((s) => s.key)).toEqual(["3:20", "3:14", "10:14"]);
  });

  it("nothing annotated, nothing to merge", () => {
    expect(buildMergeSpans([])).toEqual([]);
  });
});
