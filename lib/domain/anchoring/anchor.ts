import { bestPrefixDistance, compilePattern, findMatchEnds, prefixDistances } from "./approx-match";
import type { CompiledPattern, EndMatch } from "./approx-match";
import { CONTEXT_LENGTH } from "./selectors";
import type { AnchorResult, AnchorTarget } from "./types";
import { boundaryAtOrAfter, boundaryAtOrBefore } from "./unicode";

/**
 * Re-anchoring: find where a stored quote now is in a (possibly edited) text.
 *
 * The fallback chain follows Hypothesis's anchoring (src/annotator/anchoring/):
 *   1. position — the stored offsets still hold the quote and its context: score 1;
 *   2. quote    — every exact occurrence of the quote, ranked by context and distance;
 *   3. normalized — the quote up to Unicode normalization (NFC/NFD) or whitespace;
 *   4. fuzzy    — approximate occurrences (edit distance), ranked the same way.
 * Stages 2–4 share one score (see `scoreCandidate`); a stage returns early only when
 * its best candidate is clearly right (CONFIDENT_SCORE), otherwise its candidates stay
 * in the running against the next stage's. The best candidate overall is returned
 * unless it scores below ORPHAN_THRESHOLD, in which case the target is an orphan.
 */

/** How a target was anchored; reanchor() reports position/quote as "exact". */
export type AnchorMethod = "position" | "quote" | "normalized" | "fuzzy";

export interface DetailedAnchor extends AnchorResult {
  method: AnchorMethod;
}

/**
 * Below this score a target is reported as an orphan instead of being placed.
 *
 * A score mixes quote similarity (weight 50; less for quotes under 20 characters),
 * prefix and suffix similarity above chance (20 each) and nearness to the old position
 * (2). Why 0.5:
 *   - an exact quote of 20+ characters always passes, even with all of its surroundings
 *     rewritten: (50 + 0 + 0 + ~2) / 92 ≈ 0.55;
 *   - an approximate match needs support: with both sides of its context gone it must
 *     be ≥ 88% similar to the quote, with one side intact ≥ 48%;
 *   - a 1–2 character quote is placed only when its context agrees (see
 *     FULL_WEIGHT_QUOTE_LENGTH).
 * Measured on the shared corpus (calibration test in anchor.test.ts): of quotes that
 * were deleted, leaving no verbatim copy, 93% score below 0.5; most of the others land
 * on photo captions that repeat 85–95% of the deleted one. Of quotes with one word
 * replaced, 95% land exactly on the new wording and under 1% become orphans. Erring
 * towards orphans is deliberate: an orphan is shown to the user for re-attaching, a
 * misplaced annotation silently points at the wrong words.
 */
export const ORPHAN_THRESHOLD = 0.5;

/** A stage whose best candidate reaches this needs no further (more expensive) stage. */
const CONFIDENT_SCORE = 0.9;

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/**
 * Quotes shorter than this get a proportionally smaller quote weight: finding "US" or
 * "a" verbatim says little about where the annotation was, so for them the context has
 * to carry the decision; a 1-character quote with foreign context is an orphan.
 */
const FULL_WEIGHT_QUOTE_LENGTH = 20;

/**
 * Errors tolerated by the fuzzy search, as a share of the quote's length. Hypothesis
 * searches up to 1/2; but edit-distance similarity of unrelated English text is about
 * 0.2–0.4 (best of many substrings: more), so at 1/2 a deleted quote is "found" in the
 * text that closed the gap, with perfect context on both sides. Near the old position
 * up to 1/3 is allowed; far from it (the whole-text scan) only 1/6: there the position
 * no longer vouches for the match, so the quote itself must (the same trade-off as
 * diff-match-patch's Match_Distance). It also halves the scan's cost, which is
 * O(maxErrors / 32 · text length).
 */
const LOCAL_MAX_ERROR_RATE = 1 / 3;
const GLOBAL_MAX_ERROR_RATE = 1 / 6;
const MAX_ERRORS = 256;
/** Candidates scored in full per stage; protects against quotes like "a" in a long text. */
const MAX_EXACT_CANDIDATES = 200;
const MAX_FUZZY_CANDIDATES = 40;
const NEAR_HINT_CANDIDATES = 10;
/** Characters on each side of the old position that the local fuzzy scan covers. */
const LOCAL_WINDOW = 2000;

/**
 * Stands for "the start (or end) of the text" in context comparisons: a prefix shorter
 * than CONTEXT_LENGTH was cut by the start of the text, so a candidate that is also
 * near the start matches it better than one preceded by unrelated text.
 */
