import { describe, expect, it } from "vitest";
import { findDefaultTag, TAXONOMY_SET_KEYS, getDefaultTagSet } from "@/lib/domain/taxonomy";
import { readDocument } from "./document";
import { DEFAULT_LEXICON, matchLexicon, type Lexicon } from "./lexicon";

const setKey = (name: string) => TAXONOMY_SET_KEYS.find((key) => getDefaultTagSet(key).name === name);

describe("the default lexicon", () => {
  it("proposes only tags of the default taxonomy, by their exact set and tag names", () => {
    for (const [id, category] of Object.entries(DEFAULT_LEXICON.categories)) {
      for (const { set, tag } of category.propose) {
        const key = setKey(set);
        expect(key, `${id}: set ${set}`).toBeDefined();
        expect(findDefaultTag(key!, tag), `${id}: ${set} / ${tag}`).toBeDefined();
      }
    }
  });

  it("gives every entry a known category, a note and at most one entry per term", () => {
    const terms = new Set<string>();
    for (const entry of DEFAULT_LEXICON.entries) {
      expect(DEFAULT_LEXICON.categories[entry.category], entry.term).toBeDefined();
      expect(entry.note.length, entry.term).toBeGreaterThan(5);
      expect(terms.has(entry.term.toLowerCase()), entry.term).toBe(false);
      terms.add(entry.term.toLowerCase());
    }
  });
});

describe("matchLexicon", () => {
  const found = (text: string, lexicon: Lexicon = DEFAULT_LEXICON) => matchLexicon(readDocument(text), lexicon).map((m) => text.slice(m.start, m.end));

  it.each([
    ["a word in another inflection", "Both regimes denied it.", ["regimes"]],
    ["a verb in the past tense", "Soldiers slaughtered the herd.", ["slaughtered"]],
    ["a hyphenated phrase", "The so-called deal collapsed.", ["so-called"]],
    ["a phrase in another tense", "The envoys were believed to be in Oslo.", ["were believed to"]],
    ["capitals at the start of a sentence", "Massive crowds gathered.", ["Massive"]],
    ["nothing in neutral wording", "The government said the strike killed two people.", []],
    ["a part of speech the entry excludes", "Tanks were crushing the cars after a crushing defeat.", ["crushing"]],
    ["a spaced term written with a hyphen", "The fat-cat bosses called it a witch-hunt.", ["fat-cat", "witch-hunt"]],
    ["a spaced term, not words a spaced hyphen joins", "The fat - cat line and a witch -hunt failed.", []],
    ["a hyphenated term, not written with a space", "They cover up the hole and set up a so called fund.", []],
  ])("finds %s", (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it("does not match across sentences", () => {
    expect(found("They spoke of the so. Called it off.")).toEqual([]);
  });

  it("takes a workspace's own lexicon instead of the default", () => {
    const lexicon: Lexicon = {
      name: "test",
      version: 1,
      about: "",
      categories: { mine: { description: "", propose: [{ set: "Framing devices", tag: "Loaded language" }], confidence: 0.9 } },
      entries: [{ term: "flood barrier", category: "mine", note: "test entry" }],
    };
    expect(found("The flood barriers failed; the regime fell.", lexicon)).toEqual(["flood barriers"]);
  });

  it.each([
    ["a word after the term that makes it plain", "A handout photo and a handout to the banks.", ["handout"]],
    ["a word before the term that makes it plain", "She felt bloated; the agency is bloated.", ["bloated"]],
    ["the exception only right beside the term", "The handout, a photo, and the bloated, felt budget.", ["handout", "bloated"]],
    ["the exception only within the sentence", "They felt. Bloated budgets followed.", ["Bloated"]],
  ])("keeps an entry out where %s", (_name, text, expected) => {
    const lexicon: Lexicon = {
      name: "test",
      version: 1,
      about: "",
      categories: { mine: { description: "", propose: [{ set: "Framing devices", tag: "Loaded language" }], confidence: 0.9 } },
      entries: [
        { term: "handout", category: "mine", note: "test entry", notFollowedBy: ["photo"] },
        { term: "bloated", category: "mine", note: "test entry", notPrecededBy: ["feel"] },
      ],
    };
    expect(found(text, lexicon)).toEqual(expected);
  });

  it("rejects an entry whose category is missing", () => {
    const lexicon: Lexicon = { name: "bad", version: 1, about: "", categories: {}, entries: [{ term: "x", category: "nope", note: "" }] };
    expect(() => matchLexicon(readDocument("x"), lexicon)).toThrow(/unknown category "nope"/);
  });
});
