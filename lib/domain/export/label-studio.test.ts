import { describe, expect, it } from "vitest";
import { annotationFileRefusal as refusal, ASTRAL_QUOTE as quote, ASTRAL_TEXT, documentSpan, labelledDocument } from "./corpus-test-fixtures";
import { readLabelStudio, writeLabelStudio } from "./label-studio";

const start = ASTRAL_TEXT.indexOf(quote);
const end = start + quote.length;

const task = (result: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 7,
  data: { text: ASTRAL_TEXT },
  annotations: [{ id: 1, completed_by: 3, result, created_at: "2026-11-21T08:00:00Z", ...extra }],
});
const region = (value: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: "r1", from_name: "label", to_name: "text", type: "labels", value, ...extra });

describe("readLabelStudio", () => {
  it("reads UTF-16 offsets after astral characters, as Label Studio's editor counts them", () => {
    const { documents } = readLabelStudio([task([region({ start, end, text: quote, labels: ["Loaded language"] })])]);
    const [span] = documents[0]!.spans;
    expect([span!.start, span!.end]).toEqual([start, end]);
    expect(span!.tags).toEqual([{ name: "Loaded language", group: "label" }]);
    expect(span!.author).toBeNull();
    expect(span!.created).toEqual(new Date("2026-11-21T08:00:00Z"));
    expect(documents[0]!.name).toBe("7");
  });

  it.each([
    ["an object with names", { id: 3, email: "dana@example.org", first_name: "Dana", last_name: "Demo" }, { name: "Dana Demo", email: "dana@example.org" }],
    ["a username only", { id: 3, username: "dana" }, { name: "dana", email: null }],
    ["a user id (Label Studio's own exports)", 3, null],
  ])("reads completed_by as %s", (_name, completedBy, author) => {
    const { documents } = readLabelStudio(task([region({ start, end, labels: ["Doubt"] })], { completed_by: completedBy }));
    expect(documents[0]!.spans[0]!.author).toEqual(author);
  });

  it("joins the results of one region across label controls, and reads its comment", () => {
    const { documents } = readLabelStudio([
      task([
        region({ start, end, labels: ["Doubt"] }, { from_name: "persuasion-techniques", meta: { text: ["Why?"] } }),
        region({ start, end, labels: ["Labeling"] }, { from_name: "framing-devices" }),
      ]),
    ]);
    expect(documents[0]!.spans).toHaveLength(1);
    expect(documents[0]!.spans[0]!.tags).toEqual([
      { name: "Doubt", group: "persuasion-techniques" },
      { name: "Labeling", group: "framing-devices" },
    ]);
    expect(documents[0]!.spans[0]!.comment).toBe("Why?");
  });

  it("skips what is not a labelled span, saying why", () => {
    const { documents, skipped } = readLabelStudio([
      { ...task([{ id: "c", type: "choices", value: { choices: ["Biased"] } }]), predictions: [{ result: [] }] },
      { id: 8, data: { image: "https://x.example/1.jpg" }, annotations: [] },
      task([region({ start, end, labels: ["Doubt"] })], { was_cancelled: true }),
    ]);
    expect(documents.flatMap((d) => d.spans)).toEqual([]);
    expect(skipped).toEqual([
      { where: "$[0].predictions", reason: "predictions are a model's suggestions, not annotations" },
      { where: "$[0].annotations[0].result[0]", reason: "results of type “choices” are not imported (only `labels` spans)" },
      { where: "$[1]", reason: "it has no `data.text`: only text tasks are imported" },
      { where: "$[2].annotations[0]", reason: "it was skipped (cancelled) in Label Studio" },
    ]);
  });

  it.each([
    ["code-point offsets (a quote that does not match)", region({ start: start - 1, end: end - 1, text: quote, labels: ["Doubt"] }), "$[0].annotations[0].result[0].value.text", /counts offsets in UTF-16/],
    ["an end past the text", region({ start: 0, end: ASTRAL_TEXT.length + 1, labels: ["Doubt"] }), "$[0].annotations[0].result[0].value", /does not fit the text/],
    ["labels that are not names", region({ start, end, labels: "Doubt" }), "$[0].annotations[0].result[0].value.labels", /list of label names/],
  ])("refuses %s", (_name, result, where, message) => {
    const problem = refusal(() => readLabelStudio([task([result])]));
    expect(problem.where).toBe(where);
    expect(problem.message).toMatch(message);
  });
});

describe("writeLabelStudio", () => {
  it("writes one annotation per reviewer with UTF-16 offsets, and reads back to the same spans, tags and reviewers", () => {
    const doc = labelledDocument([
      documentSpan({ tags: [{ name: "Loaded language", tagSet: "Persuasion techniques" }, { name: "Labeling", tagSet: "Framing devices" }], comment: "Charged." }),
      documentSpan({ id: "ann2", start: 0, end: 5, author: { name: "Ravi Reviewer", email: null }, tags: [{ name: "Doubt", tagSet: "Persuasion techniques" }] }),
    ]);
    const [written] = writeLabelStudio([doc]) as { data: unknown; annotations: { completed_by: unknown; result: { from_name: string; value: unknown }[] }[] }[];
    expect(written!.data).toEqual({ text: ASTRAL_TEXT, title: "Storm hits", source: "111111111" });
    expect(written!.annotations.map((a) => a.completed_by)).toEqual([
      { id: 1, email: "dana@example.org", first_name: "Dana Demo", last_name: "" },
      { id: 2, email: null, first_name: "Ravi Reviewer", last_name: "" },
    ]);
    expect(written!.annotations[0]!.result.map((r) => [r.from_name, r.value])).toEqual([
      ["persuasion-techniques", { start, end, text: quote, labels: ["Loaded language"] }],
      ["framing-devices", { start, end, text: quote, labels: ["Labeling"] }],
    ]);
    const back = readLabelStudio(JSON.parse(JSON.stringify([written]))).documents[0]!;
    expect(back.spans.map((s) => [s.start, s.end, s.tags, s.author, s.comment])).toEqual([
      [start, end, [{ name: "Loaded language", group: "persuasion-techniques" }, { name: "Labeling", group: "framing-devices" }], { name: "Dana Demo", email: "dana@example.org" }, "Charged."],
      [0, 5, [{ name: "Doubt", group: "persuasion-techniques" }], { name: "Ravi Reviewer", email: null }, null],
    ]);
  });
});
