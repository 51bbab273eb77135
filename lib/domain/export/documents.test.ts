import { describe, expect, it } from "vitest";
import { documentStem, joinSpans, matchDocument, type DocumentSpan } from "./documents";
import type { CandidateSource } from "./match-target";

const sources: CandidateSource[] = [
  { id: "s1", title: "Barrier fails", outlet: null, url: null, text: "The gate jammed.\nWater rose." },
  { id: "s2", title: "Flood in the flats", outlet: null, url: null, text: "Officials said 😀 the barrier worked." },
  { id: "s3", title: "Flood in the flats", outlet: null, url: null, text: "Another outlet, the same title." },
];

describe("matchDocument", () => {
  it.each([
    ["the same text", { stem: "whatever", text: "The gate jammed.\nWater rose." }, { sourceId: "s1", by: "text" }],
    ["the same text with Windows line endings", { stem: "x", text: "The gate jammed.\r\nWater rose." }, { sourceId: "s1", by: "text" }],
    ["the file name Parallax gives it", { stem: "01-barrier-fails", text: "edited since" }, { sourceId: "s1", by: "file name" }],
    ["a file name two sources share", { stem: "02-flood-in-the-flats", text: "edited since" }, null],
    ["neither", { stem: "notes", text: "unrelated" }, null],
  ])("recognises a document by %s", (_name, document, expected) => {
    expect(matchDocument(document, sources)).toEqual(expected);
  });

  it("names files after the source's column and title", () => {
    expect(documentStem(0, "Barrier fails: “a first look”")).toBe("01-barrier-fails-a-first-look");
    expect(documentStem(11, "")).toBe("12-untitled");
  });
});

describe("joinSpans", () => {
  const text = "Officials said 😀 the barrier worked.";
  const span = (overrides: Partial<DocumentSpan>): DocumentSpan => ({
    where: "a.ann:1",
    start: 15,
    end: 17,
    tag: { name: "Emoji", tagSet: null },
    author: null,
    comment: null,
    claim: null,
    links: [],
    ...overrides,
  });

  it("joins spans on the same words with the same author, comment and claim, and counts the position in code points", () => {
    const joined = joinSpans(text, [
      span({ tag: { name: "A", tagSet: "One" } }),
      span({ where: "a.ann:2", tag: { name: "B", tagSet: "Two" } }),
      span({ where: "a.ann:3", tag: { name: "C", tagSet: null }, comment: "Another reading" }),
      span({ where: "a.ann:4", start: 18, end: 21, tag: { name: "D", tagSet: null } }),
    ]);
    expect(joined.map((a) => [a.where, a.tags.map((t) => t.name), a.comment, a.targets[0]!.quote!.exact, a.targets[0]!.position])).toEqual([
      ["a.ann:1", ["A", "B"], null, "😀", { start: 15, end: 16 }],
      ["a.ann:3", ["C"], "Another reading", "😀", { start: 15, end: 16 }],
      ["a.ann:4", ["D"], null, "the", { start: 17, end: 20 }],
    ]);
  });

  it("links relations to the joined annotations, whichever of their spans they name, after the annotations", () => {
    const joined = joinSpans(
      text,
      [span({ ref: "a#T1", tag: { name: "A", tagSet: null } }), span({ ref: "a#T2", tag: { name: "B", tagSet: null } }), span({ ref: "a#T3", start: 18, end: 21 })],
      [
        { where: "a.ann:4", from: "a#T2", to: "a#T3", type: "same as", author: null },
        { where: "a.ann:5", from: "a#T3", to: "a#T9", type: "said by", author: "anna" },
      ],
    );
    expect(joined.map((a) => [a.where, a.id, a.creator, a.relation ?? null])).toEqual([
      ["a.ann:1", "a#T1", null, null],
      ["a.ann:1", "a#T3", null, null],
      ["a.ann:4", null, null, { from: "a#T1", to: "a#T3", type: "same as", key: null }],
      ["a.ann:5", null, { id: null, name: "anna" }, { from: "a#T3", to: "a#T9", type: "said by", key: null }],
    ]);
  });
});
