import { describe, expect, it } from "vitest";
import { analyserPrecision, referenceTagKey, type ReferenceSpan, type ScoredProposal } from "./precision";

const LOADED = referenceTagKey("Framing devices", "Loaded language");
const PASSIVE = referenceTagKey("Framing devices", "Passive voice / agent deletion");
const OTHER = referenceTagKey("Frame dimensions", "Economic");

//            0         1         2         3         4
//            0123456789012345678901234567890123456789012345
const TEXT = "The regime crushed a peaceful protest yesterday.";
const texts = [{ sourceId: "s1", text: TEXT }];
const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length });

function proposal(analyser: string, tagKey: string, word: string): ScoredProposal {
  return { sourceId: "s1", analyser, tagKey, ...at(word) };
}
function reference(tagKey: string, word: string): ReferenceSpan {
  return { sourceId: "s1", tagKey, ...at(word) };
}

describe("analyserPrecision", () => {
  const cases: {
    name: string;
    proposals: ScoredProposal[];
    reference: ReferenceSpan[];
    expected: { analyser: string; precision: number | null; recall: number | null }[];
  }[] = [
    {
      name: "an exact hit is precision and recall 1",
      proposals: [proposal("lexicon", LOADED, "regime")],
      reference: [reference(LOADED, "regime")],
      expected: [{ analyser: "lexicon", precision: 1, recall: 1 }],
    },
    {
      name: "a proposal wider than the reference loses precision, not recall",
      proposals: [proposal("lexicon", LOADED, "regime crushed")],
      reference: [reference(LOADED, "crushed")],
      expected: [{ analyser: "lexicon", precision: 0.5, recall: 1 }],
    },
    {
      name: "the same words with another tag are no match",
      proposals: [proposal("lexicon", LOADED, "crushed")],
      reference: [reference(PASSIVE, "crushed")],
      expected: [{ analyser: "lexicon", precision: 0, recall: null }],
    },
    {
      name: "recall counts only the tags the analyser proposes",
      proposals: [proposal("lexicon", LOADED, "regime")],
      reference: [reference(LOADED, "regime"), reference(LOADED, "peaceful"), reference(OTHER, "protest")],
      expected: [{ analyser: "lexicon", precision: 1, recall: 0.5 }],
    },
    {
      name: "analysers are scored apart, in name order",
      proposals: [proposal("passive", PASSIVE, "yesterday"), proposal("lexicon", LOADED, "regime")],
      reference: [reference(LOADED, "regime")],
      expected: [
        { analyser: "lexicon", precision: 1, recall: 1 },
        { analyser: "passive", precision: 0, recall: null },
      ],
    },
    {
      name: "no proposals: nothing to score",
      proposals: [],
      reference: [reference(LOADED, "regime")],
      expected: [],
    },
  ];

  it.each(cases)("$name", ({ proposals, reference: ref, expected }) => {
    const result = analyserPrecision(texts, proposals, ref);
    expect(result.map((r) => ({ analyser: r.analyser, precision: r.overall.precision, recall: r.overall.recall }))).toEqual(expected);
  });

  it("gives a figure per tag", () => {
    const result = analyserPrecision(texts, [proposal("cues", LOADED, "regime"), proposal("cues", PASSIVE, "crushed")], [reference(LOADED, "regime")]);
    expect(result[0]!.perTag.map((t) => [t.tagKey, t.precision, t.recall])).toEqual([
      [LOADED, 1, 1],
      [PASSIVE, 0, null],
    ]);
  });
});
