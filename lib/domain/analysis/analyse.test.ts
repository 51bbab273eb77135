import { describe, expect, it } from "vitest";
import { findDefaultTag, getDefaultTagSet, TAXONOMY_SET_KEYS } from "@/lib/domain/taxonomy";
import { analyse } from "./analyse";
import { ANALYSERS, listAnalysers } from "./registry";
import { UNDETECTED_TECHNIQUES } from "./analysers/persuasion-cues";

const TEXT = "Officials said the regime's brutal crackdown was unprecedented. Two reporters were detained. The “experts” disagreed, and the dam could fail.";

describe("analyse", () => {
  it("runs the default-on analysers and returns proposals in text order", () => {
    const proposals = analyse(TEXT);
    const on = new Set(ANALYSERS.filter((a) => a.defaultOn).map((a) => a.id));
    expect(proposals.length).toBeGreaterThan(0);
    for (const p of proposals) expect(on.has(p.analyser)).toBe(true);
    const starts = proposals.map((p) => p.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("runs only the analysers asked for", () => {
    const proposals = analyse(TEXT, { analysers: ["agent-deletion", "speculation"] });
    expect(proposals.map((p) => [TEXT.slice(p.start, p.end), p.analyser])).toEqual([
      ["were detained", "agent-deletion"],
      ["could", "speculation"],
    ]);
  });

  it("refuses an unknown analyser id", () => {
    expect(() => analyse(TEXT, { analysers: ["mind-reader"] })).toThrow(/Unknown analyser: mind-reader/);
  });

  it("gives the same proposals for the same text", () => {
    expect(analyse(TEXT)).toEqual(analyse(TEXT));
  });

  it("returns nothing for an empty text", () => {
    expect(analyse("")).toEqual([]);
  });
});

describe("the analyser registry", () => {
  const setKey = (name: string) => TAXONOMY_SET_KEYS.find((key) => getDefaultTagSet(key).name === name)!;

  it("lists each analyser once with id, version, description and default flag", () => {
    const list = listAnalysers();
    expect(new Set(list.map((a) => a.id)).size).toBe(list.length);
    for (const a of list) {
      expect(a.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(a.version).toBeGreaterThanOrEqual(1);
      expect(a.description.length).toBeGreaterThan(20);
      expect(typeof a.defaultOn).toBe("boolean");
    }
  });

  it("proposes only tags that exist in the default taxonomy, by exact name", () => {
    for (const a of ANALYSERS) for (const { set, tag } of a.tags) expect(findDefaultTag(setKey(set), tag), `${a.id}: ${set} / ${tag}`).toBeDefined();
  });

  it("names every persuasion technique either as proposed by an analyser or as undetected, with a reason", () => {
    const proposed = new Set(ANALYSERS.flatMap((a) => a.tags).filter((t) => t.set === "Persuasion techniques").map((t) => t.tag));
    const undetected = new Set(UNDETECTED_TECHNIQUES.map((t) => t.tag));
    for (const { name } of getDefaultTagSet("persuasion-techniques").tags) {
      expect(proposed.has(name) !== undetected.has(name), name).toBe(true);
    }
    for (const t of UNDETECTED_TECHNIQUES) expect(t.why.length).toBeGreaterThan(20);
  });
});
