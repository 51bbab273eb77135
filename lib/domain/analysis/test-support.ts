/** Helpers for the analysers' table-driven tests: run one analyser, list what it marked. */
import { readDocument } from "./document";
import { DEFAULT_LEXICON, type Lexicon } from "./lexicon";
import type { Analyser, Proposal } from "./types";

export function run(analyser: Analyser, text: string, lexicon: Lexicon = DEFAULT_LEXICON): Proposal[] {
  return analyser.analyse(readDocument(text), { lexicon });
}

/** The marked words of each proposal, in text order. */
export function marked(analyser: Analyser, text: string, lexicon?: Lexicon): string[] {
  return run(analyser, text, lexicon).map((p) => text.slice(p.start, p.end));
}