const TEXT_EDGE = "\uffff";

/**
 * Context similarity that unrelated text reaches anyway: with the free end and the
 * slack window, two random 32–48 character snippets of the corpus score about 0.2
 * (95th percentile 0.33). Only similarity above this counts as evidence.
 */
const CONTEXT_BASELINE = 0.3;

interface Search {
  text: string;
  quote: string;
  hint: number | undefined;
  /** Reversed prefix (+ TEXT_EDGE), read backwards from a candidate's start; null if unknown. */
  prefixPattern: CompiledPattern | null;
  /** Suffix (+ TEXT_EDGE), read forwards from a candidate's end; null if unknown. */
  suffixPattern: CompiledPattern | null;
  quoteWeight: number;
  /**
   * Whether the original selection began (ended) on a grapheme boundary, judged from the
   * stored context. Only then are candidates widened to whole clusters: a boundary an
   * edit has split is repaired, one the user chose is kept.
   */
  snapStart: boolean;
  snapEnd: boolean;
  /** Compiled on first use by the fuzzy stage. */
  quotePattern?: CompiledPattern;
  reversedQuotePattern?: CompiledPattern;
}

const reverse = (s: string) => s.split("").reverse().join("");

function prepare(
  text: string,
  quote: string,
  prefix: string | undefined,
  suffix: string | undefined,
  hint: number | undefined,
): Search {
  const edge = (context: string) => (context.length < CONTEXT_LENGTH ? TEXT_EDGE : "");
  const before = prefix ?? "";
  const after = suffix ?? "";
  return {
    text,
    quote,
    hint,
    prefixPattern: prefix === undefined ? null : compilePattern(reverse(edge(prefix) + prefix)),
    suffixPattern: suffix === undefined ? null : compilePattern(suffix + edge(suffix)),
    quoteWeight: QUOTE_WEIGHT * Math.min(1, quote.length / FULL_WEIGHT_QUOTE_LENGTH),
    snapStart: boundaryAtOrBefore(before + quote, before.length) === before.length,
    snapEnd: boundaryAtOrAfter(quote + after, quote.length) === quote.length,
  };
}

/**
 * 1 − (edit distance / length) between the expected context and the text next to the
 * candidate, aligned at the candidate's edge and free at the far end, so an insertion
 * right next to the quote costs its length and text further away costs nothing.
 */
function contextSimilarity(search: Search, pattern: CompiledPattern, edge: number, forward: boolean): number {
  const length = pattern.length;
  if (length === 0) return 1;
  const { text } = search;
  const windowLength = length + Math.ceil(length / 2);
  let window: string;
  if (forward) {
    const to = Math.min(text.length, edge + windowLength);
    window = text.slice(edge, to) + (to === text.length ? TEXT_EDGE : "");
  } else {
    const from = Math.max(0, edge - windowLength);
    window = reverse(text.slice(from, edge)) + (from === 0 ? TEXT_EDGE : "");
  }
  const similarity = 1 - bestPrefixDistance(window, pattern) / length;
  return Math.max(0, (similarity - CONTEXT_BASELINE) / (1 - CONTEXT_BASELINE));
}

function scoreCandidate(search: Search, start: number, end: number, quoteSimilarity: number): number {
  let weighted = search.quoteWeight * quoteSimilarity;
  let total = search.quoteWeight;
  // Unknown context (selectors from elsewhere) neither helps nor hurts.
  if (search.prefixPattern) {
    weighted += PREFIX_WEIGHT * contextSimilarity(search, search.prefixPattern, start, false);
    total += PREFIX_WEIGHT;
  }
  if (search.suffixPattern) {
    weighted += SUFFIX_WEIGHT * contextSimilarity(search, search.suffixPattern, end, true);
    total += SUFFIX_WEIGHT;
  }
  if (search.hint !== undefined) {
    weighted += POSITION_WEIGHT * (1 - Math.min(1, Math.abs(start - search.hint) / Math.max(1, search.text.length)));
    total += POSITION_WEIGHT;
  }
  return weighted / total;
}

/**
 * Stage 1: the stored offsets still hold the quote, with its full context around it.
 * Checking the context too (the W3C/Hypothesis check is the quote only) matters for
 * short quotes: after an insertion, the old offsets of "a" very often hold another "a".
 */
