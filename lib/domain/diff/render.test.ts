import { describe, expect, it } from "vitest";
import { diffSides, differingTerms } from "./render";

describe("diffSides", () => {
  it.each([
    { name: "identical", a: "Rain fell.", b: "Rain fell." },
    { name: "empty left", a: "", b: "Rain fell." },
    { name: "empty right", a: "Rain fell.", b: "" },
    { name: "replacement", a: "A big red cat.", b: "A small red dog." },
  ])("each side rebuilds its text with correct offsets: $name", ({ a, b }) => {
    const { left, right } = diffSides(a, b);
    expect(left.map((s) => s.text).join("")).toBe(a);
    expect(right.map((s) => s.text).join("")).toBe(b);
    for (const s of left) expect(a.slice(s.start, s.end)).toBe(s.text);
    for (const s of right) expect(b.slice(s.start, s.end)).toBe(s.text);
    expect(left.every((s) => s.kind !== "added")).toBe(true);
    expect(right.every((s) => s.kind !== "removed")).toBe(true);
  });

  it("marks removed and added words", () => {
    const { left, right } = diffSides("A big red cat.", "A small red dog.");
    expect(left.map((s) => [s.kind, s.text])).toEqual([
      ["same", "A "],
      ["removed", "big"],
      ["same", " red "],
      ["removed", "cat"],
      ["same", "."],
    ]);
    expect(right.filter((s) => s.kind === "added").map((s) => s.text)).toEqual(["small", "dog"]);
  });
});

describe("differingTerms", () => {
  it.each([
    { name: "identical", a: "Rain fell.", b: "Rain fell.", left: [], right: [] },
    { name: "punctuation only", a: "Rain fell.", b: "Rain fell!", left: [], right: [] },
    { name: "quote style only", a: "a “tragic” day", b: "a \"tragic\" day", left: [], right: [] },
    {
      name: "rewritten phrase",
      a: "The envoy was killed in a coastal drone strike, officials said.",
      b: "The envoy died in Valdoria's unlawful assassination, officials said.",
      left: ["was killed in a coastal drone strike"],
      right: ["died in Valdoria's unlawful assassination"],
    },
    {
      name: "two separate changes",
      a: "Protesters marched on Monday and dispersed peacefully.",
      b: "Rioters marched on Monday and dispersed after clashes.",
      left: ["Protesters", "peacefully"],
      right: ["Rioters", "after clashes"],
    },
    { name: "pure insertion", a: "The mayor spoke.", b: "The embattled mayor spoke.", left: [], right: ["embattled"] },
    { name: "empty left", a: "", b: "Dozens were hurt.", left: [], right: ["Dozens were hurt"] },
    {
      name: "repeated change listed once",
      a: "rebels attacked; rebels retreated",
      b: "fighters attacked; fighters retreated",
      left: ["rebels"],
      right: ["fighters"],
    },
  ])("$name", ({ a, b, left, right }) => {
    const terms = differingTerms(a, b);
    expect(terms.left).toEqual(left);
    expect(terms.right).toEqual(right);
  });

  it("absorbs a short shared word between two larger changes (diff_cleanupSemantic)", () => {
    const { changes } = differingTerms("Protesters marched peacefully.", "Rioters marched.");
    expect(changes).toEqual([{ left: "Protesters marched peacefully", right: "Rioters marched" }]);
  });

  it("keeps which phrase replaced which", () => {
    const { changes } = differingTerms(
      "Protesters marched through the old town peacefully.",
      "Rioters marched through the old town.",
    );
    expect(changes).toEqual([
      { left: "Protesters", right: "Rioters" },
      { left: "peacefully", right: "" },
    ]);
  });
});
