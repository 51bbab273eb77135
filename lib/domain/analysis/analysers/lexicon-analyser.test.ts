import { describe, expect, it } from "vitest";
import type { CuePattern } from "../cues/cue-pattern";
import { run } from "../test-support";
import { lexiconAnalyser } from "./lexicon-analyser";

const DOUBT = { set: "Persuasion techniques", tag: "Doubt" } as const;

/** A pattern marking each sentence that mentions an inquiry. */
const inquirySentence: CuePattern = {
  id: "inquiry-sentence",
  propose: DOUBT,
  confidence: 0.5,
  note: "a test pattern",
  find(document) {
    return document.tokens.filter((t) => t.normal === "inquiry").map((t) => ({ start: document.sentences[t.sentence]!.start, end: document.sentences[t.sentence]!.end }));
  },
};

const spec = { id: "doubt-test", version: 1, description: "test", defaultOn: false, categories: ["doubt"], set: "Persuasion techniques", tags: [DOUBT] } as const;

describe("lexiconAnalyser with cue patterns", () => {
  it("proposes a pattern's spans with the pattern named in the reason", () => {
    const text = "Crowds gathered.";
    const analyser = lexiconAnalyser({ ...spec, patterns: [{ ...inquirySentence, find: () => [{ start: 0, end: 6 }] }] });
    expect(run(analyser, text)).toEqual([{ start: 0, end: 6, ...DOUBT, confidence: 0.5, analyser: "doubt-test", reason: "‘Crowds’ matches the inquiry-sentence pattern: a test pattern" }]);
  });

  it("keeps one proposal per stretch and tag: the longer of a term and a pattern covering it", () => {
    const text = "The so-called inquiry ended. The so-called reform stalled.";
    const analyser = lexiconAnalyser({ ...spec, patterns: [inquirySentence] });
    expect(run(analyser, text).map((p) => text.slice(p.start, p.end))).toEqual(["The so-called inquiry ended.", "so-called"]);
  });

  it("refuses a pattern for a tag the analyser does not propose", () => {
    const fear = { ...inquirySentence, propose: { set: "Persuasion techniques", tag: "Appeal to fear/prejudice" } } as const;
    expect(() => lexiconAnalyser({ ...spec, patterns: [fear] })).toThrow(/inquiry-sentence proposes Appeal to fear\/prejudice, which doubt-test does not/);
  });
});
