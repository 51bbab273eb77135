import { describe, expect, it } from "vitest";
import { DEFAULT_LEXICON } from "@/lib/domain/analysis";
import { ZAnalysisLexicon } from "./analysis-lexicon";

const minimal = {
  name: "Newsroom list",
  version: 3,
  about: "",
  categories: { "house-terms": { description: "", propose: [{ set: "Framing devices", tag: "Euphemism" }], confidence: 0.6 } },
  entries: [{ term: "rightsizing", category: "house-terms", note: "softens job cuts" }],
};

describe("ZAnalysisLexicon", () => {
  it("accepts the shipped default lexicon", () => {
    expect(ZAnalysisLexicon.safeParse(DEFAULT_LEXICON).success).toBe(true);
  });

  it("accepts a workspace's own small list", () => {
    expect(ZAnalysisLexicon.parse(minimal)).toEqual(minimal);
  });

  it("keeps an entry's words that make it plain", () => {
    const entry = { term: "handout", category: "house-terms", note: "a subsidy as charity", notFollowedBy: ["photo"], notPrecededBy: ["press"] };
    expect(ZAnalysisLexicon.parse({ ...minimal, entries: [entry] }).entries).toEqual([entry]);
  });

  it.each([
    ["a tag the default taxonomy lacks", { ...minimal, categories: { "house-terms": { ...minimal.categories["house-terms"], propose: [{ set: "Framing devices", tag: "Spin" }] } } }, "not a tag of that set"],
    ["an entry of an undefined category", { ...minimal, entries: [{ term: "x", category: "nope", note: "n" }] }, "does not define"],
    ["a confidence above 1", { ...minimal, categories: { "house-terms": { ...minimal.categories["house-terms"], confidence: 1.5 } } }, ""],
    ["a category name with spaces", { ...minimal, categories: { "House terms": minimal.categories["house-terms"] } }, "kebab-case"],
    ["an entry without a note", { ...minimal, entries: [{ term: "x", category: "house-terms", note: " " }] }, ""],
  ])("rejects %s", (_name, input, message) => {
    const result = ZAnalysisLexicon.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});
