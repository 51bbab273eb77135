import { describe, expect, it } from "vitest";
import { extractQuotations, findSharedQuotations } from "./quotations";

describe("extractQuotations", () => {
  it.each([
    { name: "curly double", text: "He said “we will rebuild” today.", expected: ["we will rebuild"] },
    { name: "straight double", text: "He said \"we will rebuild\" today.", expected: ["we will rebuild"] },
    { name: "guillemets", text: "Il a dit «nous reconstruirons» hier.", expected: ["nous reconstruirons"] },
    { name: "low-high German", text: "Er sagte „wir bauen auf“ heute.", expected: ["wir bauen auf"] },
    { name: "curly single", text: "a ‘decisive defensive step’ was taken", expected: ["decisive defensive step"] },
    { name: "straight single", text: "a 'decisive defensive step' was taken", expected: ["decisive defensive step"] },
    { name: "apostrophes are not quotes", text: "Valdoria’s army and the rebels' camp don't talk.", expected: [] },
    {
      name: "apostrophe inside a single-quoted phrase",
      text: "He called it ‘Valdoria’s darkest day’ on Monday.",
      expected: ["Valdoria’s darkest day"],
    },
    {
      name: "nested single inside double",
      text: "“They called it a ‘routine inspection’ again,” she said.",
      expected: ["They called it a ‘routine inspection’ again,", "routine inspection"],
    },
    { name: "unclosed quote does not cross a paragraph", text: "He said “we will\n\nrebuild” now.", expected: [] },
    { name: "empty quotes", text: "He said “” nothing.", expected: [] },
  ])("$name", ({ text, expected }) => {
    const quotes = extractQuotations(text);
    expect(quotes.map((q) => q.text)).toEqual(expected);
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe("findSharedQuotations", () => {
  const sources = [
    { id: "herald", text: "The minister blamed “Decades of Neglect” and promised “a full and open inquiry”. Critics were unmoved." },
    { id: "courier", text: "Halim Qasem said the flood was caused by 'decades of   neglect'. He spoke in Port Erren." },
    { id: "times", text: "The minister promised a full and open inquiry into the collapse, without quotation marks." },
    { id: "gazette", text: "Nothing about the minister here, only the weather." },
  ];

  it("finds the same quotation in other marks, case and spacing", () => {
    const shared = findSharedQuotations(sources);
    const neglect = shared.find((g) => g.quote === "Decades of Neglect");
    expect(neglect?.occurrences).toEqual([
      { sourceId: "herald", start: sources[0]!.text.indexOf("Decades"), end: sources[0]!.text.indexOf("”"), quoted: true },
      { sourceId: "courier", start: sources[1]!.text.indexOf("decades"), end: sources[1]!.text.indexOf("'."), quoted: true },
    ]);
  });

  it("catches quoted words repeated verbatim without quotation marks elsewhere", () => {
    const inquiry = findSharedQuotations(sources).find((g) => g.quote === "a full and open inquiry");
    expect(inquiry?.occurrences.map((o) => [o.sourceId, o.quoted])).toEqual([
      ["herald", true],
      ["times", false],
    ]);
    const times = inquiry?.occurrences[1];
    expect(sources[2]!.text.slice(times!.start, times!.end)).toBe("a full and open inquiry");
  });

  it("finds a shorter quotation inside a longer one", () => {
    const shared = findSharedQuotations([
      { id: "a", text: "The envoy said “the bridge will be rebuilt before winter, whatever it costs” on Friday." },
      { id: "b", text: "According to the envoy, “the bridge will be rebuilt before winter.”" },
    ]);
    expect(shared.map((g) => g.quote)).toEqual(["the bridge will be rebuilt before winter"]);
    expect(shared[0]?.occurrences.every((o) => o.quoted)).toBe(true);
  });

  it.each([
    { name: "too short", a: "He said “go home” twice.", b: "They said go home to him." },
    { name: "stop words only", a: "It was “all of them” again.", b: "He meant all of them then." },
    { name: "same source only", a: "“Decades of neglect” and again “decades of neglect”.", b: "Unrelated text." },
    {
      name: "only a short fragment of a quotation is shared",
      a: "She said “the second anniversary is a day of anger for us all”.",
      b: "Crowds marked the second anniversary quietly.",
    },
  ])("ignores: $name", ({ a, b }) => {
    expect(findSharedQuotations([{ id: "a", text: a }, { id: "b", text: b }])).toEqual([]);
  });

  it("reports a long shared fragment of a quotation (at least 2 x minWords words)", () => {
    const shared = findSharedQuotations([
      { id: "a", text: "She said “the flood took everything we had built over thirty years, and more”." },
      { id: "b", text: "Residents say the flood took everything we had built, and they want answers." },
    ]);
    expect(shared.map((g) => g.quote)).toEqual(["the flood took everything we had built"]);
  });

  it("respects minWords", () => {
    const pair = [
      { id: "a", text: "He said “go home” twice." },
      { id: "b", text: "They said “Go home!” again." },
    ];
    expect(findSharedQuotations(pair)).toEqual([]);
    expect(findSharedQuotations(pair, { minWords: 2 }).map((g) => g.quote)).toEqual(["go home"]);
  });

  it("groups one quotation across three sources and orders groups by source count", () => {
    const shared = findSharedQuotations([
      { id: "a", text: "Officials spoke of “a wall of brown water” and “a night without end” in the town." },
      { id: "b", text: "Witnesses described “a wall of brown water”." },
      { id: "c", text: "It was, one man said, a wall of brown water. Another called it ‘a night without end’." },
    ]);
    expect(shared.map((g) => [g.quote, g.occurrences.map((o) => o.sourceId)])).toEqual([
      ["a wall of brown water", ["a", "b", "c"]],
      ["a night without end", ["a", "c"]],
    ]);
  });
});
