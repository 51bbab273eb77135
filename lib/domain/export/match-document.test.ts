import { describe, expect, it } from "vitest";
import { ASTRAL_TEXT } from "./corpus-test-fixtures";
import type { ReadDocument } from "./labelled-documents";
import { matchDocument, spansAsAnnotations, type DocumentCandidate } from "./match-document";

const sources: DocumentCandidate[] = [
  { id: "s1", title: "Storm hits", corpusId: "111", text: ASTRAL_TEXT },
  { id: "s2", title: "Other story", corpusId: null, text: "Another text." },
  { id: "s3", title: "Twin", corpusId: null, text: "Twin one." },
  { id: "s4", title: "twin", corpusId: null, text: "Twin two." },
];
const doc = (overrides: Partial<ReadDocument>): ReadDocument => ({ where: "$[0]", name: null, title: null, text: "", spans: [], ...overrides });

describe("matchDocument", () => {
  it.each([
    ["the same text", doc({ text: ASTRAL_TEXT }), { sourceId: "s1", by: "text" }],
    ["the same text once normalised (CRLF, a trailing newline)", doc({ text: `${ASTRAL_TEXT.replace("\n", "\r\n")}\n` }), { sourceId: "s1", by: "text" }],
    ["the corpus id", doc({ name: "111", text: "Edited since." }), { sourceId: "s1", by: "corpus id" }],
    ["a unique title, ignoring case", doc({ title: "OTHER STORY", text: "Edited." }), { sourceId: "s2", by: "title" }],
    ["a title two sources have", doc({ title: "Twin", text: "Edited." }), null],
    ["nothing", doc({ name: "999", title: "Unknown", text: "Unknown." }), null],
  ])("matches by %s", (_name, input, expected) => {
    expect(matchDocument(input, sources)).toEqual(expected);
  });
});

describe("spansAsAnnotations", () => {
  it("targets the matched source with the span's words, context and offsets", () => {
    const start = ASTRAL_TEXT.indexOf("𝔐arrowick");
    const span = { where: "line 1", start, end: start + 10, tags: [{ name: "Doubt", group: "persuasion-techniques" }], comment: null, author: { name: "Dana", email: null }, created: null, modified: null };
    const [annotation] = spansAsAnnotations(doc({ text: ASTRAL_TEXT, spans: [span] }), "s1", (group) => (group === "persuasion-techniques" ? "Persuasion techniques" : null));
    expect(annotation!.tags).toEqual([{ name: "Doubt", tagSet: "Persuasion techniques" }]);
    expect(annotation!.creator).toEqual({ id: null, name: "Dana", email: null });
    expect(annotation!.targets[0]).toMatchObject({
      sourceId: "s1",
      quote: { exact: "𝔐arrowick", prefix: ASTRAL_TEXT.slice(0, start), suffix: ASTRAL_TEXT.slice(start + 10, start + 42) },
      position: { start, end: start + 10 },
    });
  });
});
