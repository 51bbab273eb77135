/**
 * The trivial baseline the analysers are measured next to: for each tag, a tiny keyword list
 * (the two or three words anyone would think of first) matched as whole words, and for scare
 * quotes every quoted phrase of up to four words. What the analysers add over it is their
 * lexicon's breadth, inflection matching and the syntactic checks.
 */
import type { Proposal, ProposalSetName } from "@/lib/domain/analysis";

const KEYWORDS: { set: ProposalSetName; tag: string; words: string[] }[] = [
  { set: "Framing devices", tag: "Loaded language", words: ["brutal", "massacre", "slaughter"] },
  { set: "Framing devices", tag: "Labeling", words: ["regime", "terrorist", "militant"] },
  { set: "Framing devices", tag: "Euphemism", words: ["collateral damage"] },
  { set: "Framing devices", tag: "Attribution", words: ["said", "according to"] },
  { set: "Framing devices", tag: "Passive voice / agent deletion", words: ["was killed", "were killed"] },
  { set: "Persuasion techniques", tag: "Exaggeration/minimisation", words: ["massive", "huge"] },
  { set: "Persuasion techniques", tag: "Name calling/labeling", words: ["regime", "terrorist"] },
  { set: "Persuasion techniques", tag: "Loaded language", words: ["brutal", "massacre", "slaughter"] },
  { set: "Persuasion techniques", tag: "Doubt", words: ["so-called"] },
  { set: "Persuasion techniques", tag: "Slogans", words: ["death to", "down with"] },
];

const SHORT_QUOTE = /[“"‘]([^“”"‘’\n]{1,40})[”"’]/gu;

export function baselineProposals(text: string): Proposal[] {
  const proposals: Proposal[] = [];
  for (const { set, tag, words } of KEYWORDS) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join("|")})(?![\\p{L}\\p{N}])`, "giu");
    for (const m of text.matchAll(pattern)) proposals.push({ start: m.index, end: m.index + m[0].length, set, tag, confidence: 1, analyser: "keywords", reason: "keyword" });
  }
  for (const m of text.matchAll(SHORT_QUOTE)) {
    if (m[1]!.trim().split(/\s+/).length <= 4) proposals.push({ start: m.index, end: m.index + m[0].length, set: "Framing devices", tag: "Scare quotes", confidence: 1, analyser: "keywords", reason: "short quotation" });
  }
  return proposals;
}

export const BASELINE_TAGS: readonly { set: string; tag: string }[] = [...KEYWORDS, { set: "Framing devices", tag: "Scare quotes" }];
