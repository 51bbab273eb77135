import { describe, expect, it } from "vitest";
import { compareTerms, termLabel, termSlots, termsAgainstBase, type TermPair } from "./term-pairs";

/** Pairs as [kind, base words, other words], "" where a side says nothing. */
const flat = (pairs: TermPair[]) => pairs.map((p) => [p.kind, p.base?.text ?? "", p.other?.text ?? ""]);

describe("compareTerms", () => {
  it.each([
    { name: "identical", base: "The ferry left at noon.", other: "The ferry left at noon.", pairs: [] },
    { name: "case, punctuation and quote style only", base: "The ferry “left” at noon.", other: "the ferry \"left\" at noon!", pairs: [] },
    { name: "inflection only (stemming)", base: "Rebels attacked the depot.", other: "Rebel attacks on the depot.", pairs: [] },
    { name: "number word against digits", base: "Forty people were evacuated.", other: "40 people were evacuated.", pairs: [] },
    {
      name: "one word replaced",
      base: "The killing of the general sparked protests.",
      other: "The martyrdom of the general sparked protests.",
      pairs: [["replaced", "killing", "martyrdom"]],
    },
    {
      name: "a phrase replaced, function words trimmed",
      base: "Valdoria's illegal assassination of the envoy",
      other: "a decisive defensive action against the envoy",
      pairs: [["replaced", "Valdoria's illegal assassination", "decisive defensive action"]],
    },
    {
      name: "a shared function word splits two changes",
      base: "He was killed in a coastal drone strike on Friday.",
      other: "He died in Valdoria's unlawful assassination on Friday.",
      pairs: [
        ["replaced", "killed", "died"],
        ["replaced", "coastal drone strike", "Valdoria's unlawful assassination"],
      ],
    },
    { name: "an adjective added", base: "The mayor spoke at the harbour.", other: "The embattled mayor spoke at the harbour.", pairs: [["added", "", "embattled"]] },
    {
      name: "a clause left out",
      base: "Two people were hurt and later released.",
      other: "Two people were hurt.",
      pairs: [["omitted", "later released", ""]],
    },
    { name: "pure function-word difference dropped", base: "He walked to the harbour.", other: "He walked to a harbour.", pairs: [] },
    { name: "negation is never trimmed away", base: "The gate closed in time.", other: "The gate had not closed in time.", pairs: [["added", "", "not"]] },
    {
      name: "reporting verb against another",
      base: "The union said staffing was cut.",
      other: "The union claimed staffing was cut.",
      pairs: [["replaced", "said", "claimed"]],
    },
    {
      name: "accents and transliteration-free names anchor",
      base: "Le ministre a été reçu à Genève hier.",
      other: "Le ministre a ete recu a Geneve mardi.",
      pairs: [["replaced", "hier", "mardi"]],
    },
    {
      name: "Arabic script",
      base: "قال القائد قاسم اليوم",
      other: "قال الجنرال قاسم اليوم",
      pairs: [["replaced", "القائد", "الجنرال"]],
    },
  ])("$name", ({ base, other, pairs }) => {
    expect(flat(compareTerms(base, other).pairs)).toEqual(pairs);
  });

  it("names the words of a paraphrase instead of calling it entirely different", () => {
    const result = compareTerms(
      "A sluice on the northern dam burst during the spring flood.",
      "Officials described the incident as an unplanned water release.",
    );
    expect(result.paraphrased).toBe(true);
    expect(result.sharedWords).toBe(0);
    expect(result.pairs).toHaveLength(1);
    const [pair] = result.pairs;
    expect(pair!.kind).toBe("paraphrased");
    expect(pair!.base!.groups).toEqual(["sluice", "northern dam burst", "spring flood"]);
    expect(pair!.other!.groups).toEqual(["Officials described", "incident", "unplanned water release"]);
  });

  it("in a paraphrase, a shared name still pairs what stands before it and after it", () => {
    const result = compareTerms(
      "Rioters stormed Port Erren overnight, burning cars and shops everywhere.",
      "Peaceful marchers reached Port Erren at dawn to demand answers from officials.",
    );
    expect(result.paraphrased).toBe(false);
    expect(flat(result.pairs)).toEqual([
      ["replaced", "Rioters stormed", "Peaceful marchers reached"],
      ["replaced", "overnight, burning cars and shops everywhere", "dawn to demand answers from officials"],
    ]);
  });

  it("offsets point at the words in each passage", () => {
    const base = "😀 The killing of the general.";
    const other = "Thé martyrdom of the general!";
    const [pair] = compareTerms(base, other).pairs;
    expect(base.slice(pair!.base!.start, pair!.base!.end)).toBe("killing");
    expect(other.slice(pair!.other!.start, pair!.other!.end)).toBe("martyrdom");
  });

  it("empty passages", () => {
    expect(flat(compareTerms("", "Dozens were hurt.").pairs)).toEqual([["added", "", "Dozens were hurt"]]);
    expect(compareTerms("", "").pairs).toEqual([]);
  });

  it("long passages still pair words (diff-match-patch anchors past the exact alignment's size)", () => {
    const filler = Array.from({ length: 600 }, (_, i) => `word${i}`).join(" ");
    const result = compareTerms(`${filler} the rebels retreated`, `${filler} the fighters retreated`);
    expect(flat(result.pairs)).toEqual([["replaced", "rebels", "fighters"]]);
  });
});

