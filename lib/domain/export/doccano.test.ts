import { describe, expect, it } from "vitest";
import { annotationFileRefusal as refusal, ASTRAL_QUOTE as quote, ASTRAL_TEXT, documentSpan, labelledDocument } from "./corpus-test-fixtures";
import { readDoccano, writeDoccano } from "./doccano";

const start = ASTRAL_TEXT.indexOf(quote);
const end = start + quote.length;
/** doccano counts code points: one astral character (🌊) before the quote makes them one less. */
const cpStart = start - 1;
const cpEnd = end - 2;

const line = (row: unknown) => `${JSON.stringify(row)}\n`;

describe("readDoccano", () => {
  it.each([
    ["the label form", { id: 4, text: ASTRAL_TEXT, label: [[cpStart, cpEnd, "Doubt"]] }],
    ["the entities form", { id: 4, text: ASTRAL_TEXT, entities: [{ id: 1, start_offset: cpStart, end_offset: cpEnd, label: "Doubt" }], relations: [] }],
    ["the labels form", { id: 4, text: ASTRAL_TEXT, labels: [[cpStart, cpEnd, "Doubt"]] }],
  ])("reads %s in code points", (_name, row) => {
    const { documents, skipped } = readDoccano(line(row));
    const [span] = documents[0]!.spans;
    expect(ASTRAL_TEXT.slice(span!.start, span!.end)).toBe(quote);
    expect(span!.tags).toEqual([{ name: "Doubt", group: null }]);
    expect(documents[0]!.name).toBe("4");
    expect(skipped).toEqual([]);
  });

  it("joins labels on the same span into one annotation", () => {
    const { documents } = readDoccano(line({ text: ASTRAL_TEXT, label: [[0, 5, "Doubt"], [0, 5, "Slogans"], [6, 7, "Doubt"]] }));
    expect(documents[0]!.spans.map((s) => [s.start, s.end, s.tags.map((t) => t.name)])).toEqual([
      [0, 5, ["Doubt", "Slogans"]],
      [6, 8, ["Doubt"]],
    ]);
  });

  it("skips document categories and relations, saying why", () => {
    const { skipped } = readDoccano(
      line({ text: "One.", label: ["positive"] }) + "\n" + line({ text: "Two.", entities: [{ start_offset: 0, end_offset: 3, label: "Doubt" }], relations: [{ from_id: 1, to_id: 2, type: "r" }] }),
    );
    expect(skipped).toEqual([
      { where: "line 1, label[0]", reason: "“positive” labels the whole document (text classification), not a span" },
      { where: "line 3, relations", reason: "relations between spans are not imported" },
    ]);
  });

  it.each([
    ["a line that is not JSON", "{\"text\": \"a\"\n", "line 1", /is not JSON/],
    ["a line without text", line({ label: [] }), "line 1", /with the document's `text`/],
    ["a span past the text (in code points)", line({ text: "🌊ab", label: [[0, 4, "Doubt"]] }), "line 1, label[0]", /3 code points/],
    ["a span of two fields", line({ text: "abc", label: [[0, 2]] }), "line 1, label[0]", /\[start, end, "Tag"\]/],
    ["an empty tag", line({ text: "abc", entities: [{ start_offset: 0, end_offset: 2, label: " " }] }), "line 1, entities[0]", /must be a tag name/],
  ])("refuses %s", (_name, jsonl, where, message) => {
    const problem = refusal(() => readDoccano(jsonl));
    expect(problem.where).toBe(where);
    expect(problem.message).toMatch(message);
  });
});

describe("writeDoccano", () => {
  it("writes code points, one label per tag, and reads back to the same spans and tags", () => {
    const doc = labelledDocument([documentSpan({ tags: [{ name: "Loaded language", tagSet: "Persuasion techniques" }, { name: "Labeling", tagSet: "Framing devices" }] })]);
    const jsonl = writeDoccano([doc]);
    expect(JSON.parse(jsonl)).toEqual({ id: 1, text: ASTRAL_TEXT, label: [[cpStart, cpEnd, "Loaded language"], [cpStart, cpEnd, "Labeling"]], title: "Storm hits", source: "111111111" });
    const back = readDoccano(jsonl).documents[0]!;
    expect(back.spans.map((s) => [s.start, s.end, s.tags.map((t) => t.name)])).toEqual([[start, end, ["Loaded language", "Labeling"]]]);
  });
});
