import type { Selectors } from "./types";

/**
 * Minimum prefix/suffix length. 32 characters (the length Hypothesis stores too) is
 * usually five or six words: enough to tell apart repeated short quotes, short enough
 * that an edit near a quote rarely destroys both sides at once.
 */
export const CONTEXT_LENGTH = 32;

/** How far a prefix or suffix may grow past CONTEXT_LENGTH to end on a word boundary. */
const MAX_WORD_EXTENSION = 16;

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Selectors for text.slice(start, end). The prefix and suffix are at least
 * CONTEXT_LENGTH characters where the text allows, extended to the nearest word
 * boundary (whitespace) when that costs at most MAX_WORD_EXTENSION more characters,
 * and never cut inside a surrogate pair.
 *
 * Anchoring relies on one convention: a prefix (suffix) shorter than CONTEXT_LENGTH
 * means the quote was that close to the start (end) of the text.
 */
export function createSelectors(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Selector offsets must be integers, got start=${start}, end=${end}`);
  }
  if (start < 0 || start >= end || end > text.length) {
    throw new RangeError(
      `Selector range must satisfy 0 ≤ start < end ≤ text length (${text.length}), got start=${start}, end=${end}`,
    );
  }

  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  const prefixLimit = Math.max(0, start - CONTEXT_LENGTH - MAX_WORD_EXTENSION);
  let p = prefixStart;
  while (p > prefixLimit && !isSpace(text[p - 1])) p--;
  if (p === 0 || isSpace(text[p - 1])) prefixStart = p;
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart--;

  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  const suffixLimit = Math.min(text.length, end + CONTEXT_LENGTH + MAX_WORD_EXTENSION);
  let s = suffixEnd;
  while (s < suffixLimit && !isSpace(text[s])) s++;
  if (s === text.length || isSpace(text[s])) suffixEnd = s;
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd++;

  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}
