/**
 * The order in which a line of mixed-direction text is drawn, by the Unicode Bidirectional
 * Algorithm (UAX #9, through bidi-js): an Arabic or Hebrew sentence with Latin words or
 * figures inside, or an English sentence quoting one, for the PDF report, which places its
 * text itself.
 *
 * Embedding levels are resolved over the whole paragraph, the order per line (a line is a
 * slice of the paragraph after wrapping). A line comes back as runs in visual order, left to
 * right; each run is a slice of the text in reading (logical) order and says whether it is
 * drawn backwards. The font engine shapes Arabic from the logical text and reverses a run
 * of right-to-left letters itself, so the text is handed over unreversed.
 */
import bidiFactory from "bidi-js";

const bidi = bidiFactory();

export type Direction = "ltr" | "rtl";

export interface VisualRun {
  /** Start (inclusive) and end (exclusive) in the paragraph, in UTF-16 code units. */
  start: number;
  end: number;
  /** Drawn right to left: its last character is leftmost. */
  reversed: boolean;
}

export interface Paragraph {
  text: string;
  direction: Direction;
  levels: ReturnType<typeof bidi.getEmbeddingLevels>;
}

/** Resolves the embedding levels of `text` (one paragraph) written in `direction`. */
export function paragraph(text: string, direction: Direction): Paragraph {
  return { text, direction, levels: bidi.getEmbeddingLevels(text, direction) };
}

/**
 * The runs of the line `[start, end)` of `p` in visual order, left to right. Characters
 * whose visual order steps backwards through the text form a reversed run; a surrogate
 * pair stays whole.
 */
export function visualRuns(p: Paragraph, start = 0, end = p.text.length): VisualRun[] {
  if (end <= start) return [];
  const order = bidi.getReorderedIndices(p.text, p.levels, start, end - 1).filter((i) => i >= start && i < end && !isLowSurrogate(p.text, i));
  const runs: VisualRun[] = [];
  let first = 0;
  while (first < order.length) {
    const from = order[first]!;
    let last = first;
    const forward = order[first + 1] === next(p.text, from);
    const backward = !forward && order[first + 1] !== undefined && next(p.text, order[first + 1]!) === from;
    if (forward) while (order[last + 1] !== undefined && order[last + 1] === next(p.text, order[last]!)) last++;
    if (backward) while (order[last + 1] !== undefined && next(p.text, order[last + 1]!) === order[last]) last++;
    const to = order[last]!;
    runs.push(backward ? { start: to, end: next(p.text, from), reversed: true } : { start: from, end: next(p.text, to), reversed: false });
    first = last + 1;
  }
  return runs;
}

/** The characters of `text` that a right-to-left run draws mirrored ("(" as ")"), by index. */
export function mirroredCharacters(p: Paragraph, start = 0, end = p.text.length): Map<number, string> {
  return end > start ? bidi.getMirroredCharactersMap(p.text, p.levels.levels, start, end - 1) : new Map();
}

/**
 * The line as a reader sees it, left to right, with mirrored brackets: what the PDF shows,
 * as one string (for tests and for text that no font engine reverses).
 */
export function visualText(text: string, direction: Direction, start = 0, end = text.length): string {
  const p = paragraph(text, direction);
  const mirrors = mirroredCharacters(p, start, end);
  return visualRuns(p, start, end)
    .map((run) => {
      const chars = [...indexedChars(text, run.start, run.end)].map(([i, ch]) => mirrors.get(i) ?? ch);
      return (run.reversed ? chars.reverse() : chars).join("");
    })
    .join("");
}

/** The direction of the text's first letter with a strong direction (UAX #9 rules P2–P3); "ltr" without one. */
export function firstStrongDirection(text: string): Direction {
  return (bidi.getEmbeddingLevels(text).paragraphs[0]?.level ?? 0) % 2 === 1 ? "rtl" : "ltr";
}

/** True when the text has a right-to-left letter (Arabic, Hebrew, …): only then is reordering needed. */
export function hasRightToLeft(text: string): boolean {
  return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u.test(text);
}

function isLowSurrogate(text: string, i: number) {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff && i > 0 && /[\ud800-\udbff]/.test(text[i - 1]!);
}

/** The index after the character at `i` (two code units for a surrogate pair). */
function next(text: string, i: number) {
  return i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
}

function* indexedChars(text: string, start: number, end: number): Generator<[number, string]> {
  for (let i = start; i < end; i = next(text, i)) yield [i, String.fromCodePoint(text.codePointAt(i)!)];
}
