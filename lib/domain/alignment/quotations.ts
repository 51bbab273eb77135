import type { Span } from "./sentences";
import type { WordToken } from "./text";
import { STOP_WORDS, wordTokens } from "./text";

/** Text between a pair of quotation marks; start/end exclude the marks themselves. */
export interface Quotation extends Span {
  text: string;
}

const MAX_DOUBLE_QUOTE = 2000;
const MAX_SINGLE_QUOTE = 400;
const PARAGRAPH_BREAK_RE = /\n[ \t]*\n/u;
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;

/** Closing marks accepted for each opening double quotation mark. */
const DOUBLE_PAIRS: Record<string, string> = { "“": "”", "«": "»", "„": "“”", "\"": "\"", "‹": "›" };

/**
 * Quotations in a text: text between “ ” « » „ “ ‹ › and straight double quotes, and
 * between single quotes ‘ ’ and '. Single quotes are ambiguous with apostrophes
 * ("Iraq’s", "don't"), so a single mark only opens a quote at the start of a word
 * (no letter or digit before it, one after it) and only closes one at the end of a word
 * (something other than a space before it, no letter or digit after it). Quotes never run
 * across a paragraph break; an opener without a closer in its paragraph is ignored. Single
 * quotes are also looked for inside double quotes, so a nested quotation is found too.
 * Sorted by start.
 */
