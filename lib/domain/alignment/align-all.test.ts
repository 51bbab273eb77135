import { describe, expect, it } from "vitest";
import { alignAll, CLAUSE_FACTOR, DEFAULT_MIN_SCORE, pairScore, SUBORDINATE_FACTOR, type AlignResult, type AlignSource } from "./align-all";
import { weigh } from "./similarity";

// Hand-written coverage of an invented event: a dam collapse in the fictional town of Port
// Erren, told by four outlets in their own words.
const HERALD: AlignSource = {
  id: "herald",
  text: [
    "Commander Qassem Halabi ordered the evacuation of Port Erren on 3 January 2020.",
    "At least five people were killed when the Kessel Dam collapsed.",
    "Halabi blamed decades of neglect by the water ministry.",
    "The mayor resigned on Friday.",
  ].join("\n"),
};
const COURIER: AlignSource = {
  id: "courier",
  text: [
    "Fish prices in the harbour rose sharply this week.",
    "The Kessel dam gave way and 5 people died, officials said.",
    "Qasem Halaby, the regional commander, had Port Erren evacuated on Jan. 3, 2020.",
    "The general said the water ministry had neglected the dam for decades.",
  ].join("\n"),
};
const TIMES: AlignSource = {
  id: "times",
  text: [
    "Evacuation orders for Port Erren came from commander Ghasem Halabi on 2020-01-03.",
    "Five residents were slain as the Kessel Dam burst.",
    "Fishermen said fish prices in the harbour had risen sharply.",
  ].join("\n"),
};
const GAZETTE: AlignSource = {
  id: "gazette",
  text: "Five people were killed when the Kessel Dam collapsed, and the mayor of Port Erren resigned on Friday.",
};

/** Each row as { source id: first words of its passage }, for readable expectations. */
function rowsOf(result: AlignResult, sources: readonly AlignSource[]) {
  return result.rows.map((row) =>
    Object.fromEntries(row.passages.flatMap((p, i) => (p ? [[sources[i]!.id, p.text.split(" ").slice(0, 3).join(" ")]] : []))),
  );
}

