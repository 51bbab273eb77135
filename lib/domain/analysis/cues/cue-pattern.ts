/**
 * Cue patterns: what a word list cannot say. A pattern reads the document's tokens (parts of
 * speech, lemmas, sentence bounds) and returns the spans of a construction ("what it called
 * …", "finally admitted", "the worst … ever"), so one rule covers every wording of the form.
 * Lexicon analysers run them beside their lexicon categories (lexicon-analyser.ts).
 */
import { sentenceTokens, type AnalysedDocument, type Token } from "../document";
import type { ProposalSetName } from "../types";

export interface CueSpan {
  start: number;
  end: number;
}

export interface CuePattern {
  /** Kebab-case, shown in the reason: "‘finally admitted’ matches the grudging-admission pattern: …". */
  id: string;
  propose: { set: ProposalSetName; tag: string };
  /** A prior per rule, as a lexicon category's confidence is. */
  confidence: number;
  /** Why the construction is a cue; shown in the proposal's reason. */
  note: string;
  find(document: AnalysedDocument): CueSpan[];
}

const wordsOf = new WeakMap<AnalysedDocument, Token[][]>();

/** Each sentence's tokens without line breaks: the units the patterns scan, built once per document. */
export function sentenceWords(document: AnalysedDocument): Token[][] {
  let words = wordsOf.get(document);
  if (!words) {
    words = document.sentences.map((s) => sentenceTokens(document, s.index).filter((t) => t.type !== "tabCRLF"));
    wordsOf.set(document, words);
  }
  return words;
}

/**
 * Every word of every sentence offered to `at` with its sentence's words and its index there;
 * the spans it returns, in text order. The loop every word-anchored pattern shares.
 */
export function scanWords(document: AnalysedDocument, at: (words: Token[], i: number) => CueSpan | undefined): CueSpan[] {
  const found: CueSpan[] = [];
  for (const words of sentenceWords(document)) {
    for (let i = 0; i < words.length; i++) {
      const span = at(words, i);
      if (span) found.push(span);
    }
  }
  return found;
}

/** The span from one token to another, both included. */
export const spanOf = (first: Token, last: Token): CueSpan => ({ start: first.start, end: last.end });
