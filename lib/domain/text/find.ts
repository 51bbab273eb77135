/**
 * "Find words" that forgives how a text was typeset: a reader types a straight apostrophe,
 * plain hyphen, single space or unaccented letter, and the page has a typographic
 * apostrophe, an en dash, a line break or "é". The match is still reported in offsets of
 * the original text, so the exact characters on the page are selected.
 *
 * Both the text and the query go through the same per-code-point fold, and the text keeps,
 * for every unit of its folded form, the original span it came from. Folding is per code
 * point (never across two), so that map is exact; the only exception is a run of
 * whitespace, which folds to one space standing for the whole run.
 */

/** A text in folded form, with the original [start, end) of every folded UTF-16 unit. */
export interface FoldedText {
  folded: string;
  starts: number[];
  ends: number[];
}

const SINGLE_QUOTES = /['‘’‚‛′`´ʹʻʼʽ]/u;
const DOUBLE_QUOTES = /["“”„‟″〃＂]/u;
const DASHES = /[-‐‑‒–—―−﹘﹣－]/u;
const SPACE = /\s/u;
// Characters that change nothing a reader would type: soft hyphen, zero-width space,
// (non-)joiners, word joiner, byte order mark, Arabic tatweel (a stretching stroke).
const IGNORED = /[\u00ad\u200b-\u200d\u2060\ufeff\u0640]/u;

// Arabic and Persian spell Yeh and Kaf with different code points (ي/ی, ك/ک, and ى at a
// word's end); a Persian reader typing on a Persian keyboard must find an Arabic-typed text.
const ARABIC_LETTER_VARIANTS: Record<string, string> = { "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9" };

/** The folded form of one code point: "" for marks and invisible characters. */
function foldCodePoint(ch: string): string {
  const variant = ARABIC_LETTER_VARIANTS[ch];
  if (variant) return variant;
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return "-";
  if (IGNORED.test(ch)) return "";
  // NFKD splits accents off their letters (é → e + ◌́) and compatibility forms into plain
  // ones (ﬁ → fi, Arabic presentation forms → letters); the marks are then dropped. Lower
  // casing can bring a mark back (İ → i + ◌̇), hence the second pass.
  return ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\p{M}/gu, "");
}

export function foldForSearch(text: string): FoldedText {
  let folded = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const start = offset;
    offset += ch.length;
    if (SPACE.test(ch)) {
      // A run of spaces, tabs, NBSPs and line breaks is one space.
      if (folded.endsWith(" ") && ends[ends.length - 1] === start) ends[ends.length - 1] = offset;
      else {
        folded += " ";
        starts.push(start);
        ends.push(offset);
      }
      continue;
    }
    const f = foldCodePoint(ch);
    if (f === "") {
      // A lone combining mark or joiner belongs to what precedes it: a match that ends on
      // "e" in "e\u0301" selects the accent too, never half a letter.
      if (ends.length > 0 && ends[ends.length - 1] === start && !folded.endsWith(" ")) ends[ends.length - 1] = offset;
      continue;
    }
    for (let i = 0; i < f.length; i++) {
      folded += f[i];
      starts.push(start);
      ends.push(offset);
    }
  }
  return { folded, starts, ends };
}

/** The query as it is matched: folded like the text, without spaces at either end. */
export function foldQuery(query: string): string {
  return foldForSearch(query).folded.trim();
}

/**
 * The next place at or after `from` (an offset into `text`) where `query` occurs, wrapping
 * to the start of the text; null when it does not occur or the query is blank. Quote,
 * apostrophe and dash styles, whitespace runs, letter case and accents are ignored.
 */
export function findInText(
  text: string,
  query: string,
  from = 0,
  folded: FoldedText = foldForSearch(text),
): { start: number; end: number } | null {
  const needle = foldQuery(query);
  if (!needle) return null;
  let fromIndex = folded.starts.findIndex((s) => s >= from);
  if (fromIndex < 0) fromIndex = folded.folded.length;
  let at = folded.folded.indexOf(needle, fromIndex);
  if (at < 0) at = folded.folded.indexOf(needle);
  if (at < 0) return null;
  return { start: folded.starts[at]!, end: folded.ends[at + needle.length - 1]! };
}
