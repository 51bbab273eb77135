import { describe, expect, it } from "vitest";
import { findingsAgainstKey, type TaggedSpan } from "./findings";

const span = (id: string, start: number, end: number, ...tagIds: string[]): TaggedSpan => ({ id, start, end, tagIds });

describe("findingsAgainstKey", () => {
  it.each([
    { name: "no key: nothing to point at", own: [span("o", 0, 5, "loaded")], key: [], kinds: [] },
    { name: "a key span left untouched is missed", own: [], key: [span("k", 0, 5, "loaded")], kinds: ["missed:k"] },
    { name: "the same words with the same tag are found", own: [span("o", 0, 5, "loaded")], key: [span("k", 0, 5, "loaded")], kinds: ["found:o"] },
    { name: "a partial overlap with the same tag counts as found", own: [span("o", 3, 9, "loaded")], key: [span("k", 0, 5, "loaded")], kinds: ["found:o"] },
    {
      name: "the right words with another tag: the key's is missed, the student's is extra",
      own: [span("o", 0, 5, "label")],
      key: [span("k", 0, 5, "loaded")],
      kinds: ["missed:k", "extra:o"],
    },
    { name: "touching ends do not overlap", own: [span("o", 5, 9, "loaded")], key: [span("k", 0, 5, "loaded")], kinds: ["missed:k", "extra:o"] },
    {
      name: "findings come in text order",
      own: [span("o2", 40, 45, "loaded"), span("o1", 0, 4, "loaded")],
      key: [span("k1", 20, 30, "loaded"), span("k2", 40, 44, "loaded")],
      kinds: ["extra:o1", "missed:k1", "found:o2"],
    },
  ])("$name", ({ own, key, kinds }) => {
    expect(findingsAgainstKey(own, key).map((f) => `${f.kind}:${f.spanId}`)).toEqual(kinds);
  });
});