function positionHolds(
  text: string,
  start: number,
  quote: string,
  prefix: string | undefined,
  suffix: string | undefined,
): boolean {
  const end = start + quote.length;
  if (start < 0 || end > text.length || !text.startsWith(quote, start)) return false;
  if (prefix !== undefined) {
    if (start < prefix.length || !text.startsWith(prefix, start - prefix.length)) return false;
    if (prefix.length < CONTEXT_LENGTH && start !== prefix.length) return false;
  }
  if (suffix !== undefined) {
    if (end + suffix.length > text.length || !text.startsWith(suffix, end)) return false;
    if (suffix.length < CONTEXT_LENGTH && end + suffix.length !== text.length) return false;
  }
  return true;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Too many exact occurrences (a one-letter quote): keep those whose adjacent characters
 * agree longest with the context, nearest to the hint first on ties.
 */
function shortlist(search: Search, starts: number[], length: number, prefix: string, suffix: string): number[] {
  if (starts.length <= MAX_EXACT_CANDIDATES) return starts;
  const { text, hint } = search;
  const agreement = (start: number) => {
    let n = 0;
    while (n < prefix.length && text[start - 1 - n] === prefix[prefix.length - 1 - n]) n++;
    let k = 0;
    while (k < suffix.length && text[start + length + k] === suffix[k]) k++;
    return n + k;
  };
  return starts
    .map((start) => ({ start, agreement: agreement(start), distance: hint === undefined ? 0 : Math.abs(start - hint) }))
    .sort((a, b) => b.agreement - a.agreement || a.distance - b.distance)
    .slice(0, MAX_EXACT_CANDIDATES)
    .map((c) => c.start);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Stage 3: ranges equal to the quote up to NFC/NFD normalization or whitespace runs. */
function normalizedRanges(text: string, quote: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const form of ["NFC", "NFD"] as const) {
    const variant = quote.normalize(form);
    if (variant !== quote) {
      for (const start of occurrences(text, variant)) ranges.push({ start, end: start + variant.length });
    }
  }
  // Only quotes with inner whitespace: trimming "d " to "d" would match every "d".
  const words = quote.trim().split(/\s+/);
  if (words.length > 1) {
    const re = new RegExp(words.map(escapeRegExp).join("\\s+"), "g");
    for (const match of text.matchAll(re)) {
      if (ranges.length >= MAX_EXACT_CANDIDATES) break;
      ranges.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return ranges;
}

const maxErrorsFor = (quoteLength: number, rate: number) => Math.min(MAX_ERRORS, Math.floor(quoteLength * rate));

/** Stage 4: approximate occurrences of the quote in text.slice(from, to), as (start, end, errors). */
function fuzzyRanges(
  search: Search,
  from: number,
  to: number,
  maxErrors: number,
): Array<{ start: number; end: number; errors: number }> {
  const { text, quote, hint } = search;
  const m = quote.length;
  if (maxErrors < 1) return [];
  search.quotePattern ??= compilePattern(quote);
  const ends = findMatchEnds(text, search.quotePattern, maxErrors, from, to);

  // Around every true match the distance grows by one per character; keep the local minima.
  const minima: EndMatch[] = [];
  for (let i = 0; i < ends.length; i++) {
    const e = ends[i]!;
    const prev = ends[i - 1];
    const next = ends[i + 1];
    const prevErrors = prev && prev.end === e.end - 1 ? prev.errors : Infinity;
    const nextErrors = next && next.end === e.end + 1 ? next.errors : Infinity;
    if (e.errors <= prevErrors && e.errors <= nextErrors) minima.push(e);
  }
  // The closest matches, plus a few near the old position in case the quote there was
  // edited more than some look-alike elsewhere (context will then decide).
  const distance = (e: EndMatch) => (hint === undefined ? 0 : Math.abs(e.end - m - hint));
  const chosen = new Set(
    [...minima].sort((a, b) => a.errors - b.errors || distance(a) - distance(b)).slice(0, MAX_FUZZY_CANDIDATES),
  );
  if (hint !== undefined) {
    for (const e of [...minima].sort((a, b) => distance(a) - distance(b)).slice(0, NEAR_HINT_CANDIDATES)) chosen.add(e);
  }

  // The forward search only yields ends; the start comes from aligning the reversed
  // quote backwards from the end. Several starts can be equally good ("of the war" vs
  // "of orbit war": with or without "of "); all of them become candidates, and the
  // prefix decides.
  const reversedQuote = (search.reversedQuotePattern ??= compilePattern(reverse(quote)));
  const ranges: Array<{ start: number; end: number; errors: number }> = [];
  for (const e of chosen) {
    const from = Math.max(0, e.end - m - maxErrors);
    const distances = prefixDistances(reverse(text.slice(from, e.end)), reversedQuote);
    let best = Infinity;
    for (let j = 1; j < distances.length; j++) best = Math.min(best, distances[j]!);
    for (let j = 1; j < distances.length; j++) {
      if (distances[j] === best) ranges.push({ start: e.end - j, end: e.end, errors: Math.min(m, best) });
    }
  }
  return ranges;
}

/**
 * The best candidate of the fallback chain, whatever its score (null when there is no
 * candidate at all). Exported for calibration tests; use `anchorDetailed`.
 */
export function bestCandidate(text: string, target: AnchorTarget): DetailedAnchor | null {
  if (typeof text !== "string" || text.length === 0 || !target?.quote) return null;
  const quote = target.quote.exact;
  if (typeof quote !== "string" || quote.length === 0) return null;
  // Selectors from elsewhere may omit context: unknown, not "at the edge of the text".
  const prefix = typeof target.quote.prefix === "string" ? target.quote.prefix : undefined;
  const suffix = typeof target.quote.suffix === "string" ? target.quote.suffix : undefined;

  const position = target.position;
  let hint: number | undefined;
  if (position && Number.isFinite(position.start)) {
    hint = Math.min(text.length, Math.max(0, Math.trunc(position.start)));
    if (Number.isInteger(position.start) && position.end - position.start === quote.length) {
      if (positionHolds(text, position.start, quote, prefix, suffix)) {
        return { start: position.start, end: position.end, score: 1, method: "position" };
      }
    }
  }

  const search = prepare(text, quote, prefix, suffix, hint);
  const state: { best: DetailedAnchor | null } = { best: null };
  const seen = new Set<string>();
  const consider = (rawStart: number, rawEnd: number, quoteSimilarity: number, rawMethod: AnchorMethod) => {
    // Whole grapheme clusters only: "cafe" found in "cafe\u0301" must take the accent.
    const start = search.snapStart ? boundaryAtOrBefore(text, rawStart) : rawStart;
    const end = search.snapEnd ? boundaryAtOrAfter(text, rawEnd) : rawEnd;
    const method = rawMethod === "quote" && (start !== rawStart || end !== rawEnd) ? "normalized" : rawMethod;
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    const score = scoreCandidate(search, start, end, quoteSimilarity);
    if (state.best === null || score > state.best.score) state.best = { start, end, score, method };
  };
  const confident = () => state.best !== null && state.best.score >= CONFIDENT_SCORE;

  for (const start of shortlist(search, occurrences(text, quote), quote.length, prefix ?? "", suffix ?? "")) {
    consider(start, start + quote.length, 1, "quote");
  }
  if (confident()) return state.best;

  for (const { start, end } of normalizedRanges(text, quote)) consider(start, end, 1, "normalized");
  if (confident()) return state.best;

  const fuzzy = (from: number, to: number, maxErrors: number) => {
    for (const { start, end, errors } of fuzzyRanges(search, from, to, maxErrors)) {
      consider(start, end, 1 - errors / quote.length, "fuzzy");
    }
  };
  // Near the old position first: an edited quote is usually still there (reanchorAll
  // maps the position through the diff, so "there" is precise), and a local scan is a
  // fraction of a full one.
  const localErrors = maxErrorsFor(quote.length, LOCAL_MAX_ERROR_RATE);
  if (hint !== undefined) {
    const reach = quote.length + localErrors + LOCAL_WINDOW;
    fuzzy(hint - reach, hint + reach, localErrors);
    if (confident()) return state.best;
  }
  // The whole text, unless the quote was found verbatim (stage 2–3) and nothing better
  // turned up near the old position: a better place elsewhere would need a near-copy
  // of the quote with better context, and scanning for it costs as much as all the
  // other stages together.
  const verbatim = state.best !== null && state.best.method !== "fuzzy" && state.best.score >= ORPHAN_THRESHOLD;
  if (hint === undefined || !verbatim) fuzzy(0, text.length, maxErrorsFor(quote.length, GLOBAL_MAX_ERROR_RATE));

  return state.best;
}

/** Like `anchorSelectors`, and also says which stage placed the target. */
export function anchorDetailed(text: string, target: AnchorTarget): DetailedAnchor | null {
  const found = bestCandidate(text, target);
  if (found === null || found.score < ORPHAN_THRESHOLD || found.end <= found.start) return null;
  return found;
}

/**
 * Finds the target in `text`: its range and a confidence score in (0, 1], or null when
 * it cannot be placed (an orphan). Never throws; the range always satisfies
 * 0 ≤ start < end ≤ text.length.
 */
export function anchorSelectors(text: string, target: AnchorTarget): AnchorResult | null {
  const found = anchorDetailed(text, target);
  return found === null ? null : { start: found.start, end: found.end, score: found.score };
}