export function extractQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  const at = (i: number) => (i >= 0 && i < text.length ? (text[i] as string) : "");

  // Double quotation marks.
  for (let i = 0; i < text.length; i++) {
    const open = text[i] as string;
    const closers = DOUBLE_PAIRS[open];
    if (!closers) continue;
    if (open === "\"" && (LETTER_OR_DIGIT_RE.test(at(i - 1)) || /\s/u.test(at(i + 1)) || at(i + 1) === "")) continue;
    const close = findCloser(text, i + 1, MAX_DOUBLE_QUOTE, (j) => {
      const c = text[j] as string;
      if (!closers.includes(c)) return false;
      return open !== "\"" || !LETTER_OR_DIGIT_RE.test(at(j + 1));
    });
    if (close < 0) continue;
    pushQuote(text, i + 1, close, out);
    i = close;
  }

  // Single quotation marks (also nested inside double ones).
  for (let i = 0; i < text.length; i++) {
    const open = text[i] as string;
    if (open !== "‘" && open !== "'") continue;
    if (LETTER_OR_DIGIT_RE.test(at(i - 1)) || !LETTER_OR_DIGIT_RE.test(at(i + 1))) continue;
    const close = findCloser(text, i + 1, MAX_SINGLE_QUOTE, (j) => {
      const c = text[j] as string;
      return (c === "’" || c === "'") && !/\s/u.test(at(j - 1)) && !LETTER_OR_DIGIT_RE.test(at(j + 1));
    });
    if (close < 0) continue;
    pushQuote(text, i + 1, close, out);
    i = close;
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

function findCloser(text: string, from: number, maxLength: number, isCloser: (j: number) => boolean): number {
  const limit = Math.min(text.length, from + maxLength);
  for (let j = from; j < limit; j++) {
    const c = text[j] as string;
    if (c === "\n" && PARAGRAPH_BREAK_RE.test(text.slice(j, j + 4))) return -1;
    if (isCloser(j)) return j;
  }
  return -1;
}

function pushQuote(text: string, start: number, end: number, out: Quotation[]) {
  const inner = text.slice(start, end);
  if (LETTER_OR_DIGIT_RE.test(inner)) out.push({ start, end, text: inner });
}

export interface QuotationOccurrence {
  sourceId: string;
  /** Offsets of the shared words in the source text (quotation marks excluded). */
  start: number;
  end: number;
  /** Whether the words stand inside quotation marks in this source. */
  quoted: boolean;
}

export interface SharedQuotation {
  /** The shared words as written in the source where they were first found quoted. */
  quote: string;
  occurrences: QuotationOccurrence[];
}

export interface SharedQuotationOptions {
  /** Shortest shared run of words to report (default 3). */
  minWords?: number;
}

interface PreparedSource {
  id: string;
  text: string;
  words: WordToken[];
  quotations: Quotation[];
  /** minWords-gram key -> word positions where it starts. */
  grams: Map<string, number[]>;
  /** "first:last" word ranges of the quotations, to recognise a whole quotation. */
  quotedRanges: Set<string>;
}

/**
 * Quoted words shared between sources.
 *
 * Every quotation of at least `minWords` words in any source is a seed. Its words are
 * compared, as normalised words (case, accents, apostrophe and quote style folded;
 * punctuation and whitespace ignored), with the full text of every other source, so
 * the same quote is found whether the other outlet quotes it with other marks, quotes a
 * longer or shorter part of it, or repeats the words without any quotation marks (an
 * outlet adopting a party's wording as its own is itself a framing signal; `quoted` tells
 * the two apart). Each maximal shared run of at least `minWords` words that contains at
 * least one word other than a stop word ("of the world" is not a quotation) becomes a
 * group, provided it is a whole quotation in at least one of the two sources, or at least
 * 2 x minWords long. Without that rule any quotation shares a three-word fragment such
 * as "the second anniversary" with half the coverage of the event; a shared fragment of a
 * quotation is only reported when it is long enough to be a deliberate reuse. Runs found
 * from several seeds are merged by their normalised words.
 *
 * Groups whose every occurrence lies inside an occurrence of a longer group are dropped
 * as redundant. Order: number of sources (desc), length (desc), then position.
 */
export function findSharedQuotations(
  sources: readonly { id: string; text: string }[],
  options: SharedQuotationOptions = {},
): SharedQuotation[] {
  const minWords = Math.max(1, Math.floor(options.minWords ?? 3));
  const prepared = sources.map((s): PreparedSource => {
    const words = wordTokens(s.text);
    const grams = new Map<string, number[]>();
    for (let i = 0; i + minWords <= words.length; i++) {
      const key = gramKey(words, i, minWords);
      const list = grams.get(key);
      if (list) list.push(i);
      else grams.set(key, [i]);
    }
    const quotations = extractQuotations(s.text);
    const quotedRanges = new Set(quotations.map((q) => wordRange(words, q).join(":")));
    return { id: s.id, text: s.text, words, quotations, grams, quotedRanges };
  });

  interface Group {
    key: string;
    wordCount: number;
    quote: string;
    occurrences: Map<string, QuotationOccurrence>;
    firstSeen: number;
  }
  const groups = new Map<string, Group>();
  let seen = 0;

  const occurrence = (src: PreparedSource, from: number, to: number): QuotationOccurrence => {
    const start = (src.words[from] as WordToken).start;
    const end = (src.words[to - 1] as WordToken).end;
    const quoted = src.quotations.some((q) => q.start <= start && end <= q.end);
    return { sourceId: src.id, start, end, quoted };
  };

  for (const src of prepared) {
    for (const q of src.quotations) {
      const [qs, qe] = wordRange(src.words, q);
      if (qe - qs < minWords) continue;
      for (const other of prepared) {
        if (other === src) continue;
        for (let k = qs; k + minWords <= qe; k++) {
          const hits = other.grams.get(gramKey(src.words, k, minWords));
          if (!hits) continue;
          for (const p of hits) {
            // Only runs that are maximal on the left (within the quotation) start a match.
            if (k > qs && p > 0 && sameWord(src.words, k - 1, other.words, p - 1)) continue;
            let len = minWords;
            while (k + len < qe && p + len < other.words.length && sameWord(src.words, k + len, other.words, p + len)) len++;
            if (!hasContentWord(src.words, k, k + len)) continue;
            const wholeSeed = k === qs && k + len === qe;
            const wholeOther = other.quotedRanges.has(`${p}:${p + len}`);
            if (!wholeSeed && !wholeOther && len < 2 * minWords) continue;
            const key = gramKey(src.words, k, len);
            let group = groups.get(key);
            if (!group) {
              const seed = occurrence(src, k, k + len);
              group = { key, wordCount: len, quote: src.text.slice(seed.start, seed.end), occurrences: new Map(), firstSeen: seen++ };
              groups.set(key, group);
            }
            for (const occ of [occurrence(src, k, k + len), occurrence(other, p, p + len)]) {
              group.occurrences.set(`${occ.sourceId}\u0000${occ.start}`, occ);
            }
          }
        }
      }
    }
  }

  const order = new Map(prepared.map((s, i) => [s.id, i]));
  const list = [...groups.values()]
    .map((g) => ({
      ...g,
      occ: [...g.occurrences.values()].sort(
        (x, y) => (order.get(x.sourceId) ?? 0) - (order.get(y.sourceId) ?? 0) || x.start - y.start,
      ),
    }))
    .filter((g) => new Set(g.occ.map((o) => o.sourceId)).size >= 2);

  const contains = (outer: QuotationOccurrence, inner: QuotationOccurrence) =>
    outer.sourceId === inner.sourceId && outer.start <= inner.start && inner.end <= outer.end;
  const kept = list.filter(
    (g) => !list.some((h) => h !== g && h.wordCount > g.wordCount && g.occ.every((o) => h.occ.some((ho) => contains(ho, o)))),
  );
  const sourceCount = (g: (typeof kept)[number]) => new Set(g.occ.map((o) => o.sourceId)).size;
  kept.sort((x, y) => sourceCount(y) - sourceCount(x) || y.wordCount - x.wordCount || x.firstSeen - y.firstSeen);
  return kept.map((g) => ({ quote: g.quote, occurrences: g.occ }));
}

function gramKey(words: readonly WordToken[], from: number, length: number): string {
  let key = "";
  for (let i = from; i < from + length; i++) key += (i > from ? " " : "") + (words[i] as WordToken).norm;
  return key;
}

function sameWord(a: readonly WordToken[], i: number, b: readonly WordToken[], j: number): boolean {
  return (a[i] as WordToken).norm === (b[j] as WordToken).norm;
}

function hasContentWord(words: readonly WordToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!STOP_WORDS.has((words[i] as WordToken).norm)) return true;
  return false;
}

/** Indexes [first, last) of the words lying inside a span. */
function wordRange(words: readonly WordToken[], span: Span): [number, number] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as WordToken).start < span.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < words.length && (words[end] as WordToken).end <= span.end) end++;
  return [lo, end];
}
