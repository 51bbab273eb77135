/**
 * Grapheme-boundary snapping for re-anchored ranges. After an edit, a match can stop
 * between a base letter and its combining accent (the quote "cafe" in a text that now
 * says "cafe\u0301"), or between the halves of a surrogate pair (an approximate match
 * of an emoji); highlighting such a range shows broken characters, so it is widened to
 * whole grapheme clusters (Intl.Segmenter, on a small window around the offset).
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Longest cluster we look back over; real clusters (ZWJ emoji, flags, Indic) are far shorter. */
const WINDOW = 32;

/** Cheap test that needs no segmenter for the common case (two ordinary characters). */
function obviouslyBoundary(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return true;
  const before = text.charCodeAt(pos - 1);
  const after = text.charCodeAt(pos);
  // Below U+0300 (combining diacritics start there) every code point stands alone,
  // except CR LF, which is one cluster.
  return before < 0x300 && after < 0x300 && !(before === 0x0d && after === 0x0a);
}

/** The grapheme boundary at or before `pos`. */
export function boundaryAtOrBefore(text: string, pos: number): number {
  if (obviouslyBoundary(text, pos)) return pos;
  const from = Math.max(0, pos - WINDOW);
  let boundary = from;
  for (const { index } of segmenter.segment(text.slice(from, Math.min(text.length, pos + WINDOW)))) {
    if (from + index > pos) break;
    boundary = from + index;
  }
  return boundary;
}

/** The grapheme boundary at or after `pos`. */
export function boundaryAtOrAfter(text: string, pos: number): number {
  if (obviouslyBoundary(text, pos)) return pos;
  const from = Math.max(0, pos - WINDOW);
  const to = Math.min(text.length, pos + WINDOW);
  for (const { index } of segmenter.segment(text.slice(from, to))) {
    if (from + index >= pos) return from + index;
  }
  return to;
}
