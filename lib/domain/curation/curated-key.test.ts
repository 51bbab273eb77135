import { describe, expect, it } from "vitest";
import { curatedKeySpans, type CuratedSpan } from "./curated-key";

const sources = new Map([["s1", { id: "copy-s1", revisionId: "copy-r1", fromRevisionId: "r1" }]]);
const tags = new Map([
  ["loaded", "copy-loaded"],
  ["euphemism", "copy-euphemism"],
]);
const span = (over: Partial<CuratedSpan>): CuratedSpan => ({
  sourceId: "s1",
  revisionId: "r1",
  verdict: "ACCEPTED",
  start: 4,
  end: 12,
  exact: "reckless",
  prefix: "The ",
  suffix: " plan",
  comment: null,
  tagIds: ["loaded"],
  ...over,
});
const keyOf = (curated: CuratedSpan[]) => curatedKeySpans(curated, sources, tags).map((k) => [k.sourceId, k.revisionId, k.exact, k.tagIds]);

describe("curatedKeySpans", () => {
  it.each([
    ["an accepted span moves into the copy", [span({})], [["copy-s1", "copy-r1", "reckless", ["copy-loaded"]]]],
    ["a merged span keeps every tag", [span({ tagIds: ["loaded", "euphemism"] })], [["copy-s1", "copy-r1", "reckless", ["copy-loaded", "copy-euphemism"]]]],
    ["a rejected span stays out", [span({ verdict: "REJECTED", tagIds: [] })], []],
    ["a span on an older revision stays out", [span({ revisionId: "r0" })], []],
    ["a span of a source the copy lacks stays out", [span({ sourceId: "s2" })], []],
    ["a tag the copy lacks is dropped", [span({ tagIds: ["loaded", "merged-away"] })], [["copy-s1", "copy-r1", "reckless", ["copy-loaded"]]]],
    ["a span left without tags stays out", [span({ tagIds: ["merged-away"] })], []],
    ["the same tag twice is kept once", [span({ tagIds: ["loaded", "loaded"] })], [["copy-s1", "copy-r1", "reckless", ["copy-loaded"]]]],
    ["nothing curated, no key", [], []],
  ])("%s", (_name, curated, expected) => {
    expect(keyOf(curated)).toEqual(expected);
  });

  it("keeps the span's selectors and the curator's comment", () => {
    expect(curatedKeySpans([span({ comment: "Both readings hold" })], sources, tags)).toEqual([
      { sourceId: "copy-s1", revisionId: "copy-r1", start: 4, end: 12, exact: "reckless", prefix: "The ", suffix: " plan", comment: "Both readings hold", tagIds: ["copy-loaded"] },
    ]);
  });
});
