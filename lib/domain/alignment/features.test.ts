import { describe, expect, it } from "vitest";
import { derivationBase, isHeading, isProse, lemma, sourceFeatures, statedCounts, wordFeatures } from "./features";
import { nameKey } from "./names";
import { segmentSentences } from "./sentences";

const keys = (m: ReadonlyMap<string, number>) => [...m.keys()];
const features = (text: string) => sourceFeatures(text, segmentSentences(text));

describe("lemma", () => {
  it.each([
    ["killed", "kill"],
    ["struck", "strike"],
    ["children", "child"],
    ["went", "go"],
    ["rallies", "rally"],
    ["held", "hold"],
    ["dam", "dam"],
  ])("%s -> %s", (word, expected) => {
    expect(lemma(word)).toBe(expected);
  });
});

describe("derivationBase", () => {
  it.each([
    ["closure", "close"],
    ["evacuation", "evacuate"],
    ["inspection", "inspect"],
    ["examination", "examine"],
    ["information", "inform"],
    ["suspension", "suspend"],
    ["decision", "decide"],
    ["discussion", "discuss"],
    ["competition", "compete"],
    ["assessment", "assess"],
    ["removal", "remove"],
    ["proposal", "propose"],
    ["denial", "deny"],
    ["injury", "injure"],
    ["inquiry", "inquire"],
    ["recovery", "recover"],
    ["failure", "fail"],
  ])("%s -> %s", (noun, verb) => {
    expect(derivationBase(noun)).toBe(verb);
  });

  it.each(["department", "station", "nation", "position", "tradition", "creature", "question", "million", "region", "official", "festival", "army", "trial", "crowd"])(
    "%s is not derived from a verb",
    (word) => {
      expect(derivationBase(word)).toBeNull();
    },
  );

  it.each([
    ["closure", "closed"],
    ["evacuation", "evacuated"],
    ["injuries", "injured"],
    ["suspension", "suspended"],
  ])("%s and %s share their word feature", (a, b) => {
    const words = (w: string) => [...wordFeatures(w).keys()].filter((k) => k.startsWith("w:"));
    expect(words(a)).toEqual(words(b));
  });
});

describe("isProse", () => {
  it.each([
    ["The dam broke.", true],
    ["Fish prices rose sharply.", true],
    ["Thousands in Port Erren mark the anniversary", true],
    ["Middle East, drone strike, Port Erren, Kessel", false],
    ["15:32 GMT 03 January 2021", false],
    ["Kesselford, 2 January 2021.", false],
    ["Photo", false],
  ])("%s -> %s", (text, expected) => {
    expect(isProse(text)).toBe(expected);
  });
});

describe("isHeading", () => {
  const heading = (text: string, line: string) => {
    const start = text.indexOf(line);
    return isHeading(text, { start, end: start + line.length });
  };
  it.each([
    ["a title line", "Dam bursts above Port Erren\n\nThe Kessel Dam collapsed on Monday.", "Dam bursts above Port Erren", true],
    ["a subheading between paragraphs", "The dam broke.\nA town under water\nFive people died.", "A town under water", true],
    ["a sentence on its own line", "Dam bursts\nThe Kessel Dam collapsed on Monday.\n", "The Kessel Dam collapsed on Monday.", false],
    ["a sentence inside a paragraph", "The dam broke. Five people died in the town\n", "Five people died in the town", false],
    ["a line ending with a colon", "The minister said:\nWe will rebuild.", "The minister said:", false],
  ])("%s", (_name, text, line, expected) => {
    expect(heading(text, line)).toBe(expected);
  });
});

