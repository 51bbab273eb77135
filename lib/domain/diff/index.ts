export type { Diff, DiffOp, WordDiffOptions } from "./word-diff";
export { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, sourceText, targetText, wordDiff } from "./word-diff";
export type { Token, TokenKind } from "./tokenize";
export { tokenize } from "./tokenize";
export type { TermComparison, TermPair, TermPairKind, TermPassage, TermsAgainst, TermSlot, TermSpan } from "./term-pairs";
export { compareTerms, termKey, termLabel, termSlots, termsAgainstBase } from "./term-pairs";
