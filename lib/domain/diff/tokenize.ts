/**
 * Tokeniser for word-level diffs: the segmenter of ../text/words.ts (Intl.Segmenter, so
 * Chinese, Japanese and Thai are cut into words and Persian keeps its zero-width
 * non-joiner inside a word).
 *
 * Every character of the input belongs to exactly one token, so joining the tokens gives
 * back the text byte for byte. That is what lets a word diff be reported as plain
 * diff-match-patch tuples whose texts reconstruct both sides.
 *
 * Granularity choices (they decide what a reader sees as "one change"): apostrophes stay
 * inside words ("Washington" → "Washington's" is one replaced word), separators stay inside
 * numbers (a changed figure is shown whole), hyphens are tokens of their own ("al-Muhandis"
 * vs "Al Muhandis" shows the hyphen and the article as small changes), a whitespace run is
 * one token, and any other character is a token by itself.
 */
import { segmentWords, type WordToken, type WordTokenKind } from "../text/words";

export type TokenKind = WordTokenKind;
export type Token = WordToken;

export function tokenize(text: string, language?: string | null): Token[] {
  return segmentWords(text, { language });
}

/**
 * For each offset 0..text.length, 1 when a cut at that offset would fall strictly inside a
 * word token or between the two halves of a surrogate pair. Used to keep diff boundaries on
 * token boundaries after character-level clean-ups have moved them.
 */
export function insideTokenMask(text: string, tokens: readonly Token[] = tokenize(text)): Uint8Array {
  const mask = new Uint8Array(text.length + 1);
  for (const t of tokens) {
    if (t.kind === "word") {
      for (let p = t.start + 1; p < t.end; p++) mask[p] = 1;
    } else if (t.end - t.start > 1 && t.kind === "punct") {
      // A single code point made of two UTF-16 code units.
      for (let p = t.start + 1; p < t.end; p++) mask[p] = 1;
    }
  }
  return mask;
}