describe("sourceFeatures", () => {
  it("links a surname mentioned alone to the full name in the same source", () => {
    const [first, second] = features("Commander Qasem Halabi visited the dam.\nHalabi ordered an inquiry.");
    expect(keys(second!)).toEqual(expect.arrayContaining(keys(first!).filter((k) => k.startsWith("nm:") || k.startsWith("ng:"))));
  });

  it("links 'the commander' to the name the source introduced with that title", () => {
    const [, second] = features("Commander Qasem Halabi visited the dam.\nThe commander ordered an inquiry.");
    expect(keys(second!)).toContain(`nm:${nameKey("Halabi")}`);
  });

  it("links a sentence opening with a pronoun to the person last named", () => {
    const [, second] = features("Qasem Halabi visited the dam.\nHe ordered an inquiry.");
    expect(keys(second!)).toContain(`nm:${nameKey("Halabi")}`);
  });

  it("links a pronoun to the last person named, not to a place or country named after", () => {
    const [, , third] = features("Qasem Halabi visited the dam.\nThe flood reached villages bordering Kessel.\nHis deputy ordered an inquiry.");
    expect(keys(third!)).toContain(`nm:${nameKey("Halabi")}`);
    expect(keys(third!)).not.toContain(`nm:${nameKey("Kessel")}`);
  });

  it("treats a capitalised sentence opener as a word unless the source capitalises it elsewhere", () => {
    const [first] = features("Rescuers reached Port Erren at dawn.");
    expect(keys(first!)).toContain("w:rescu");
    expect(keys(first!)).toContain(`nm:${nameKey("Erren")}`);
    expect(keys(first!)).toContain("w:port");
  });

  it("reads numbers across words and dates in any format", () => {
    const [first] = features("Three hundred homes were lost on 2020-01-03.");
    expect(keys(first!)).toEqual(expect.arrayContaining(["n:300", "d:1-3", "n:2020"]));
  });

  it("gives a country one key however it is written", () => {
    const [a, b, c] = features("The US embassy closed.\nThe U.S. embassy closed.\nThe United States embassy closed.");
    expect(keys(a!)).toEqual(keys(b!));
    expect(keys(b!)).toEqual(keys(c!));
  });
});

describe("sourceFeatures: one name keyed alike however a source writes it", () => {
  const names = (m: ReadonlyMap<string, number>) => keys(m).filter((k) => k.startsWith("nm:") || k.startsWith("ng:") || k.startsWith("t:")).sort();
  const nameKeys = (...words: string[]) => words.map((w, i) => (i === words.length - 1 ? `nm:${nameKey(w)}` : `ng:${nameKey(w)}`)).sort();
  it.each([
    [
      "a many-word name whose words the source also writes in lower case",
      "Rail safety is a transport issue.\nThe Transport Safety Board sent a team.",
      1,
      nameKeys("Transport", "Safety", "Board"),
    ],
    ["the same name where no word of it is written in lower case", "The Transport Safety Board sent a team.", 0, nameKeys("Transport", "Safety", "Board")],
    ["a place's possessive opening a sentence", "Crowds gathered in Dunmore.\nDunmore's mayor spoke.", 1, [`nm:${nameKey("Dunmore")}`]],
    ["a capital word after a dateline's dash, not a name", "DUNMORE, 4 May 2026 — Seven people were hurt in Dunmore.", 0, [`nm:${nameKey("Dunmore")}`]],
    ["a title word ending a place's name (a hospital), no title", "Nine were taken to Dunmore General.", 0, [`nm:${nameKey("Dunmore")}`]],
    ["a title word before a name stays a title", "General Ada Voss arrived.", 0, [...nameKeys("Ada", "Voss"), "t:general"].sort()],
  ])("%s", (_name, text, index, expected) => {
    expect(names(features(text)[index]!)).toEqual(expected);
  });

  it("reads a number word after a dateline's dash as a number", () => {
    const [first] = features("DUNMORE, 4 May 2026 — One person died.");
    expect(keys(first!)).toContain("n:1");
  });
});

describe("statedCounts", () => {
  it.each([
    ["Twenty-three people died and nine are missing.", [23, 9]],
    ["Some 1,800 dock workers walked out.", [1800]],
    ["eighteen hundred workers walked out", [1800]],
    ["One person was killed.", [1]],
    ["one of the oldest bridges", []],
    ["the second anniversary of the strike", []],
    ["on its 5th day", []],
    ["The bridge opened in 1971.", []],
    ["on 3 January 2020, at 14 March", []],
    ["a 20-metre span fell eight metres", []],
    ["winds of 90 km/h and 4 tonnes of debris", []],
    ["a 9 per cent pay rise", [9]],
  ])("%s", (text, counts) => {
    expect(statedCounts(text)).toEqual(counts);
  });
});

