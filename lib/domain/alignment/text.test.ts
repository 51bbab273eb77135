import { describe, expect, it } from "vitest";
import { contentTerms, fold, stem, trigramKeys, wordTokens } from "./text";

describe("fold", () => {
  it.each([
    ["Genève", "geneve"],
    ["Valdoria’s", "valdoria's"],
    ["ÉTÉ", "ete"],
    ["e\u0301te\u0301", "ete"],
  ])("%s -> %s", (input, expected) => expect(fold(input)).toBe(expected));
});

describe("stem", () => {
  it.each([
    ["strikes", "strike", true],
    ["striking", "strike", true],
    ["assassination", "assassinated", true],
    ["killed", "killing", true],
    ["militias", "militia", true],
    ["allies", "ally", true],
    ["valdoria's", "valdoria", true],
    ["need", "ne", false],
    ["kill", "kiln", false],
  ])("%s ~ %s: %s", (a, b, same) => expect(stem(a) === stem(b)).toBe(same));

  it("leaves numbers alone", () => expect(stem("2020s")).toBe("2020s"));
});

describe("contentTerms", () => {
  it("drops stop words and reporting verbs, keeps names and numbers", () => {
    expect(contentTerms("The envoy said that he was in Port Erren on 3 May 2021.")).toEqual(
      ["envoy", "port", "erren", "3", "may", "2021"].map((w) => stem(w)),
    );
  });
});

describe("wordTokens", () => {
  it("keeps offsets into the original text", () => {
    const text = "“Qasim’s  return” – 3.5 km";
    for (const t of wordTokens(text)) expect(fold(text.slice(t.start, t.end))).toBe(t.norm);
    expect(wordTokens(text).map((t) => t.norm)).toEqual(["qasim's", "return", "3.5", "km"]);
  });
});

describe("trigramKeys", () => {
  it("gives transliteration variants most trigrams in common", () => {
    const a = new Set(trigramKeys("Qassem"));
    const b = trigramKeys("Qasem");
    expect(b.filter((k) => a.has(k)).length).toBeGreaterThanOrEqual(4);
  });
});
