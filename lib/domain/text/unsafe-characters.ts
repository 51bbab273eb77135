/**
 * Characters that make stored text unsafe or misleading, found so that input can be refused
 * with a message that names the character. The rules that use these (which field refuses
 * what) live in lib/schemas/text.ts and are described in docs/security.md.
 *
 * NUL (U+0000) cannot be stored at all: Postgres text columns refuse it.
 *
 * Bidirectional controls can make text display in another order than it is stored, so a
 * title can read as something else ("txt.exe" shown as "exe.txt"), or spill over and
 * reorder the text around it. Two groups, because prose written in Arabic or Hebrew beside
 * English legitimately needs some of them:
 * - embeddings and overrides (U+202A–U+202E): superseded by the isolates, and never needed
 *   to display text correctly; the text normalizer already removes them from source text;
 * - isolates and marks (U+2066–U+2069, U+200E, U+200F, U+061C): they order mixed-direction
 *   sentences correctly, but a one-line name or title does not need them (the page shows
 *   each one isolated from its surroundings).
 */

const NAMES: Record<string, string> = {
  "\u0000": "a NUL character (U+0000)",
  "\u202a": "a left-to-right embedding (U+202A)",
  "\u202b": "a right-to-left embedding (U+202B)",
  "\u202c": "a pop directional formatting (U+202C)",
  "\u202d": "a left-to-right override (U+202D)",
  "\u202e": "a right-to-left override (U+202E)",
  "\u2066": "a left-to-right isolate (U+2066)",
  "\u2067": "a right-to-left isolate (U+2067)",
  "\u2068": "a first strong isolate (U+2068)",
  "\u2069": "a pop directional isolate (U+2069)",
  "\u200e": "a left-to-right mark (U+200E)",
  "\u200f": "a right-to-left mark (U+200F)",
  "\u061c": "an Arabic letter mark (U+061C)",
};

// eslint-disable-next-line no-control-regex -- finding NUL is the point
const NUL = /\u0000/;
const BIDI_OVERRIDES = /[\u202a-\u202e]/;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const BIDI_CONTROLS_ALL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Which characters a kind of text may not hold. */
export type TextKind = "line" | "prose" | "body";

const REFUSED: Record<TextKind, RegExp[]> = {
  // Names, titles, labels: one line, shown inline beside other text.
  line: [NUL, BIDI_CONTROLS],
  // Comments, replies, descriptions, notes: several lines, possibly mixed-direction sentences.
  prose: [NUL, BIDI_OVERRIDES],
  // A source's article text: the normalizer removes the overrides; only NUL is refused.
  body: [NUL],
};

/** The first character the text may not hold, described for a message ("a right-to-left override (U+202E)"), or undefined. */
export function findUnsafeCharacter(text: string, kind: TextKind): string | undefined {
  for (const pattern of REFUSED[kind]) {
    const found = pattern.exec(text)?.[0];
    if (found !== undefined) return NAMES[found];
  }
  return undefined;
}

/** The sentence a form shows beside a field that holds such a character. */
export function unsafeCharacterMessage(label: string, character: string): string {
  return `The ${label} contains ${character}, an invisible character that cannot be saved: remove it and try again.`;
}

/** Removes every bidirectional control: for one-line metadata found in an imported file or page, which nobody typed. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS_ALL, "");
}

/**
 * True when a UTF-16 offset falls between the two halves of a surrogate pair: a span that
 * starts or ends there would cut an emoji (or another character outside the BMP) in half.
 */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
