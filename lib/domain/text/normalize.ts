/**
 * The one normalisation a source's body text gets, once, on import. Annotations anchor to
 * offsets in the stored text, so the rules must never change what they do to a text that
 * has already been through them: the function is idempotent (property-tested).
 *
 * Line breaks: a single line break inside a paragraph is KEPT. News texts use them for
 * photo captions, lists, datelines and "Read more" lines, and joining those into one line
 * would glue unrelated sentences together (and break sentence splitting). Paragraphs are
 * separated by exactly one blank line, however many there were.
 *
 * Deliberately kept: zero-width non-joiner and joiner (U+200C/D: they spell Persian, Arabic
 * and Indic words and build emoji sequences), directional marks and isolates (they order
 * mixed Arabic/English quotes correctly), U+FFFD (visible evidence of damaged input).
 */

/**
 * Line-like controls become line breaks rather than vanishing, so the words on either side
 * stay apart: vertical tab, form feed (page break), NEL, line and paragraph separators.
 */
const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028]/g;
const PARAGRAPH_SEPARATOR = /\u2029/g;

/**
 * Removed outright: control characters other than \t and \n (C0, DEL, C1), and invisible
 * format characters that only get in the way of search and matching: soft hyphen, zero-width
 * space, word joiner, invisible math operators, byte order mark, interlinear annotation
 * marks, and the legacy bidi embeddings/overrides (U+202A–U+202E), which can make displayed
 * text read in a different order than it is stored.
 */
const INVISIBLE = /(?![\t\n])[\p{Cc}\u00ad\u200b\u202a-\u202e\u2060-\u2064\ufeff\ufff9-\ufffb]/gu;

/** Tabs and every Unicode space separator other than the plain space (NBSP, thin, ideographic…). */
const OTHER_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** A lone surrogate cannot be stored as UTF-8; it becomes the replacement character. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function normalizeText(raw: string): string {
  const text = raw
    .replace(LINE_BREAKS, "\n")
    .replace(PARAGRAPH_SEPARATOR, "\n\n")
    .replace(INVISIBLE, "")
    .replace(LONE_SURROGATE, "\ufffd")
    .replace(OTHER_SPACES, " ")
    .replace(/ {2,}/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  // NFC last: removing an invisible character can bring a base letter and a combining mark
  // together, and composing them is then the final step. Composition never produces
  // whitespace or any character removed above, so a second pass changes nothing.
  return text.normalize("NFC");
}
