/**
 * Word segmentation for every script, with offsets into the original text.
 *
 * Words come from `Intl.Segmenter` (granularity "word"), i.e. the Unicode word-boundary
 * rules plus ICU's dictionaries, so text written without spaces between words (Chinese,
 * Japanese, Thai) is cut into words too, and Persian words keep their zero-width non-joiner
 * ("سه‌شنبه" is one word). A regular expression over spaces and letters would make a whole
 * Chinese sentence one "word", so a diff of two Chinese outlets would mark every sentence
 * as replaced and agreement would have one unit per sentence.
 *
 * Every character of the input belongs to exactly one token, so joining the tokens gives the
 * text back; offsets are UTF-16 code units, as `String.prototype.slice` and the annotations'
 * position selectors use them.
 *
 * Two adjustments to the Unicode rules, both about Latin-script news text:
 * - A period between two letters splits ("end.Next" is two words when a space went missing
 *   after a full stop; "U.S" becomes "U", ".", "S", which costs nothing in a diff or as
 *   agreement units). Unicode keeps both whole.
 * - With `hyphens: "join"`, a hyphen between two words joins them ("well-known" is one
 *   agreement unit); by default a hyphen is a token of its own, so a diff of "al-Rahimi"
 *   and "Al Rahimi" shows the hyphen as a small change instead of a replaced compound.
 * Runs of whitespace are one token, so re-wrapped text costs one token.
 */

export type WordTokenKind = "word" | "space" | "punct";

export interface WordToken {
  text: string;
  start: number;
  end: number;
  kind: WordTokenKind;
}

export interface SegmentOptions {
  /** BCP 47 language of the text (e.g. "fa", "zh-Hant"); unknown or invalid tags fall back to the default rules. */
  language?: string | null;
  /** "join" keeps hyphenated compounds as one word; "split" (the default) makes the hyphen a token. */
  hyphens?: "join" | "split";
}

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per language, made once: building one costs far more than using it. */
function segmenterFor(language: string | null | undefined): Intl.Segmenter {
  const key = language ?? "";
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language || undefined, { granularity: "word" });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

const SPACE = /^\s+$/u;
/**
 * V8's segment iterator slows down with the length of the string (a 150,000-character text
 * took 10 s whole and 0.2 s in pieces), so long texts are segmented in pieces of about this
 * many code units, cut after a space or a CJK comma or full stop, where a word boundary is
 * certain (an apostrophe or period may sit inside a word: "don't", "3.5").
 */
const PIECE = 2000;
const SAFE_CUT = /[\s\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f]/u;
const LETTER_PERIOD_LETTER = /(?<=\p{L}\p{M}*)\.(?=\p{L})/gu;
const HYPHEN = /^[-\u2010\u2011]$/u;

/** Every token of `text` (words, whitespace runs, punctuation and symbols), in order. */
export function segmentWords(text: string, options: SegmentOptions = {}): WordToken[] {
  const tokens: WordToken[] = [];
  const segmenter = segmenterFor(options.language);
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from);
    for (const { segment, index, isWordLike } of segmenter.segment(text.slice(from, to))) {
      const start = from + index;
      if (isWordLike) {
        pushWord(tokens, segment, start);
        continue;
      }
      const last = tokens[tokens.length - 1];
      const kind: WordTokenKind = SPACE.test(segment) ? "space" : "punct";
      if (kind === "space" && last?.kind === "space") {
        last.text += segment;
        last.end += segment.length;
      } else {
        tokens.push({ text: segment, start, end: start + segment.length, kind });
      }
    }
    from = to;
  }
  return options.hyphens === "join" ? joinHyphenated(tokens) : tokens;
}

/**
 * Where the piece starting at `from` ends: after the last safe cut in its second half, else
 * at the length limit (never inside a surrogate pair). Only a run of PIECE / 2 code units
 * without a space or CJK comma or stop, rare in any script, can be cut inside a word.
 */
function pieceEnd(text: string, from: number): number {
  const limit = from + PIECE;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > from + PIECE / 2; i--) {
    if (SAFE_CUT.test(text[i - 1]!)) return i;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit + 1 : limit;
}

/** The word tokens of `text` only (no spaces, punctuation or symbols). */
export function wordsOf(text: string, options: SegmentOptions = {}): WordToken[] {
  return segmentWords(text, options).filter((t) => t.kind === "word");
}

function pushWord(tokens: WordToken[], segment: string, index: number) {
  let from = 0;
  for (const m of segment.matchAll(LETTER_PERIOD_LETTER)) {
    tokens.push({ text: segment.slice(from, m.index), start: index + from, end: index + m.index, kind: "word" });
    tokens.push({ text: ".", start: index + m.index, end: index + m.index + 1, kind: "punct" });
    from = m.index + 1;
  }
  tokens.push({ text: segment.slice(from), start: index + from, end: index + segment.length, kind: "word" });
}

function joinHyphenated(tokens: WordToken[]): WordToken[] {
  const out: WordToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const last = out[out.length - 1];
    const next = tokens[i + 1];
    if (last?.kind === "word" && HYPHEN.test(t.text) && next?.kind === "word") {
      last.text += t.text + next.text;
      last.end = next.end;
      i++;
      continue;
    }
    out.push({ ...t });
  }
  return out;
}