describe("alignAll", () => {
  const sources = [HERALD, COURIER, TIMES];
  const result = alignAll(sources);

  it("groups each fact across all sources that report it: paraphrase, synonym, transliterated name, date formats", () => {
    expect(rowsOf(result, sources)).toEqual([
      { herald: "Commander Qassem Halabi", courier: "Qasem Halaby, the", times: "Evacuation orders for" },
      { courier: "Fish prices in", times: "Fishermen said fish" },
      { herald: "At least five", courier: "The Kessel dam", times: "Five residents were" },
      { herald: "Halabi blamed decades", courier: "The general said" },
    ]);
  });

  it("leaves out of a row the source that omits the fact (null), and lists what only one source reports", () => {
    const blame = result.rows[3]!;
    expect(blame.passages[2]).toBeNull();
    expect(result.exclusives.map((e) => `${sources[e.source]!.id}: ${e.text}`)).toEqual(["herald: The mayor resigned on Friday."]);
  });

  it("puts every sentence in exactly one row or among the exclusives", () => {
    for (const [s, source] of sources.entries()) {
      const covered = [
        ...result.rows.flatMap((r) => (r.passages[s] ? [r.passages[s]!] : [])),
        ...result.exclusives.filter((e) => e.source === s),
      ].sort((a, b) => a.start - b.start);
      expect(covered.map((p) => p.text).join("\n")).toBe(source.text);
      for (const p of covered) expect(source.text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it("pairs what two sources report, not only against the first source", () => {
    // The harbour's fish prices are in the courier and the times, not in the herald.
    const fish = alignAll(sources, { minScore: DEFAULT_MIN_SCORE }).rows.find((r) => r.passages[0] === null);
    expect(fish?.passages.map((p) => p?.text.slice(0, 11) ?? null)).toEqual([null, "Fish prices", "Fishermen s"]);
  });

  it("scores each link of a row and summarises them as the row's score", () => {
    for (const row of result.rows) {
      const present = row.passages.flatMap((p, i) => (p ? [i] : []));
      expect(row.links.map((l) => [l.a, l.b])).toEqual(present.flatMap((a, k) => present.slice(k + 1).map((b) => [a, b])));
      for (const l of row.links) expect(l.score).toBeGreaterThan(0);
      const mean = row.links.reduce((sum, l) => sum + l.score, 0) / row.links.length;
      expect(row.score).toBeCloseTo(mean, 5);
    }
    expect(result.minScore).toBe(DEFAULT_MIN_SCORE);
  });

  it("orders rows in story order: by the position in the first source that reports them", () => {
    const keys = result.rows.map((r) => {
      const p = r.passages.find((x) => x !== null)!;
      return p.start / sources[p.source]!.text.length;
    });
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    const heraldStarts = result.rows.flatMap((r) => (r.passages[0] ? [r.passages[0].start] : []));
    expect(heraldStarts).toEqual([...heraldStarts].sort((a, b) => a - b));
  });

  it("proposes nothing below the minimum score", () => {
    const strict = alignAll(sources, { minScore: 0.99 });
    expect(strict.rows).toEqual([]);
    expect(strict.exclusives).toHaveLength(11);
  });

  it.each([
    ["herald and gazette", [HERALD, GAZETTE]],
    ["herald and courier", [HERALD, COURIER]],
  ])("keeps a link that scores exactly the minimum and drops it just above (%s)", (_, pair) => {
    // Two-source rows have one link: their score is the link's score.
    const [a, b] = pair as AlignSource[];
    for (const row of alignAll([a!, b!], { minScore: 0.05 }).rows) {
      const at = alignAll([a!, b!], { minScore: row.score }).rows.map((r) => r.passages.map((p) => p?.start));
      expect(at).toContainEqual(row.passages.map((p) => p?.start));
      const above = alignAll([a!, b!], { minScore: row.score + 1e-4 }).rows.map((r) => r.passages.map((p) => p?.start));
      expect(above).not.toContainEqual(row.passages.map((p) => p?.start));
    }
  });

  it("takes two sentences of one source when together they match the others better", () => {
    const split: AlignSource = { id: "split", text: "The Kessel Dam collapsed on Monday night.\nFive people were killed in the flood." };
    const whole: AlignSource = { id: "whole", text: "Five people were killed when the Kessel Dam collapsed on Monday night." };
    const [row] = alignAll([split, whole]).rows;
    expect(row?.passages[0]?.text).toBe(split.text);
  });

  it("splits long sentences into clauses when asked", () => {
    const clauses = alignAll([GAZETTE, HERALD], { granularity: "clause" });
    const texts = clauses.rows.map((r) => [r.passages[0]?.text, r.passages[1]?.text]);
    expect(texts).toContainEqual(["Five people were killed when the Kessel Dam collapsed,", "At least five people were killed when the Kessel Dam collapsed."]);
    expect(texts).toContainEqual(["and the mayor of Port Erren resigned on Friday.", "The mayor resigned on Friday."]);
  });

  it("aligns a fact told in one clause of a long sentence with a sentence telling only that fact", () => {
    const long: AlignSource = {
      id: "long",
      text: "Fish prices in the harbour rose again this week.\nThe Kessel Dam collapsed on Monday night, while engineers from three provinces were still arguing in the capital over who should pay for the repairs that the water ministry had postponed since the last election.",
    };
    const short: AlignSource = { id: "short", text: "The Kessel dam gave way on Monday night.\nTraders expect calmer markets next month." };
    const [row] = alignAll([long, short]).rows;
    expect(row?.passages.map((p) => p?.text.slice(0, 20))).toEqual(["The Kessel Dam colla", "The Kessel dam gave "]);
  });

  it("does not align headings", () => {
    const titled: AlignSource = { id: "titled", text: "Kessel Dam collapses on Monday night\n\nFish prices in the harbour rose sharply." };
    const plain: AlignSource = { id: "plain", text: "The Kessel Dam collapsed on Monday night." };
    expect(alignAll([titled, plain]).rows).toEqual([]);
  });

  it("handles no sources, one source and empty texts", () => {
    expect(alignAll([])).toEqual({ rows: [], exclusives: [], minScore: DEFAULT_MIN_SCORE });
    expect(alignAll([HERALD]).rows).toEqual([]);
    expect(alignAll([{ id: "e", text: "" }, { id: "f", text: "   " }])).toEqual({ rows: [], exclusives: [], minScore: DEFAULT_MIN_SCORE });
  });
});

describe("pairScore", () => {
  const vector = (...features: string[]) => weigh(new Map(features.map((f) => [f, 1])), undefined);
  const passage = (whole: string[], ...parts: [string[], number][]) => ({ ...vector(...whole), parts: parts.map(([f, factor]) => ({ ...vector(...f), factor })) });
  const fact = ["w:dam", "w:collapse", "d:3-14"];
  const detail = ["w:engineer", "w:argue", "w:capital", "w:repair", "w:ministry", "w:election"];

  it.each([
    ["the same sentence", passage(fact), passage(fact), 1],
    ["no clauses on either side: the whole sentences' score", passage([...fact, "w:night"]), passage([...fact, "w:town"]), 0.75],
    ["a main clause matching the whole of the other sentence", passage([...fact, ...detail], [fact, CLAUSE_FACTOR], [detail, CLAUSE_FACTOR]), passage(fact), CLAUSE_FACTOR],
    ["a subordinate clause matching it counts less", passage([...fact, ...detail], [detail, CLAUSE_FACTOR], [fact, SUBORDINATE_FACTOR]), passage(fact), SUBORDINATE_FACTOR],
    ["the best pair, each times the lower factor of its two", passage([...fact, ...detail], [fact, CLAUSE_FACTOR]), passage([...fact, "w:town"], [fact, SUBORDINATE_FACTOR]), CLAUSE_FACTOR * (3 / Math.sqrt(12))],
    ["nothing shared", passage(fact, [fact, CLAUSE_FACTOR]), passage(detail, [detail, CLAUSE_FACTOR]), 0],
  ])("%s", (_name, a, b, expected) => {
    expect(pairScore(a, b)).toBeCloseTo(expected, 5);
    expect(pairScore(b, a)).toBeCloseTo(expected, 5);
  });
});

describe("alignAll: passages agreeing on the event's arguments", () => {
  // An invented mine rescue: two reports that share little wording but the number.
  const rescue = (count: string): AlignSource[] => [
    { id: "wire", text: "Forty-two miners were brought to the surface at the Ostra colliery on Sunday, the company said.\nThe regional governor praised the rescue teams." },
    { id: "daily", text: `By the evening, ${count} had been lifted out of the flooded shaft at the Ostra colliery.\nShares in the mining group fell on Monday.` },
  ];
  it.each([
    ["the same count in digits and in words", "42 workers", 1],
    ["a different count", "40 workers", 0],
    ["the number as a measure, not a count", "workers in a 42-metre cage", 0],
    ["the number as an ordinal, not a count", "the 42nd worker", 0],
  ])("links a mutual best pair scoring under the threshold when its main clauses state the same count: %s", (_, count, rows) => {
    const result = alignAll(rescue(count));
    expect(result.rows).toHaveLength(rows);
    for (const row of result.rows) expect(row.score).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
  });

  it("links a mutual best pair scoring under the threshold when the same actor does an act of the same class", () => {
    const sources: AlignSource[] = [
      { id: "wire", text: "Harlow Freight suspended its night services to Dunmore on Friday after a theft.\nThe mayor of Dunmore criticised the decision." },
      { id: "daily", text: "Harlow Freight has halted its night trains, a spokesman for the operator told reporters in Carrick.\nPassenger numbers on the coast line rose in March." },
    ];
    expect(rowsOf(alignAll(sources), sources)).toEqual([{ wire: "Harlow Freight suspended", daily: "Harlow Freight has" }]);
  });

  it("reports the agreeing pair's similarity over EVENT_FLOOR_FACTOR: kept at a minimum of its score, dropped just above", () => {
    const [row] = alignAll(rescue("42 workers")).rows;
    expect(alignAll(rescue("42 workers"), { minScore: row!.score }).rows).toHaveLength(1);
    expect(alignAll(rescue("42 workers"), { minScore: row!.score + 1e-4 }).rows).toHaveLength(0);
  });
});

describe("alignAll: one speaker or event, different claims", () => {
  // An invented freight derailment: the minister's visit and his promise, told by two outlets.
  const story = (wire: string, daily: string): AlignSource[] => [
    { id: "wire", text: `A freight train derailed near Carrick on Tuesday, blocking the coast line.\n${wire}\nThe regional governor praised the rescue teams at the scene.` },
    { id: "daily", text: `Two wagons of a Harlow Freight train left the rails outside Carrick.\n${daily}\nShares in the group fell sharply on Monday.` },
  ];
  it.each([
    ["the visit, and the promise with the visit told in passing, are not linked", "Transport Minister Ivo Rask visited the crash site on Wednesday afternoon.", "Transport Minister Ivo Rask, who visited the crash site, promised a full inquiry.", []],
    [
      "the promise told twice is linked",
      "Transport Minister Ivo Rask promised a full inquiry into the crash.",
      "Transport Minister Ivo Rask, who visited the site, announced a full inquiry.",
      [{ wire: "Transport Minister Ivo", daily: "Transport Minister Ivo" }],
    ],
  ])("%s", (_, wire, daily, rows) => {
    const sources = story(wire, daily);
    expect(rowsOf(alignAll(sources), sources).filter((r) => r.wire?.startsWith("Transport"))).toEqual(rows);
  });

  it("links the runner-up when the best match names the event only in passing", () => {
    const sources: AlignSource[] = [
      { id: "split", text: "The Kessel Dam collapsed on Monday night.\nThe mayor thanked the rescue crews from three towns.\nFive people were killed in the flood." },
      { id: "whole", text: "Five people were killed when the Kessel Dam collapsed on Monday night.\nFish prices in the harbour rose sharply this week." },
    ];
    expect(rowsOf(alignAll(sources), sources)).toEqual([{ split: "Five people were", whole: "Five people were" }]);
  });
});

describe("alignAll: a row held together by its time phrase only", () => {
  // An invented gallery theft: the way in, the haul, and one outlet's sentence telling both.
  const sources: AlignSource[] = [
    { id: "post", text: "Four paintings were taken from the Orrin Gallery in Carrick in the early hours of Sunday.\nThe gallery has asked visitors to stay away." },
    { id: "wire", text: "Thieves climbed onto the roof and broke a skylight in the early hours of Sunday, police said.\nThe alarm had been switched off for repairs." },
    { id: "daily", text: "Thieves broke a skylight at the Orrin Gallery in Carrick in the early hours of Sunday and took four paintings.\nDetectives are studying camera footage." },
  ];
  it("does not join two passages whose claims agree only on when, through a third that tells both", () => {
    const rows = rowsOf(alignAll(sources), sources);
    expect(rows.filter((r) => r.post && r.wire)).toEqual([]);
    expect(rows.some((r) => r.daily === "Thieves broke a" && (r.post || r.wire))).toBe(true);
  });
});
