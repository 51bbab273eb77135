/**
 * Caret browsing over a source's text: where a caret goes when an arrow key is pressed, and
 * the selection a caret and its anchor make. Offsets are UTF-16 code units, as the
 * annotations' position selectors count them.
 *
 * A character step moves over one grapheme cluster (an emoji, a flag, a letter with its
 * combining accents), so a caret never lands inside a surrogate pair or splits "é" written
 * as e + accent. A word step uses the app's word segmentation (`segmentWords`, Intl.Segmenter
 * with its dictionaries for Chinese, Japanese and Thai): forward it goes to the end of the
 * current or next word, backward to the start of the current or previous word, so a
 * selection extended by words covers whole words and never their trailing space.
 *
 * Both look only at a window of text around the caret (grown when a word reaches its edge),
 * so a step costs the same in a 200-character note and a 150,000-character report.
 */
import { segmentWords } from "./words";

export type CaretDirection = "forward" | "backward";
export type CaretUnit = "character" | "word";

/** A caret and the anchor a selection was started from; `anchor === focus` is a bare caret. */
export interface CaretState {
  anchor: number;
  focus: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** Longer than any grapheme cluster in real text (a family emoji is 11 code units). */
const GRAPHEME_WINDOW = 64;
const WORD_WINDOW = 256;

/** Where the caret lands after one step of `unit` in `direction` from `offset` (clamped to the text). */
export function moveCaret(text: string, offset: number, direction: CaretDirection, unit: CaretUnit, language?: string | null): number {
  const at = Math.min(Math.max(offset, 0), text.length);
  if (unit === "character") return direction === "forward" ? nextGrapheme(text, at) : previousGrapheme(text, at);
  return direction === "forward" ? nextWordEnd(text, at, language) : previousWordStart(text, at, language);
}

function nextGrapheme(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const first = graphemes.segment(text.slice(at, at + GRAPHEME_WINDOW))[Symbol.iterator]().next();
  return first.done ? text.length : at + first.value.segment.length;
}

function previousGrapheme(text: string, at: number): number {
  if (at <= 0) return 0;
  const from = Math.max(0, at - GRAPHEME_WINDOW);
  let last = from;
  for (const { index } of graphemes.segment(text.slice(from, at))) last = from + index;
  return last;
}

function nextWordEnd(text: string, at: number, language?: string | null): number {
  for (let size = WORD_WINDOW; ; size *= 2) {
    const to = Math.min(text.length, at + size);
    const word = segmentWords(text.slice(at, to), { language }).find((t) => t.kind === "word");
    // A word that reaches the window's edge may go on beyond it: look again with more text.
    if (word && (at + word.end < to || to === text.length)) return at + word.end;
    if (!word && to === text.length) return text.length;
  }
}

function previousWordStart(text: string, at: number, language?: string | null): number {
  for (let size = WORD_WINDOW; ; size *= 2) {
    const from = Math.max(0, at - size);
    const word = segmentWords(text.slice(from, at), { language }).findLast((t) => t.kind === "word");
    if (word && (word.start > 0 || from === 0)) return from + word.start;
    if (!word && from === 0) return 0;
  }
}

/**
 * The logical direction an arrow key moves in: in right-to-left text (Arabic, Hebrew,
 * Persian) ArrowLeft goes forward, as the caret follows the reading direction on screen.
 */
export function arrowDirection(key: "ArrowLeft" | "ArrowRight", textDirection: "ltr" | "rtl"): CaretDirection {
  return (key === "ArrowRight") === (textDirection === "ltr") ? "forward" : "backward";
}

/**
 * The caret after an arrow key: `extend` (Shift) keeps the anchor and moves the focus; a bare
 * move collapses onto the caret's new place, except that a character step out of a
 * selection lands on the selection's edge in that direction, as text editors do.
 */
export function stepCaret(
  text: string,
  caret: CaretState,
  step: { direction: CaretDirection; unit: CaretUnit; extend: boolean },
  language?: string | null,
): CaretState {
  if (!step.extend && step.unit === "character" && caret.anchor !== caret.focus) {
    const edge = step.direction === "forward" ? Math.max(caret.anchor, caret.focus) : Math.min(caret.anchor, caret.focus);
    return { anchor: edge, focus: edge };
  }
  const focus = moveCaret(text, caret.focus, step.direction, step.unit, language);
  return { anchor: step.extend ? caret.anchor : focus, focus };
}

/** The span a caret state selects, or null for a bare caret or a selection of white space only. */
export function caretSelection(text: string, caret: CaretState): { start: number; end: number } | null {
  let start = Math.min(caret.anchor, caret.focus);
  let end = Math.max(caret.anchor, caret.focus);
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/**
 * Moves one end of an annotation's span by a word, as the keyboard adjusts it: the start
 * to the start of the previous or next word, the end to the end of the previous or next
 * word. The span never becomes empty: a move that would cross the other end is refused
 * (the span comes back unchanged).
 */
export function moveSpanEdge(
  text: string,
  span: { start: number; end: number },
  edge: "start" | "end",
  direction: CaretDirection,
  language?: string | null,
): { start: number; end: number } {
  if (edge === "start") {
    const start =
      direction === "backward"
        ? moveCaret(text, span.start, "backward", "word", language)
        : nextWordStart(text, span.start, language);
    return start < span.end ? { start, end: span.end } : span;
  }
  const end =
    direction === "forward" ? moveCaret(text, span.end, "forward", "word", language) : previousWordEnd(text, span.end, language);
  return end > span.start ? { start: span.start, end } : span;
}

/**
 * Where a dragged end of a span lands: an offset inside a word is moved to that word's start
 * (for the start) or end (for the end), so a drag takes whole words, as the keyboard moves
 * do; an offset between words stays. Holding Alt drags by character instead (not here).
 */
export function snapSpanEdge(text: string, offset: number, edge: "start" | "end", language?: string | null): number {
  const at = Math.min(Math.max(offset, 0), text.length);
  const wordEnd = moveCaret(text, at, "forward", "word", language);
  const wordStart = moveCaret(text, wordEnd, "backward", "word", language);
  if (!(wordStart < at && at < wordEnd)) return at;
  return edge === "start" ? wordStart : wordEnd;
}

/** The start of the word after the one starting at `offset` (the start moving forward by a word). */
function nextWordStart(text: string, offset: number, language?: string | null): number {
  const endOfThis = moveCaret(text, offset, "forward", "word", language);
  const endOfNext = moveCaret(text, endOfThis, "forward", "word", language);
  return endOfNext === endOfThis ? endOfThis : moveCaret(text, endOfNext, "backward", "word", language);
}

/** The end of the word before the one ending at `offset` (the end moving back by a word). */
function previousWordEnd(text: string, offset: number, language?: string | null): number {
  const startOfThis = moveCaret(text, offset, "backward", "word", language);
  const startOfPrevious = moveCaret(text, startOfThis, "backward", "word", language);
  return startOfPrevious === startOfThis ? startOfThis : moveCaret(text, startOfPrevious, "forward", "word", language);
}
