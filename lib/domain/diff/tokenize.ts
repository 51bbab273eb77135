/**
 * Tokeniser for word-level diffs.
 *
 * Every character of the input belongs to exactly one token, so joining the tokens gives
 * back the text byte for byte. That is what lets a word diff be reported as plain
 * diff-match-patch tuples whose texts reconstruct both sides.
 *
 * Granularity choices (they decide what a reader sees as "one change"):
 * - A word is a run of letters, combining marks and digits, in any script (Latin with
 *   accents, Arabic, Persian, ...). Marks stay with their base letter so a change never
 *   separates "e" from its accent.
 * - Apostrophes (' and ’) and the zero-width (non-)joiner between letters stay inside the
 *   word: "Washington's" is one word, so "Washington" → "Washington's" reads as one
 *   replaced word instead of an inserted "'s" fragment.
 * - "." and "," between digits stay inside the number (3.5, 1,000): a changed figure is
 *   shown whole.
 * - Hyphens, slashes and other punctuation are tokens of their own: "al-Muhandis" vs
 *   "Al Muhandis" shows the hyphen and the article as separate small changes, which is
 *   more informative than replacing the whole compound.
 * - A run of whitespace is one token, so re-wrapped text costs one token, not many.
 * - Any other character is a token by itself (a whole code point, so an emoji or a
 *   character outside the Basic Multilingual Plane is never cut in half).
 */

export type TokenKind = "word" | "space" | "punct";

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;
const TOKEN_RE = new RegExp(
  String.raw`(${WORD_CHAR}+(?:(?:['’\u200c\u200d](?=[\p{L}\p{N}])|(?<=\p{N})[.,](?=\p{N}))${WORD_CHAR}+)*)|(\s+)|[\s\S]`,
  "gu",
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    const kind: TokenKind = m[1] !== undefined ? "word" : m[2] !== undefined ? "space" : "punct";
    tokens.push({ text: m[0], start, end: start + m[0].length, kind });
  }
  return tokens;
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
