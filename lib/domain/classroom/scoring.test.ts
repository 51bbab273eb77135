import { describe, expect, it } from "vitest";
import { NO_VALUE, tokenUnits, type LabeledSpan } from "@/lib/domain/agreement";
import { classHeatMap, confusionWithKey, scoreAgainstKey, scoreOf } from "./scoring";

//            0         1         2         3         4
//            0123456789012345678901234567890123456789012345
const text = "The regime claimed a decisive victory over rebels";
const units = tokenUnits(text); // The regime claimed a decisive victory over rebels (8 words)
const span = (words: string, value: string): LabeledSpan => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, value });

describe("scoreOf", () => {
  it.each([
    ["perfect", 4, 4, 4, { precision: 1, recall: 1, f1: 1 }],
    ["half of what was tagged is right", 2, 4, 2, { precision: 0.5, recall: 1, f1: 2 / 3 }],
    ["found half the key", 2, 2, 4, { precision: 1, recall: 0.5, f1: 2 / 3 }],
    ["nothing right", 0, 3, 3, { precision: 0, recall: 0, f1: 0 }],
    ["tagged nothing, key has words", 0, 0, 3, { precision: null, recall: 0, f1: 0 }],
    ["tagged words, empty key", 0, 3, 0, { precision: 0, recall: null, f1: 0 }],
    ["both empty", 0, 0, 0, { precision: null, recall: null, f1: null }],
  ])("%s", (_name, matched, answered, expected, figures) => {
    const score = scoreOf(matched, answered, expected);
    expect(score.precision).toBe(figures.precision);
    expect(score.recall).toBe(figures.recall);
    if (figures.f1 === null) expect(score.f1).toBeNull();
    else expect(score.f1).toBeCloseTo(figures.f1, 10);
  });
});

describe("scoreAgainstKey", () => {
  const key = [span("regime", "label"), span("decisive victory", "loaded")];

  it.each([
    ["the same spans", key, { matched: 3, answered: 3, expected: 3 }],
    ["a span that also covers a neighbour", [span("regime claimed", "label"), span("decisive victory", "loaded")], { matched: 3, answered: 4, expected: 3 }],
    ["the right words with the wrong tag", [span("regime", "loaded"), span("decisive victory", "label")], { matched: 0, answered: 3, expected: 3 }],
    ["half a word still covers it", [{ start: 6, end: 8, value: "label" }], { matched: 1, answered: 1, expected: 3 }],
    ["nothing", [], { matched: 0, answered: 0, expected: 3 }],
  ])("%s", (_name, answer, counts) => {
    expect(scoreAgainstKey([{ units, key, answer }], ["label", "loaded"]).overall).toMatchObject(counts);
  });

  it("scores each tag on its own and sums them over texts", () => {
    const other = "Rebels fled the city";
    const result = scoreAgainstKey(
      [
        { units, key, answer: [span("regime", "label")] },
        { units: tokenUnits(other), key: [{ start: 0, end: 6, value: "label" }], answer: [{ start: 0, end: 6, value: "label" }] },
      ],
      ["label", "loaded"],
    );
    expect(result.perTag).toEqual([
      { tagId: "label", ...scoreOf(2, 2, 2) },
      { tagId: "loaded", ...scoreOf(0, 0, 2) },
    ]);
    expect(result.overall).toEqual(scoreOf(2, 2, 4));
  });

  it("ignores tags outside the assignment's list", () => {
    expect(scoreAgainstKey([{ units, key, answer: [span("over rebels", "other")] }], ["label", "loaded"]).overall).toEqual(scoreOf(0, 0, 3));
  });
});

describe("classHeatMap", () => {
  it("merges neighbouring words with the same counts into runs and counts students per tag", () => {
    const runs = classHeatMap(units, [
      { coderId: "ana", spans: [span("regime", "label"), span("decisive victory", "loaded")] },
      { coderId: "ben", spans: [span("regime", "label"), span("victory", "loaded")] },
      { coderId: "cy", spans: [] },
    ]);
    expect(runs.map((r) => ({ text: text.slice(r.start, r.end), students: r.students, tags: r.tags }))).toEqual([
      { text: "regime", students: 2, tags: [{ tagId: "label", students: 2 }] },
      { text: "decisive", students: 1, tags: [{ tagId: "loaded", students: 1 }] },
      { text: "victory", students: 2, tags: [{ tagId: "loaded", students: 2 }] },
    ]);
  });

  it("keeps a student's two tags on a word apart", () => {
    const runs = classHeatMap(units, [{ coderId: "ana", spans: [span("regime claimed", "label"), span("claimed", "loaded")] }]);
    expect(runs.map((r) => [text.slice(r.start, r.end), r.students, r.tags.map((t) => t.tagId)])).toEqual([
      ["regime", 1, ["label"]],
      ["claimed", 1, ["label", "loaded"]],
    ]);
  });

  it("has nothing to show without students", () => {
    expect(classHeatMap(units, [])).toEqual([]);
  });
});

describe("confusionWithKey", () => {
  it("pairs the key's tag with each student's tag word by word, none where one side is silent", () => {
    const cells = confusionWithKey([
      {
        units,
        key: [span("regime", "label"), span("decisive victory", "loaded")],
        answers: [
          { coderId: "ana", spans: [span("regime", "loaded"), span("victory over", "loaded")] },
          { coderId: "ben", spans: [span("regime", "label")] },
        ],
      },
    ]);
    const byPair = Object.fromEntries(cells.map((c) => [`${c.keyTag}→${c.answerTag}`, c.words]));
    expect(byPair).toEqual({
      "label→loaded": 1, // ana: regime
      "label→label": 1, // ben: regime
      "loaded→none": 3, // ana missed "decisive"; ben missed both words
      "loaded→loaded": 1, // ana: victory
      [`${NO_VALUE}→loaded`]: 1, // ana: over
    });
  });
});