describe("termsAgainstBase", () => {
  const passages = [
    { id: "north", text: "The killing of the general sparked protests." },
    { id: "south", text: "The assassination of the general sparked protests." },
    { id: "east", text: "The martyrdom of the general sparked mourning." },
  ];

  it.each([
    { base: "north", expected: { south: [["replaced", "killing", "assassination"]], east: [["replaced", "killing", "martyrdom"], ["replaced", "protests", "mourning"]] } },
    { base: "east", expected: { north: [["replaced", "martyrdom", "killing"], ["replaced", "mourning", "protests"]], south: [["replaced", "martyrdom", "assassination"], ["replaced", "mourning", "protests"]] } },
  ])("against $base", ({ base, expected }) => {
    const result = termsAgainstBase(passages, base);
    expect(Object.fromEntries(result.map((r) => [r.id, flat(r.pairs)]))).toEqual(expected);
  });

  it("an unknown base gives nothing", () => {
    expect(termsAgainstBase(passages, "west")).toEqual([]);
  });
});

describe("termSlots (each against all)", () => {
  const slotTexts = (slots: ReturnType<typeof termSlots>) =>
    slots.map((s) => Object.fromEntries(s.wordings.map((w) => [w.id, w.spans.map((x) => x.text).join(" … ")])));

  it("merges the pairs of every two passages into one place per difference", () => {
    const slots = termSlots([
      { id: "north", text: "The killing of the general sparked protests." },
      { id: "south", text: "The assassination of the general sparked protests." },
      { id: "east", text: "The martyrdom of the general sparked mourning." },
    ]);
    expect(slotTexts(slots)).toEqual([
      { north: "killing", south: "assassination", east: "martyrdom" },
      { north: "protests", south: "protests", east: "mourning" },
    ]);
    expect(slots.every((s) => !s.paraphrased)).toBe(true);
  });

  it("keeps an addition a place of its own, with the passages that say nothing there", () => {
    const slots = termSlots([
      { id: "a", text: "The mayor spoke at the harbour." },
      { id: "b", text: "The embattled mayor spoke at the harbour." },
      { id: "c", text: "The mayor spoke at the old harbour." },
    ]);
    expect(slotTexts(slots)).toEqual([
      { a: "", b: "embattled", c: "" },
      { a: "", b: "", c: "old" },
    ]);
  });

  it("lists paraphrasing pairs after the close ones, labelled, merged through the paraphrasing passage's words", () => {
    const slots = termSlots([
      { id: "a", text: "The killing of the general sparked protests." },
      { id: "b", text: "The assassination of the general sparked protests." },
      { id: "c", text: "Crowds mourned a martyr in every square." },
    ]);
    expect(slots[0]).toMatchObject({ paraphrased: false });
    expect(slotTexts([slots[0]!])).toEqual([{ a: "killing", b: "assassination" }]);
    expect(slots).toHaveLength(2);
    expect(slots[1]!.paraphrased).toBe(true);
    expect(slots[1]!.wordings.map((w) => [w.id, w.spans.map((x) => x.groups)])).toEqual([
      ["a", [["killing", "general sparked protests"]]],
      ["b", [["assassination", "general sparked protests"]]],
      ["c", [["Crowds mourned", "martyr", "every square"]]],
    ]);
  });

  it("a single passage has no places", () => {
    expect(termSlots([{ id: "a", text: "Only one outlet reports this." }])).toEqual([]);
  });
});

describe("termLabel", () => {
  it.each([
    { name: "nothing", span: null, paraphrased: false, label: "" },
    { name: "short words as they are", span: { start: 0, end: 7, text: "killing", groups: ["killing"] }, paraphrased: false, label: "killing" },
    {
      name: "long words cut",
      span: { start: 0, end: 0, text: "one two three four five six seven eight nine ten", groups: [] },
      paraphrased: false,
      label: "one two three four five six seven eight …",
    },
    {
      name: "a paraphrase by its groups",
      span: { start: 0, end: 0, text: "sluice on the northern dam burst", groups: ["sluice", "northern dam burst"] },
      paraphrased: true,
      label: "sluice · northern dam burst",
    },
  ])("$name", ({ span, paraphrased, label }) => {
    expect(termLabel(span, paraphrased)).toBe(label);
  });
});
