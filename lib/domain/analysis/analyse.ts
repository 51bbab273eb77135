/**
 * The entry point: read the text once, run the enabled analysers over the one document
 * model, and return their proposals in text order. Pure: the same text, options and lexicon
 * give the same proposals, so they can be computed once per source revision and stored.
 */
import { readDocument, type AnalysedDocument } from "./document";
import { DEFAULT_LEXICON, type Lexicon } from "./lexicon";
import { ANALYSERS } from "./registry";
import type { Proposal } from "./types";

export interface AnalyseOptions {
  /** Ids of the analysers to run; the default-on ones when omitted. Unknown ids throw. */
  analysers?: readonly string[];
  /** The loaded-terms lexicon; the shipped default when omitted (a workspace may supply its own). */
  lexicon?: Lexicon;
}

export function analyse(text: string, options: AnalyseOptions = {}): Proposal[] {
  return analyseDocument(readDocument(text), options);
}

export function analyseDocument(document: AnalysedDocument, { analysers, lexicon = DEFAULT_LEXICON }: AnalyseOptions = {}): Proposal[] {
  const unknown = analysers?.filter((id) => !ANALYSERS.some((a) => a.id === id)) ?? [];
  if (unknown.length) throw new Error(`Unknown analyser: ${unknown.join(", ")}. Known: ${ANALYSERS.map((a) => a.id).join(", ")}.`);
  const enabled = ANALYSERS.filter((a) => (analysers ? analysers.includes(a.id) : a.defaultOn));
  const context = { lexicon };
  return enabled
    .flatMap((a) => a.analyse(document, context))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.analyser.localeCompare(b.analyser) || a.tag.localeCompare(b.tag));
}
