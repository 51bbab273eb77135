import { describe, expect, it } from "vitest";
import { COURIER, HERALD, SOURCES, TIMES } from "./test-fixtures";
import { similarity } from "./similarity";
import { DEFAULT_MIN_SCORE } from "./similarity";
import { buildAlignmentCorpus, buildSourceIndex, suggestPassages } from "./suggest";

const sentence = (text: string, startsWith: string) => {
  const at = text.indexOf(startsWith);
  expect(at).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(".", at) + 1;
  return text.slice(at, end);
};
const bySource = (results: ReturnType<typeof suggestPassages>) => Object.fromEntries(results.map((r) => [r.sourceId, r.matches]));

describe("suggestPassages", () => {
  const casualties = sentence(HERALD, "At least 14 people");

  it("ranks the sentence reporting the same fact first in every other source", () => {
    const results = bySource(suggestPassages(casualties, SOURCES, { excludeSourceId: "herald" }));
    expect(Object.keys(results)).toEqual(["courier", "times"]);
    expect(results.courier?.[0]?.text).toBe(sentence(COURIER, "Fourteen people died"));
    expect(results.times?.[0]?.text).toBe(sentence(TIMES, "In the north"));
  });

  it("finds a transliterated name and a quote in other marks", () => {
    const passage = sentence(HERALD, "Interior Minister");
    const results = bySource(suggestPassages(passage, SOURCES, { excludeSourceId: "herald" }));
    expect(results.courier?.[0]?.text).toBe(sentence(COURIER, "Minister Halim Qasem"));
  });

  it("suggests a two-sentence window for a two-sentence passage", () => {
    const passage = `${sentence(COURIER, "The Kessel dam")} ${sentence(COURIER, "Fourteen people")}`;
    const top = bySource(suggestPassages(passage, SOURCES)).herald?.[0];
    expect(top?.text).toBe(`${sentence(HERALD, "Rescue teams")}\n${sentence(HERALD, "At least 14")}`);
  });

  it("returns offsets that match the text, scores in [0, 1], best first, at most `limit`", () => {
    for (const limit of [undefined, 1, 2, 10]) {
      for (const r of suggestPassages(casualties, SOURCES, { limit })) {
        const source = SOURCES.find((s) => s.id === r.sourceId);
        expect(r.matches.length).toBeLessThanOrEqual(limit ?? 3);
        r.matches.forEach((m, i) => {
          expect(source?.text.slice(m.start, m.end)).toBe(m.text);
          expect(m.score).toBeGreaterThan(0);
          expect(m.score).toBeLessThanOrEqual(1);
          if (i > 0) expect(m.score).toBeLessThanOrEqual(r.matches[i - 1]?.score ?? 1);
        });
      }
    }
  });

  it("gives the identical sentence a score of 1", () => {
    expect(bySource(suggestPassages(casualties, SOURCES)).herald?.[0]).toMatchObject({ text: casualties, score: 1 });
  });

  it("scores match similarity() with the corpus IDF", () => {
    const corpus = buildAlignmentCorpus(SOURCES);
    for (const r of suggestPassages(casualties, corpus, { limit: 10, allowOverlap: true })) {
      for (const m of r.matches) expect(m.score).toBeCloseTo(similarity(casualties, m.text, { corpus: corpus.idf }), 5);
    }
  });

  it("does not spend suggestion slots on passages overlapping a better one, unless asked", () => {
    const overlaps = (ms: { start: number; end: number }[]) =>
      ms.some((a, i) => ms.some((b, j) => i !== j && a.start < b.end && b.start < a.end));
    const tight = suggestPassages(casualties, SOURCES, { limit: 10 });
    expect(tight.every((r) => !overlaps(r.matches))).toBe(true);
    const loose = suggestPassages(casualties, SOURCES, { limit: 10, allowOverlap: true });
    expect(loose.some((r) => overlaps(r.matches))).toBe(true);
  });

  it("breaks ties by position, so the order is stable", () => {
    const text = "Boats were lost. Roads were closed. Boats were lost.";
    const matches = suggestPassages("Boats were lost.", [{ id: "x", text }], { limit: 3 })[0]?.matches ?? [];
    expect(matches.map((m) => [m.start, m.score])).toEqual([
      [0, 1],
      [36, 1],
    ]);
    expect(suggestPassages("Boats were lost.", [{ id: "x", text }])).toEqual(suggestPassages("Boats were lost.", [{ id: "x", text }]));
  });

  it("suggests nothing below the default minimum score", () => {
    const passage = "The central bank will meet on Thursday to discuss interest rates.";
    for (const r of suggestPassages(passage, SOURCES, { excludeSourceId: "times", limit: 10 })) {
      for (const m of r.matches) expect(m.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    }
    expect(suggestPassages(passage, SOURCES, { excludeSourceId: "times" }).every((r) => r.matches.length === 0)).toBe(true);
  });

  it("offers a clause of a long sentence, and finds matches for each clause of the picked passage", () => {
    const sources = [
      { id: "a", text: "Floods hit Port Erren on Monday; the harbour authority closed the port for a week." },
      { id: "b", text: "The harbour authority shut the port for seven days, while fishermen protested on the quay." },
    ];
    const fromA = suggestPassages("The harbour authority closed the port for a week.", sources, { excludeSourceId: "a" })[0]?.matches[0];
    expect(fromA).toMatchObject({ granularity: "clause", text: "The harbour authority shut the port for seven days," });
    const fromB = suggestPassages(sources[1]!.text, sources, { excludeSourceId: "b" })[0]?.matches[0];
    expect(fromB).toMatchObject({ granularity: "clause", text: "the harbour authority closed the port for a week." });
  });

  it("labels each match with its granularity", () => {
    for (const r of suggestPassages(casualties, SOURCES, { limit: 10, minScore: 0.01, allowOverlap: true })) {
      for (const m of r.matches) expect(["sentence", "clause", "sentences"]).toContain(m.granularity);
    }
  });

  it("honours minScore", () => {
    const results = suggestPassages(casualties, SOURCES, { minScore: 0.2, limit: 10 });
    for (const r of results) for (const m of r.matches) expect(m.score).toBeGreaterThanOrEqual(0.2);
  });

  it("accepts prebuilt source indexes and a prebuilt corpus with the same result", () => {
    const plain = suggestPassages(casualties, SOURCES);
    const indexed = suggestPassages(casualties, SOURCES.map((s) => ({ ...s, index: buildSourceIndex(s.text) })));
    const corpus = suggestPassages(casualties, buildAlignmentCorpus(SOURCES));
    expect(indexed).toEqual(plain);
    expect(corpus).toEqual(plain);
  });

  it("ignores a stale index whose text differs from the source text", () => {
    const stale = buildSourceIndex("Something else entirely.");
    const results = suggestPassages(casualties, [{ id: "courier", text: COURIER, index: stale }]);
    expect(results[0]?.matches[0]?.text).toBe(sentence(COURIER, "Fourteen people died"));
  });

  it.each([
    { name: "empty passage", passage: "", sources: SOURCES },
    { name: "stop words only", passage: "and then it was", sources: SOURCES },
    { name: "empty source", passage: casualties, sources: [{ id: "empty", text: "" }] },
  ])("no matches: $name", ({ passage, sources }) => {
    for (const r of suggestPassages(passage, sources)) expect(r.matches).toEqual([]);
  });
});
