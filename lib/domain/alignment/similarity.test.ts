import { describe, expect, it } from "vitest";
import { buildIdf, DEFAULT_MIN_SCORE, similarity, sumFeatures } from "./similarity";

// Hand-written sentences about an invented event (a dam collapse in a fictional town).
const KILLED = "At least 14 people were killed when the Kessel Dam collapsed on 12 March 2024.";
const PARAPHRASE = "The Kessel dam gave way on March 12, 2024; fourteen people died, officials said.";
const UNRELATED = "Fuel prices rose again in the capital, and traders blamed a weak currency.";

describe("similarity", () => {
  it.each([
    { name: "identical", a: KILLED, b: KILLED, expected: 1 },
    { name: "same words, other case and punctuation", a: "Officials said the dam collapsed!", b: "officials said: the dam — collapsed", expected: 1 },
    { name: "nothing in common", a: "The dam collapsed.", b: "Fuel prices rose.", expected: 0 },
    { name: "empty", a: "", b: KILLED, expected: 0 },
    { name: "both empty", a: "", b: "", expected: 0 },
    { name: "only stop words", a: "and then there were", b: "And then there were", expected: 0 },
    { name: "one shared name is a topic, not a fact", a: "This is Kesselford.", b: "Traders in Kesselford closed their shops.", expected: 0 },
    { name: "two shared names and no act in common", a: "Marta Vell met Oskar Brun.", b: "Oskar Brun praised Marta Vell.", expected: 0 },
  ])("$name", ({ a, b, expected }) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 6);
  });

  it("is symmetric and within [0, 1]", () => {
    const texts = [KILLED, PARAPHRASE, UNRELATED, "Qassem Soleimani", "Qasem Suleimani", "", "14 14 14"];
    for (const a of texts) {
      for (const b of texts) {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeCloseTo(similarity(b, a), 12);
      }
    }
  });

  it("puts a paraphrase above the minimum score and an unrelated passage at 0", () => {
    expect(similarity(KILLED, PARAPHRASE)).toBeGreaterThan(DEFAULT_MIN_SCORE);
    expect(similarity(KILLED, UNRELATED)).toBe(0);
  });

  // Each case: a sentence, one that says the same in other words, and a control that
  // shares as many plain words but not the point. The paraphrase must score higher.
  it.each([
    {
      name: "synonyms of the act (WordNet verbs)",
      a: "Gunmen killed the envoy in Port Erren on Friday.",
      same: "Gunmen assassinated the envoy in Port Erren on Friday.",
      other: "Gunmen greeted the envoy in Port Erren on Friday.",
    },
    {
      name: "synonyms of the event (curated nouns)",
      a: "The air strike on the depot destroyed two trucks.",
      same: "The air raid on the depot destroyed two trucks.",
      other: "The air show at the depot delighted two children.",
    },
    {
      name: "lemmas of irregular forms",
      a: "Rebels struck the convoy and children fled.",
      same: "Rebels strike the convoy as a child flees.",
      other: "Rebels stopped the convoy and soldiers waited.",
    },
    {
      name: "number words and digits",
      a: "Five soldiers and 300 civilians were evacuated.",
      same: "5 soldiers and three hundred civilians were evacuated.",
      other: "Soldiers and civilians were evacuated.",
    },
    {
      name: "dates in other formats",
      a: "The talks opened on 3 January 2020 in Geneva.",
      same: "The talks opened in Geneva on 2020-01-03.",
      other: "The talks opened in Geneva on 9 May 2021.",
    },
    {
      name: "month abbreviation and day first",
      a: "Voting ends on Jan. 3 in Tarsel.",
      same: "Voting in Tarsel ends on the 3rd of January.",
      other: "Voting in Tarsel ends in spring.",
    },
    {
      name: "a transliterated name",
      a: "Qassem Soleimani met the envoy in Damascus.",
      same: "Qasem Suleimani met the envoy in Damascus.",
      other: "Boris Lund met the envoy in Damascus.",
    },
    {
      name: "a transliterated name with the article",
      a: "The commander Abu Mahdi al-Muhandis was buried in Najaf.",
      same: "The commander Abu Mahdi Al Mohandes was buried in Najaf.",
      other: "The commander Karim Batu was buried in Najaf.",
    },
    {
      name: "an agent noun and its verb",
      a: "Rescuers reached the village at dawn.",
      same: "They rescued the village at dawn.",
      other: "They reinforced the village at dawn.",
    },
    {
      name: "a nominalisation and its verb (derivation)",
      a: "The council ordered the closure of the Tarsel bridge.",
      same: "The council closed the Tarsel bridge.",
      other: "The council painted the Tarsel bridge.",
    },
  ])("$name", ({ a, same, other }) => {
    expect(similarity(a, same)).toBeGreaterThan(similarity(a, other));
  });

  it.each([
    { name: "two shared names and a synonym of the act", a: "Marta Vell killed Oskar Brun.", b: "Oskar Brun was assassinated by Marta Vell.", linked: true },
    { name: "two shared names and unrelated acts", a: "Marta Vell met Oskar Brun.", b: "Oskar Brun praised Marta Vell.", linked: false },
    { name: "one shared name and a synonym of the act", a: "Marta Vell killed a guard.", b: "A soldier was assassinated by Marta Vell.", linked: false },
  ])("names-only pairs: $name", ({ a, b, linked }) => {
    expect(similarity(a, b) > 0).toBe(linked);
  });

  it("sets apart passages that pin different days, however alike the wording", () => {
    const a = "Crowds marked the first anniversary of the flood in Port Erren.";
    expect(similarity(a, "Crowds marked the third anniversary of the flood in Port Erren.")).toBeLessThan(similarity(a, "Crowds marked the 1st anniversary of the flood in Port Erren."));
    const dated = "Crowds gathered in Port Erren on 2 January 2021.";
    expect(similarity(dated, "Crowds gathered in Port Erren on 2 January 2023.")).toBeLessThan(similarity(dated, "Crowds gathered in Port Erren on January 2, 2021."));
  });

  it("with a corpus, a word found in every document counts less than a rare one", () => {
    const corpus = [
      "Port Erren mourns its dead.",
      "Port Erren rebuilds its bridge.",
      "Port Erren market reopens.",
      "Port Erren school closes.",
      "A helicopter crashed near the coast.",
    ];
    const sharedCommon = similarity("Port Erren bridge closed", "Port Erren market closed", { corpus });
    const sharedRare = similarity("helicopter bridge closed", "helicopter market closed", { corpus });
    expect(sharedRare).toBeGreaterThan(sharedCommon);
    // The same, with an IDF table built once.
    const table = buildIdf(corpus);
    expect(similarity("Port Erren bridge closed", "Port Erren market closed", { corpus: table })).toBeCloseTo(sharedCommon, 12);
  });
});

describe("sumFeatures", () => {
  const a = new Map([["w:dam", 1], ["n:5", 1]]);
  const b = new Map([["w:dam", 2], ["w:town", 1]]);
  it.each([
    ["without weights", undefined, { "w:dam": 3, "n:5": 1, "w:town": 1 }],
    ["with a weight per part", [1, 0.5], { "w:dam": 2, "n:5": 1, "w:town": 0.5 }],
  ])("%s", (_name, weights, expected) => {
    expect(Object.fromEntries(sumFeatures([a, b], weights))).toEqual(expected);
  });
});
