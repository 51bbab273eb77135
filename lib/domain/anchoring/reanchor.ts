import DiffMatchPatch from "diff-match-patch";
import { ORPHAN_THRESHOLD, anchorDetailed } from "./anchor";
import { createSelectors } from "./selectors";
import type { AnchorTarget, Selectors } from "./types";
import { boundaryAtOrAfter, boundaryAtOrBefore } from "./unicode";

/**
 * Re-anchoring for a new revision of a source: what the app calls for every annotation
 * and passage of the source. Compared with calling `anchorSelectors` directly it
 *   - follows each stored position through a word diff of the old and new text
 *     (computed once per batch): a quote no edit touched stays exactly where the diff
 *     puts it, even when another copy of the same words has a better-matching context
 *     (repeated captions, boilerplate, a sentence quoted twice);
 *   - places a quote whose words were edited a little (a word changed, a typo fixed)
 *     on its new words, as the diff maps them; only a quote most of whose words are
 *     gone is searched for elsewhere (a moved paragraph) and otherwise orphaned;
 *   - returns fresh selectors for the new text, ready to store;
 *   - reports a status the UI can show.
 */

/**
 * "exact": the quoted text is unchanged (maybe moved); "fuzzy": it was found with edits,
 * or differs only in whitespace or Unicode normalization, and deserves a glance;
 * "orphaned": it could not be placed; keep the old selectors and ask the user to re-attach.
 */
export type ReanchorStatus = "exact" | "fuzzy" | "orphaned";

export type ReanchorResult =
  | { status: "exact" | "fuzzy"; score: number; selectors: Selectors }
  | { status: "orphaned" };

/**
 * Placement must not depend on how busy the machine is, so no diff here has a time limit
 * (diff-match-patch's Diff_Timeout 0: it always finishes with the same, minimal diff).
 * The work is bounded by size instead: lines first, then words only inside the runs of
 * changed lines, and a run too large to diff word by word (its old words times its new
 * words above this) is treated as replaced whole, which re-anchoring then searches by
 * quote. Myers' diff of n words with d edits costs about n·d, at most this product: a few
 * hundred milliseconds for two rewritten 8,000-word passages.
 */
const MAX_WORD_DIFF_WORK = 1 << 26;

/** A diff-match-patch with no time limit (see MAX_WORD_DIFF_WORK). */
function untimedDiff(): DiffMatchPatch {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  return dmp;
}

/** Words, whitespace runs and single other characters (punctuation, symbols). */
const TOKEN = /[\p{L}\p{M}\p{N}_]+|\s+|[^]/gu;

/** Lines with their line break, as diff-match-patch cuts them (diff_linesToChars_). */
const LINE_WITH_BREAK = /[^\n]*\n|[^\n]+$/g;

/**
 * Each distinct piece becomes one character, as diff-match-patch does for lines
 * (diff_linesToChars_); null when there are too many distinct pieces to encode.
 */
function encodePieces(oldPieces: string[], newPieces: string[]): { encodedOld: string; encodedNew: string; lengths: number[] } | null {
  const codes = new Map<string, number>();
  const lengths: number[] = [];
  const encode = (pieces: string[]) => {
    let encoded = "";
    for (const piece of pieces) {
      let code = codes.get(piece);
      if (code === undefined) {
        code = codes.size;
        codes.set(piece, code);
        lengths.push(piece.length);
      }
      encoded += String.fromCharCode(code);
    }
    return encoded;
  };
  const encodedOld = encode(oldPieces);
  const encodedNew = encode(newPieces);
  if (codes.size > 0xd7ff) return null; // keep clear of the surrogate range
  return { encodedOld, encodedNew, lengths };
}

/** An encoded diff back as (operation, length in characters) pairs. */
function decodedLengths(diffs: DiffMatchPatch.Diff[], lengths: number[]): Array<[op: number, length: number]> {
  return diffs.map(([op, chunk]) => {
    let length = 0;
    for (let i = 0; i < chunk.length; i++) length += lengths[chunk.charCodeAt(i)]!;
    return [op, length];
  });
}

/** A run of changed text replaced whole: its deletion, then its insertion. */
function replacedWhole(oldLength: number, newLength: number): Array<[op: number, length: number]> {
  const diffs: Array<[op: number, length: number]> = [];
  if (oldLength > 0) diffs.push([DiffMatchPatch.DIFF_DELETE, oldLength]);
  if (newLength > 0) diffs.push([DiffMatchPatch.DIFF_INSERT, newLength]);
  return diffs;
}

/**
 * Diffs a run of changed text word by word: each distinct token becomes one character. A
 * 25 kB article is ~8,000 tokens instead of 25,000 characters; the diff only has to be
 * exact outside the edits. Too large a run (MAX_WORD_DIFF_WORK) is replaced whole.
 */
function wordDiff(oldText: string, newText: string, cleanup = true): Array<[op: number, length: number]> {
  const oldTokens = oldText.match(TOKEN) ?? [];
  const newTokens = newText.match(TOKEN) ?? [];
  const encoded = oldTokens.length * newTokens.length <= MAX_WORD_DIFF_WORK ? encodePieces(oldTokens, newTokens) : null;
  if (encoded === null) return replacedWhole(oldText.length, newText.length);
  const dmp = untimedDiff();
  const diffs = dmp.diff_main(encoded.encodedOld, encoded.encodedNew, false);
  // A moved or rewritten passage otherwise comes out as many small edits around chance
  // equalities ("the", a space) that pin short quotes to the wrong place.
  if (cleanup) dmp.diff_cleanupSemantic(diffs);
  return decodedLengths(diffs, encoded.lengths);
}

/**
 * The diff of two texts: a diff of whole lines first (each distinct line one character),
 * then a word diff of each run of lines it deleted and inserted together. Lines the
 * line diff kept are kept; the work grows with the edited runs, not the whole text.
 */
function textDiff(oldText: string, newText: string): Array<[op: number, length: number]> {
  const oldLines = oldText.match(LINE_WITH_BREAK) ?? [];
  const newLines = newText.match(LINE_WITH_BREAK) ?? [];
  const encoded = encodePieces(oldLines, newLines);
  if (encoded === null) return wordDiff(oldText, newText);
  const diffs: Array<[op: number, length: number]> = [];
  let o = 0;
  let n = 0;
  let runOld = 0;
  let runNew = 0;
  const flush = () => {
    if (runOld > 0 || runNew > 0) diffs.push(...wordDiff(oldText.slice(o - runOld, o), newText.slice(n - runNew, n)));
    runOld = runNew = 0;
  };
  const dmp = untimedDiff();
  const lineDiffs = dmp.diff_main(encoded.encodedOld, encoded.encodedNew, false);
  // A blank or stock line kept between edited ones joins them into one run, so the word
  // diff sees the whole edited passage (a moved paragraph, a rewrite) at once.
  dmp.diff_cleanupSemantic(lineDiffs);
  for (const [op, length] of decodedLengths(lineDiffs, encoded.lengths)) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      flush();
      diffs.push([op, length]);
      o += length;
      n += length;
    } else if (op === DiffMatchPatch.DIFF_DELETE) {
      runOld += length;
      o += length;
    } else {
      runNew += length;
      n += length;
    }
  }
  flush();
  return diffs;
}

/**
 * The old text cut into segments along a diff: equal text, or text deleted and maybe
 * replaced, with where each segment begins in both texts and, for a replacement, the
 * length of the new text in its place. Pure insertions lie between segments.
 */
interface Segments {
  oldStarts: number[];
  newStarts: number[];
  oldLengths: number[];
  newLengths: number[];
  equal: boolean[];
  /** Ranges of the new text that the diff says were inserted (sorted). */
  inserted: Array<{ start: number; end: number }>;
}

function segmentsOf(oldText: string, newText: string): Segments {
  const segments: Segments = { oldStarts: [], newStarts: [], oldLengths: [], newLengths: [], equal: [], inserted: [] };
  if (oldText === newText) {
    if (oldText.length > 0) push(0, 0, oldText.length, oldText.length, true);
    return segments;
  }
  const diffs = textDiff(oldText, newText);
  const { oldStarts, newStarts, oldLengths, newLengths } = segments;
  let o = 0;
  let n = 0;
  for (const [op, length] of refineShortReplacements(oldText, newText, diffs)) {
    if (op === DiffMatchPatch.DIFF_INSERT) {
      // diff-match-patch puts a replacement's deletion right before its insertion.
      const last = oldStarts.length - 1;
      if (last >= 0 && !segments.equal[last] && newStarts[last] === n && oldStarts[last]! + oldLengths[last]! === o) {
        newLengths[last]! += length;
      }
      segments.inserted.push({ start: n, end: n + length });
      n += length;
      continue;
    }
    const equal = op === DiffMatchPatch.DIFF_EQUAL;
    const last = oldStarts.length - 1;
    // Equal text on both sides of a refined word is one segment.
    if (equal && last >= 0 && segments.equal[last] && oldStarts[last]! + oldLengths[last]! === o && newStarts[last]! + newLengths[last]! === n) {
      oldLengths[last]! += length;
      newLengths[last]! += length;
    } else push(o, n, length, equal ? length : 0, equal);
    o += length;
    if (equal) n += length;
  }
  return segments;

  function push(oldStart: number, newStart: number, oldLength: number, newLength: number, equal: boolean) {
    segments.oldStarts.push(oldStart);
    segments.newStarts.push(newStart);
    segments.oldLengths.push(oldLength);
    segments.newLengths.push(newLength);
    segments.equal.push(equal);
  }
}

/** Replacements up to this long on both sides (a word with a typo) are diffed again letter by letter. */
const MAX_REFINED_REPLACEMENT = 32;

/**
 * The word diff with each short replacement (a deletion right before an insertion, both at
 * most MAX_REFINED_REPLACEMENT characters: a typo made or fixed, a letter doubled) diffed
 * again by letters, so the letters of the word that stayed are equal text: a quote that
 * ends inside the word, before the typo, was not touched by it.
 */
function refineShortReplacements(oldText: string, newText: string, diffs: Array<[op: number, length: number]>): Array<[op: number, length: number]> {
  const refined: Array<[op: number, length: number]> = [];
  const dmp = untimedDiff();
  let o = 0;
  let n = 0;
  for (let i = 0; i < diffs.length; i++) {
    const [op, length] = diffs[i]!;
    const next = diffs[i + 1];
    if (op === DiffMatchPatch.DIFF_DELETE && next?.[0] === DiffMatchPatch.DIFF_INSERT && length <= MAX_REFINED_REPLACEMENT && next[1] <= MAX_REFINED_REPLACEMENT) {
      for (const [letterOp, chunk] of dmp.diff_main(oldText.slice(o, o + length), newText.slice(n, n + next[1]), false)) refined.push([letterOp, chunk.length]);
      o += length;
      n += next[1];
      i++;
      continue;
    }
    refined.push([op, length]);
    if (op !== DiffMatchPatch.DIFF_INSERT) o += length;
    if (op !== DiffMatchPatch.DIFF_DELETE) n += length;
  }
  return refined;
}

/** Index of the segment holding old offset `offset` (the last one for the text's end). */
function segmentAt(segments: Segments, offset: number): number {
  let lo = 0;
  let hi = segments.oldStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments.oldStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A stretch of text a diff kept inside one of its replacements (see keptAt);
 * `untouchedOnly` when it counts only for following an untouched quote (see keptAt).
 */
type KeptStretch = { oldStart: number; newStart: number; length: number; untouchedOnly?: boolean };

/**
 * Where [start, end) of `oldText` is in `newText` if the diff `segments` kept it, else
 * null. The diff's semantic cleanup folds short kept passages between two edits into one
 * replacement (it cannot tell them from chance equalities like " the "). Inside a
 * replacement, a word diff without that cleanup tells them apart by length: a kept stretch
 * of MIN_KEPT_IN_REPLACEMENT characters or more is the same words, untouched. With
 * `untouched`, for following an untouched quote (not for counting an edited quote's
 * surviving words), so are
 *   - a stretch that only the diff with whitespace left out keeps (keptBetweenSpaces):
 *     that diff also finds the words of a paragraph moved far into the replacement, which
 *     an edited quote's extent, mapped through the whole-text diff, does not follow;
 *   - the word characters that agree right before and after a kept stretch, as far as they
 *     go: a word glued to a kept one (a line moved without its line break before it, so
 *     that `firstpost` and `Past` became one token, which no word diff keeps) keeps its
 *     letters. Not spaces or punctuation: a line break or a space beside a replacement
 *     agrees by chance as often as not (a line break before a line that text was inserted
 *     above).
 * `kept` caches each replacement's kept stretches.
 */
function keptAt(oldText: string, newText: string, segments: Segments, kept: KeptCache, start: number, end: number, untouched: boolean): number | null {
  const { oldStarts, newStarts, oldLengths, newLengths, equal } = segments;
  const i = segmentAt(segments, start);
  if (end > oldStarts[i]! + oldLengths[i]!) return untouched ? keptAcross(oldText, newText, segments, i, start, end) : null;
  if (equal[i]) return newStarts[i]! + (start - oldStarts[i]!);
  if (newLengths[i] === 0) return null;
  let stretches = kept.stretches.get(i);
  if (!stretches) {
    stretches = [];
    let o = oldStarts[i]!;
    let n = newStarts[i]!;
    const oldPart = oldText.slice(o, o + oldLengths[i]!);
    const newPart = newText.slice(n, n + newLengths[i]!);
    for (const [op, length] of wordDiff(oldPart, newPart, false)) {
      if (op === DiffMatchPatch.DIFF_EQUAL && length >= MIN_KEPT_IN_REPLACEMENT) stretches.push({ oldStart: o, newStart: n, length });
      if (op !== DiffMatchPatch.DIFF_INSERT) o += length;
      if (op !== DiffMatchPatch.DIFF_DELETE) n += length;
    }
    for (const run of keptBetweenIn(oldText, newText, segments, kept, i)) {
      if (run.length >= MIN_KEPT_IN_REPLACEMENT) stretches.push({ oldStart: oldStarts[i]! + run.oldStart, newStart: newStarts[i]! + run.newStart, length: run.length, untouchedOnly: true });
    }
    const [oldEnd, newEnd] = [oldStarts[i]! + oldLengths[i]!, newStarts[i]! + newLengths[i]!];
    for (const { oldStart, newStart, length } of [...stretches]) {
      let [a, b, e, f] = [oldStart, newStart, oldStart + length, newStart + length];
      while (a > oldStarts[i]! && b > newStarts[i]! && oldText[a - 1] === newText[b - 1] && isWordChar(oldText[a - 1])) [a, b] = [a - 1, b - 1];
      while (e < oldEnd && f < newEnd && oldText[e] === newText[f] && isWordChar(oldText[e])) [e, f] = [e + 1, f + 1];
      if (e - a > length) stretches.push({ oldStart: a, newStart: b, length: e - a, untouchedOnly: true });
    }
    kept.stretches.set(i, stretches);
  }
  const stretch = stretches.find((k) => (untouched || !k.untouchedOnly) && k.oldStart <= start && end <= k.oldStart + k.length);
  return stretch ? stretch.newStart + (start - stretch.oldStart) : null;
}

/**
 * Where [start, end), beginning in segment `i` and ending in the next, is in `newText` if one
 * of the two is equal text and the quote's part in the other is word characters that the
 * edit there left in place at that edge (the start of a replacement after kept text, or its
 * end before kept text), side by side in the new text: a word lengthened or rewritten from
 * its end on (`influence` → `influencee`, in a replacement too long to be diffed letter by
 * letter) keeps the letters before the edit. Not spaces or punctuation (see keptAt). Else
 * null.
 */
function keptAcross(oldText: string, newText: string, segments: Segments, i: number, start: number, end: number): number | null {
  const { oldStarts, newStarts, oldLengths, newLengths, equal } = segments;
  const next = i + 1;
  if (next >= oldStarts.length || end > oldStarts[next]! + oldLengths[next]! || equal[i] === equal[next]) return null;
  if (newStarts[next] !== newStarts[i]! + newLengths[i]!) return null;
  const edge = equal[i] ? oldText.slice(oldStarts[next]!, end) : oldText.slice(start, oldStarts[next]!);
  if (!/^[\p{L}\p{M}\p{N}_]+$/u.test(edge)) return null;
  const at = equal[i] ? newStarts[i]! + (start - oldStarts[i]!) : newStarts[next]! - (oldStarts[next]! - start);
  return newText.startsWith(oldText.slice(start, end), at) ? at : null;
}

/**
 * Per replacement (segment index) of one diff: its kept stretches (keptAt) and what the
 * diff with whitespace left out keeps of it (keptBetweenIn). Each is computed once per
 * replacement, however many quotes lie in it: a heavy rewrite is one replacement holding
 * hundreds of quotes, and the token diff behind them costs up to MAX_WORD_DIFF_WORK
 * (issue 17: done once per quote, 400 edits took minutes).
 */
type KeptCache = { stretches: Map<number, KeptStretch[]>; between: Map<number, KeptStretch[]>; work: ReanchorWork };

const keptCache = (work: ReanchorWork): KeptCache => ({ stretches: new Map(), between: new Map(), work });

/**
 * The work of re-anchoring's costliest step, for tests: the old tokens times the new tokens
 * of every whitespace-free token diff of a replacement (keptBetweenIn), what bounds that
 * diff's cost. Each replacement of the whole-text diff and of each line pair's diff is
 * diffed once, so this stays below twice the old text's tokens times the new text's,
 * whatever the number of quotes.
 */
export type ReanchorWork = { tokenPairsDiffed: number };

/** keptBetweenSpaces of replacement `i` of `segments`, offsets within it; once per replacement (`cache`). */
function keptBetweenIn(oldText: string, newText: string, segments: Segments, cache: KeptCache, i: number): KeptStretch[] {
  let stretches = cache.between.get(i);
  if (!stretches) {
    const [o, n] = [segments.oldStarts[i]!, segments.newStarts[i]!];
    stretches = keptBetweenSpaces(oldText.slice(o, o + segments.oldLengths[i]!), newText.slice(n, n + segments.newLengths[i]!), cache.work);
    cache.between.set(i, stretches);
  }
  return stretches;
}

/** Words and single other characters that are not whitespace. */
const NON_SPACE_TOKEN = /[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;

/**
 * The stretches a diff of the two texts' words and punctuation, whitespace left out, keeps
 * (no semantic cleanup): consecutive kept tokens with the same whitespace between them in
 * both texts make one stretch. In a word diff the spaces between words are tokens too, and
 * in a passage where most words were replaced they are most of what can be kept: the
 * alignment then keeps a space between every two replaced words rather than two words
 * that stayed side by side ("threatened retribution" after inserted words).
 */
function keptBetweenSpaces(oldText: string, newText: string, work: ReanchorWork): KeptStretch[] {
  const oldTokens = [...oldText.matchAll(NON_SPACE_TOKEN)];
  const newTokens = [...newText.matchAll(NON_SPACE_TOKEN)];
  if (oldTokens.length * newTokens.length > MAX_WORD_DIFF_WORK) return [];
  work.tokenPairsDiffed += oldTokens.length * newTokens.length;
  const encoded = encodePieces(oldTokens.map((t) => t[0]), newTokens.map((t) => t[0]));
  if (encoded === null) return [];
  const stretches: KeptStretch[] = [];
  let o = 0;
  let n = 0;
  let last: { o: number; n: number } | null = null;
  const gap = (tokens: RegExpExecArray[], text: string, from: number, to: RegExpExecArray) => text.slice(tokens[from]!.index + tokens[from]![0].length, to.index);
  for (const [op, chunk] of untimedDiff().diff_main(encoded.encodedOld, encoded.encodedNew, false)) {
    if (op !== DiffMatchPatch.DIFF_EQUAL) {
      if (op === DiffMatchPatch.DIFF_DELETE) o += chunk.length;
      else n += chunk.length;
      last = null;
      continue;
    }
    for (let k = 0; k < chunk.length; k++, o++, n++) {
      const oldToken = oldTokens[o]!;
      const newToken = newTokens[n]!;
      const run = stretches.at(-1);
      if (last !== null && run !== undefined && gap(oldTokens, oldText, last.o, oldToken) === gap(newTokens, newText, last.n, newToken)) {
        run.length = oldToken.index + oldToken[0].length - run.oldStart;
      } else stretches.push({ oldStart: oldToken.index, newStart: newToken.index, length: oldToken[0].length });
      last = { o, n };
    }
  }
  return stretches;
}

/** Characters of quote plus agreeing surroundings that identify a moved copy. */
const MIN_MOVE_EVIDENCE = 48;

/**
 * Where oldText[start, end) reappears verbatim inside one of `blocks` of the new text (text
 * that nothing else accounts for), if anywhere: of several copies, the one whose
 * surroundings agree longest with the old surroundings wins, then the nearest to
 * `expected`. The quote and the surroundings that moved with it must make
 * MIN_MOVE_EVIDENCE characters together: such text also holds rewritten passages, full of
 * short words ("the", "out"). With `contextOnly`, the surroundings alone must make them
 * (when nothing else says the quote is untouched: an edited quote's words may be found
 * verbatim in a look-alike line).
 */
function verbatimCopy(oldText: string, newText: string, start: number, end: number, blocks: ReadonlyArray<{ start: number; end: number }>, expected: number, contextOnly = false): number | null {
  const quote = oldText.slice(start, end);
  let best: { at: number; agreement: number; distance: number } | null = null;
  for (const block of blocks) {
    if (block.end - block.start < quote.length) continue;
    for (let at = newText.indexOf(quote, block.start); at !== -1 && at + quote.length <= block.end; at = newText.indexOf(quote, at + 1)) {
      let agreement = 0;
      while (agreement < MOVE_CONTEXT && oldText[start - 1 - agreement] !== undefined && oldText[start - 1 - agreement] === newText[at - 1 - agreement]) agreement++;
      for (let k = 0; k < MOVE_CONTEXT && oldText[end + k] !== undefined && oldText[end + k] === newText[at + quote.length + k]; k++) agreement++;
      const distance = Math.abs(at - expected);
      if (!best || agreement > best.agreement || (agreement === best.agreement && distance < best.distance)) best = { at, agreement, distance };
    }
  }
  return best && best.agreement + (contextOnly ? 0 : quote.length) >= MIN_MOVE_EVIDENCE ? best.at : null;
}

/** Lines shorter than this (blank lines, "Photo", a date) repeat too often to follow when moved. */
const MIN_MOVED_LINE = 24;

/** Lines paired by their words need this share of their tokens in common (sharedShare). */
const MIN_LINE_SIMILARITY = 0.5;

/**
 * What pairing a line with one from elsewhere (a move) costs against one edited in place, in
 * shares of tokens: about half a token of a 50-token caption. Enough to keep a caption edited
 * in place from a moved identical copy of it, and small enough that a token of difference
 * still tells two look-alike lines apart when both moved: a bulleted caption and its
 * unbulleted copy, one of them edited, would otherwise cross, pairing each with the new
 * line in its place across the bullet (one token in forty or fifty) to save two moves.
 */
const MOVE_PENALTY = 0.01;

/**
 * Bounds on the line pairing's work: identical lines are candidates only while their
 * copies in both texts multiply to at most MAX_COPY_PAIRS (a stock line such as "Photo"
 * repeated everywhere pairs with nothing), and lines are compared by their words only
 * while the long lines of both texts multiply to at most MAX_LINE_COMPARISONS.
 */
const MAX_COPY_PAIRS = 256;
const MAX_LINE_COMPARISONS = 1 << 20;
/** Of the lines similar to an old line, the most similar this many are candidates (a gallery's captions all look alike). */
const MAX_SIMILAR_LINES = 16;

/**
 * How much a chain of kept lines loses per pair for lying away from where the whole-text
 * diff puts the old line (as a share of the text's length): only enough to choose between
 * chains equally similar, such as two identical captions either of which could be kept.
 */
const TIE_BREAK = 1e-3;

/** Passes of pair swapping after the greedy line pairing (see paragraphPairs). */
const MAX_SWAP_PASSES = 8;

type Line = { start: number; text: string };

/**
 * A possible pair of an old line (index i) and a new one (j), with the share of tokens
 * they have in common and how far the new line is from where the diff puts the old one.
 */
type LineCandidate = { i: number; j: number; similarity: number; distance: number };

/** A line's words and other non-space characters (a bullet, a dash), each with its count. */
function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of text.match(TOKEN) ?? []) if (!/^\s/.test(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** The share of two lines' tokens they have in common, counting repeats (Jaccard index of multisets). */
function sharedShare(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let all = 0;
  for (const [token, count] of a) {
    const other = b.get(token) ?? 0;
    shared += Math.min(count, other);
    all += Math.max(count, other);
  }
  for (const [token, count] of b) if (!a.has(token)) all += count;
  return all === 0 ? 0 : shared / all;
}

/**
 * Every pair of lines that may be the same line: identical lines of any length, and
 * long lines (MIN_MOVED_LINE) sharing at least MIN_LINE_SIMILARITY of their tokens,
 * compared only while the long lines left multiply to at most MAX_LINE_COMPARISONS.
 */
function lineCandidates(oldLines: Line[], newLines: Line[], map: (offset: number) => number): LineCandidate[] {
  const candidates: LineCandidate[] = [];
  const distance = (i: number, j: number) => Math.abs(newLines[j]!.start - map(oldLines[i]!.start));
  const newAt = new Map<string, number[]>();
  newLines.forEach(({ text }, j) => {
    const at = newAt.get(text);
    if (at) at.push(j);
    else newAt.set(text, [j]);
  });
  const oldCount = new Map<string, number>();
  for (const { text } of oldLines) oldCount.set(text, (oldCount.get(text) ?? 0) + 1);
  oldLines.forEach(({ text }, i) => {
    const copies = newAt.get(text) ?? [];
    if (copies.length * oldCount.get(text)! <= MAX_COPY_PAIRS) for (const j of copies) candidates.push({ i, j, similarity: 1, distance: distance(i, j) });
  });
  // A line found once in each text, unchanged, pairs with nothing else (see paragraphPairs):
  // an edit or two in a long text leaves few lines to compare.
  const once = (text: string) => oldCount.get(text) === 1 && newAt.get(text)?.length === 1;
  const longOld = oldLines.flatMap((line, i) => (line.text.length >= MIN_MOVED_LINE && !once(line.text) ? [i] : []));
  const longNew = newLines.flatMap((line, j) => (line.text.length >= MIN_MOVED_LINE && !once(line.text) ? [j] : []));
  if (longOld.length * longNew.length > MAX_LINE_COMPARISONS) return candidates;
  const newTokens = longNew.map((j) => ({ j, tokens: tokenCounts(newLines[j]!.text) }));
  for (const i of longOld) {
    const tokens = tokenCounts(oldLines[i]!.text);
    const similar: LineCandidate[] = [];
    for (const n of newTokens) {
      if (newLines[n.j]!.text === oldLines[i]!.text) continue;
      const similarity = sharedShare(tokens, n.tokens);
      if (similarity >= MIN_LINE_SIMILARITY) similar.push({ i, j: n.j, similarity, distance: distance(i, n.j) });
    }
    similar.sort((x, y) => y.similarity - x.similarity || x.distance - y.distance);
    candidates.push(...similar.slice(0, MAX_SIMILAR_LINES));
  }
  return candidates;
}

/**
 * The pairs of lines that kept their order: of all candidate pairs, the chain increasing
 * in both texts with the most similarity above MIN_LINE_SIMILARITY in total (a weighted
 * longest increasing subsequence, O(c log n) for c candidates). Counting only what is
 * above the threshold keeps a run of merely similar captions, filling the gap a moved one
 * left, from outweighing fewer identical ones. Lines edited in place stay on it; a moved
 * line leaves it, even when it is the one line found once in both texts, because the
 * lines edited around it outweigh it (a diff anchored on unique lines would keep the moved
 * line and pair the lines around it out of order). Of two chains as similar, the one
 * nearer to where the diff puts each line wins (TIE_BREAK).
 */
function keptOrder(candidates: LineCandidate[], newCount: number, newLength: number): LineCandidate[] {
  const sorted = [...candidates].sort((x, y) => x.i - y.i || y.j - x.j);
  // A Fenwick tree over new line indices: the best chain ending before each index.
  const best = new Float64Array(newCount + 1);
  const endOf = new Int32Array(newCount + 1).fill(-1);
  const total = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(-1);
  sorted.forEach(({ j, similarity, distance }, k) => {
    let value = 0;
    let from = -1;
    for (let x = j; x > 0; x -= x & -x) {
      if (best[x]! > value) {
        value = best[x]!;
        from = endOf[x]!;
      }
    }
    total[k] = value + similarity - MIN_LINE_SIMILARITY - (TIE_BREAK * distance) / (newLength + 1);
    previous[k] = from;
    for (let x = j + 1; x <= newCount; x += x & -x) {
      if (total[k]! > best[x]!) {
        best[x] = total[k]!;
        endOf[x] = k;
      }
    }
  });
  let last = -1;
  sorted.forEach((_, k) => {
    if (last === -1 || total[k]! > total[last]!) last = k;
  });
  const chain: LineCandidate[] = [];
  for (let k = last; k >= 0; k = previous[k]!) chain.push(sorted[k]!);
  return chain.reverse();
}

/**
 * Pairs the lines (paragraphs) of the old and new text, however far apart: a character
 * diff cannot follow a moved paragraph, and in a text of near-identical paragraphs (a
 * photo gallery's captions) it pairs the moved one's words with another's. A line found
 * exactly once in each text, unchanged, is the same line wherever it went. The rest are
 * paired greedily: most similar first (identical, then by the tokens they share), a pair
 * that fits between the lines that kept their order around it (keptOrder) before one from
 * elsewhere, then the nearest; short lines only in place. So of two identical captions
 * each keeps the one between its own neighbours, whatever moved around them. Each pair is
 * compared with a word diff of its own.
 */
function paragraphPairs(oldText: string, newText: string, map: (offset: number) => number, work: ReanchorWork) {
  const lines = (text: string): Line[] => [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index, text: m[0] }));
  const oldLines = lines(oldText);
  const newLines = lines(newText);
  const candidates = lineCandidates(oldLines, newLines, map);
  const pairs = new Map<Line, Line>();
  const taken = new Set<Line>();
  const pair = (i: number, j: number) => {
    pairs.set(oldLines[i]!, newLines[j]!);
    taken.add(newLines[j]!);
  };
  const free = (c: LineCandidate) => !pairs.has(oldLines[c.i]!) && !taken.has(newLines[c.j]!);
  // A line found once in each text, unchanged, is the same line wherever it went.
  const copies = (key: (c: LineCandidate) => number) => {
    const counts = new Map<number, number>();
    for (const c of candidates) if (c.similarity === 1) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
    return counts;
  };
  const oldCopies = copies((c) => c.i);
  const newCopies = copies((c) => c.j);
  for (const c of candidates) if (c.similarity === 1 && oldCopies.get(c.i) === 1 && newCopies.get(c.j) === 1) pair(c.i, c.j);
  // Whether a pair fits between the lines that kept their order around its old line
  // (keptOrder, leaving the line itself out): edited in place, not moved.
  const chainNew = new Int32Array(oldLines.length).fill(-1);
  for (const { i, j } of keptOrder(candidates, newLines.length, newText.length)) chainNew[i] = j;
  const before = new Int32Array(oldLines.length);
  const after = new Int32Array(oldLines.length);
  for (let i = 0, seen = -1; i < oldLines.length; i++) {
    before[i] = seen;
    if (chainNew[i]! >= 0) seen = chainNew[i]!;
  }
  for (let i = oldLines.length - 1, seen = newLines.length; i >= 0; i--) {
    after[i] = seen;
    if (chainNew[i]! >= 0) seen = chainNew[i]!;
  }
  const inPlace = (c: LineCandidate) => before[c.i]! < c.j && c.j < after[c.i]!;
  // A move costs a little similarity: a caption edited in place keeps its place unless a
  // moved line is clearly more like it; two identical old captions are told apart this way.
  // Short lines are paired only in place.
  const ranked = candidates
    .filter((c) => free(c) && (inPlace(c) || oldLines[c.i]!.text.length >= MIN_MOVED_LINE))
    .map((c) => ({ ...c, score: c.similarity - (inPlace(c) ? 0 : MOVE_PENALTY) }))
    .sort((x, y) => y.score - x.score || x.distance - y.distance);
  const chosen: LineCandidate[] = [];
  for (const c of ranked) {
    if (!free(c)) continue;
    pair(c.i, c.j);
    chosen.push(c);
  }
  // Greedy picks the single best pair first, which can cost two lines their better pairs:
  // two identical captions, one edited in place and one moved and edited more, both most
  // like the less edited copy. Swapping partners between two chosen pairs when that makes
  // their scores' sum larger fixes it (bounded: MAX_SWAP_PASSES passes over the pairs,
  // each trying a pair's other candidates only).
  const scoreOf = new Map<number, number>(ranked.map((c) => [c.i * newLines.length + c.j, c.score]));
  const scoreAt = (i: number, j: number) => scoreOf.get(i * newLines.length + j);
  const alternatives = new Map<number, number[]>();
  for (const c of ranked) {
    const list = alternatives.get(c.i);
    if (list) list.push(c.j);
    else alternatives.set(c.i, [c.j]);
  }
  const chosenNew = new Map<number, number>(chosen.map(({ j }, k) => [j, k]));
  for (let pass = 0, swapped = true; swapped && pass < MAX_SWAP_PASSES; pass++) {
    swapped = false;
    for (let a = 0; a < chosen.length; a++) {
      for (const j of alternatives.get(chosen[a]!.i) ?? []) {
        const b = chosenNew.get(j);
        if (b === undefined || b === a) continue;
        const x = chosen[a]!;
        const y = chosen[b]!;
        const crossed = scoreAt(y.i, x.j);
        if (crossed === undefined || scoreAt(x.i, y.j)! + crossed <= scoreAt(x.i, x.j)! + scoreAt(y.i, y.j)! + 1e-9) continue;
        chosen[a] = { ...x, j: y.j };
        chosen[b] = { ...y, j: x.j };
        chosenNew.set(y.j, a);
        chosenNew.set(x.j, b);
        pair(x.i, y.j);
        pair(y.i, x.j);
        swapped = true;
      }
    }
  }
  const paired = oldLines.filter((l) => pairs.has(l));
  // Old lines paired from elsewhere (a move): the pairing's weaker guess (see twinFind).
  const movedPairs = new Set(chosen.filter((c) => !inPlace(c)).map((c) => oldLines[c.i]!));
  // A line left unpaired next to a paired one (only line breaks between), whose words follow
  // (or precede) that line's words in its pair: a rewrite across the line break merged the
  // two. For following an untouched quote (see find), the pair is then the two old lines,
  // joined as they were, so that each one's words are diffed against their own part of the
  // new line. Diffed alone, the paired line's own words, where they were edited, took
  // look-alike words of the merged part (captions from one template share most of them),
  // and the unpaired line's quotes went to another copy. The words of edited quotes are
  // still followed line by line: the whole-text diff, which gives an edited quote its
  // extent, often lost such merged lines and then disagrees with where their words went.
  const absorbed = new Set<Line>();
  const keptLength = (old: string, now: string) => wordDiff(old, now).reduce((sum, [op, length]) => sum + (op === DiffMatchPatch.DIFF_EQUAL ? length : 0), 0);
  const keptAlone = new Map<Line, number>();
  const merges = new Map<Line, { first: Line; last: Line }>();
  oldLines.forEach((line, k) => {
    if (pairs.has(line)) return;
    let best: { paired: Line; gain: number } | null = null;
    for (const other of [oldLines[k - 1], oldLines[k + 1]]) {
      if (!other || !pairs.has(other)) continue;
      const [first, last] = other.start < line.start ? [other, line] : [line, other];
      const twin = pairs.get(other)!;
      if (twin.text === other.text || !/^\n+$/.test(oldText.slice(first.start + first.text.length, last.start))) continue;
      if (!keptAlone.has(other)) keptAlone.set(other, keptLength(other.text, twin.text));
      const gain = keptLength(oldText.slice(first.start, last.start + last.text.length), twin.text) - keptAlone.get(other)!;
      if (gain * 2 >= line.text.length && (!best || gain > best.gain)) best = { paired: other, gain };
    }
    if (!best) return;
    const merge = merges.get(best.paired) ?? { first: best.paired, last: best.paired };
    if (line.start < merge.first.start) merge.first = line;
    else merge.last = line;
    merges.set(best.paired, merge);
    absorbed.add(line);
  });
  const joinedPairs = new Map(pairs);
  for (const [line, { first, last }] of merges) {
    joinedPairs.delete(line);
    joinedPairs.set({ start: first.start, text: oldText.slice(first.start, last.start + last.text.length) }, pairs.get(line)!);
  }
  const joinedPaired = [...joinedPairs.keys()].sort((x, y) => x.start - y.start);
  const twinOf = (line: Line) => joinedPairs.get(line) ?? pairs.get(line)!;
  const diffs = new Map<Line, { segments: Segments; kept: KeptCache }>();
  const diffOf = (line: Line) => {
    let diff = diffs.get(line);
    if (!diff) diffs.set(line, (diff = { segments: segmentsOf(line.text, twinOf(line).text), kept: keptCache(work) }));
    return diff;
  };
  /** Where [start, end) of `line` is in its pair, if the pair kept it (`untouched`: see keptAt); else null. */
  const within = (line: Line, start: number, end: number, untouched: boolean): number | null => {
    const twin = twinOf(line);
    if (twin.text === line.text) return twin.start + (start - line.start);
    const diff = diffOf(line);
    const at = keptAt(line.text, twin.text, diff.segments, diff.kept, start - line.start, end - line.start, untouched);
    return at === null ? null : twin.start + at;
  };
  // The new text that pairs of lines kept (identical lines, and the equal text of each
  // pair's diff), in order, and the rest: new lines left unpaired, and what each pair's diff
  // inserted (a line moved and merged into another by an edit across the line break).
  let kept: { claimed: Array<{ start: number; end: number }>; unclaimed: Array<{ start: number; end: number }> } | null = null;
  const keptText = () => {
    if (kept) return kept;
    const claimed: Array<{ start: number; end: number }> = [];
    for (const [line, twin] of joinedPairs) {
      if (twin.text === line.text) {
        claimed.push({ start: twin.start, end: twin.start + twin.text.length });
        continue;
      }
      const { newStarts, newLengths, equal } = diffOf(line).segments;
      equal.forEach((isEqual, k) => {
        if (isEqual) claimed.push({ start: twin.start + newStarts[k]!, end: twin.start + newStarts[k]! + newLengths[k]! });
      });
    }
    claimed.sort((x, y) => x.start - y.start);
    const unclaimed: Array<{ start: number; end: number }> = [];
    let from = 0;
    for (const range of claimed) {
      if (range.start > from) unclaimed.push({ start: from, end: range.start });
      from = Math.max(from, range.end);
    }
    if (from < newText.length) unclaimed.push({ start: from, end: newText.length });
    return (kept = { claimed, unclaimed });
  };
  /**
   * Which piece of new text no pair kept each unpaired old line most likely went to: a
   * piece holding at least half of its tokens. The lines share the pieces out jointly, most
   * tokens in common first, and the tokens a line is given are not given again (a line then
   * ranks a piece by the tokens left in it). So when a rewrite across line breaks merged two
   * old lines into one new line, or glued a moved line to another, each keeps its own half,
   * and a line whose own remains were rewritten more does not take the better-kept remains
   * of a look-alike (captions from one template share most of their words). Joint only while
   * the lines times the pieces stay within MAX_LINE_COMPARISONS; beyond, each line takes its
   * best piece.
   */
  const shareOut = (unpaired: Line[], pieces: Array<{ start: number; end: number }>) => {
    const left = pieces.map(({ start, end }) => tokenCounts(newText.slice(start, end)));
    const wanted = unpaired.map((line) => tokenCounts(line.text));
    const total = wanted.map((tokens) => [...tokens.values()].reduce((a, b) => a + b, 0));
    const sharedWith = (l: number, p: number) => {
      let shared = 0;
      for (const [token, count] of wanted[l]!) shared += Math.min(count, left[p]!.get(token) ?? 0);
      return shared;
    };
    type Offer = { l: number; p: number; shared: number; distance: number };
    const better = (x: Offer, y: Offer) => x.shared - y.shared || y.distance - x.distance;
    const offers: Offer[] = [];
    const joint = unpaired.length * pieces.length <= MAX_LINE_COMPARISONS;
    unpaired.forEach((line, l) => {
      let best: Offer | null = null;
      pieces.forEach((piece, p) => {
        const offer = { l, p, shared: sharedWith(l, p), distance: Math.abs(piece.start - map(line.start)) };
        if (offer.shared * 2 < total[l]! || offer.shared === 0) return;
        if (joint) offers.push(offer);
        else if (!best || better(offer, best) > 0) best = offer;
      });
      if (best) offers.push(best);
    });
    offers.sort((x, y) => better(y, x));
    const given = new Map<Line, { start: number; end: number }>();
    // Lazily: an offer's tokens only ever shrink, so the first offer that still holds all it
    // counted is the best one left.
    while (offers.length > 0) {
      const offer = offers.shift()!;
      const line = unpaired[offer.l]!;
      if (given.has(line)) continue;
      const shared = sharedWith(offer.l, offer.p);
      if (shared < offer.shared) {
        if (shared === 0) continue;
        const reoffer = { ...offer, shared };
        let at = 0;
        while (at < offers.length && better(offers[at]!, reoffer) >= 0) at++;
        offers.splice(at, 0, reoffer);
        continue;
      }
      given.set(line, pieces[offer.p]!);
      if (!joint) continue;
      for (const [token, count] of wanted[offer.l]!) {
        const there = left[offer.p]!.get(token);
        if (there !== undefined) left[offer.p]!.set(token, Math.max(0, there - count));
      }
    }
    return given;
  };
  // The unpaired old lines against the new text no pair kept, letter by letter (see lineCopy).
  type Run = { oldStart: number; newStart: number; length: number };
  let likeliest: Map<Line, { start: number; end: number }> | null = null;
  const letterCopies = new Map<Line, Run[] | null>();
  const lineCopyOf = (line: Line) => {
    if (letterCopies.has(line)) return letterCopies.get(line)!;
    likeliest ??= shareOut(
      oldLines.filter((l) => !pairs.has(l) && !absorbed.has(l)),
      keptText().unclaimed.flatMap(({ start, end }) => [...newText.slice(start, end).matchAll(/[^\n]+/g)].map((m) => ({ start: start + m.index, end: start + m.index + m[0].length }))),
    );
    const best = likeliest.get(line);
    // Every line given the same piece (captions merged into one line), joined by line breaks
    // and diffed against it at once: each line's words then go to their own part of the
    // piece, not to a look-alike part that belongs to another line.
    const given = best ? [...likeliest].filter(([, piece]) => piece === best).map(([l]) => l).sort((x, y) => x.start - y.start) : [line];
    for (const l of given) letterCopies.set(l, null);
    const piece = best ? newText.slice(best.start, best.end) : "";
    if (!best || given.reduce((sum, l) => sum + l.text.length + 1, 0) * piece.length > MAX_WORD_DIFF_WORK) return null;
    const dmp = untimedDiff();
    // In the order that keeps the most of them (a line pasted elsewhere may have been
    // merged too, and identical captions make either of two the one that left): every order
    // of up to MAX_MERGED_ORDERED lines, else their old order.
    let group = given;
    let letters: DiffMatchPatch.Diff[] = [];
    let mostKept = -1;
    for (const order of given.length <= MAX_MERGED_ORDERED ? permutations(given) : [given]) {
      const diffs = dmp.diff_main(order.map((l) => l.text).join("\n"), piece, false);
      dmp.diff_cleanupSemantic(diffs);
      const keptHere = diffs.reduce((sum, [op, chunk]) => sum + (op === DiffMatchPatch.DIFF_EQUAL ? chunk.length : 0), 0);
      if (keptHere > mostKept) [group, letters, mostKept] = [order, diffs, keptHere];
    }
    const joined = group.map((l) => l.text).join("\n");
    // Where each line begins in the joined text.
    const offsets: number[] = [];
    for (let k = 0, at = 0; k < group.length; at += group[k]!.text.length + 1, k++) offsets.push(at);
    const oldAt = (at: number) => {
      let k = offsets.length - 1;
      while (offsets[k]! > at) k--;
      return { line: group[k]!, offset: group[k]!.start + at - offsets[k]! };
    };
    // As in keptAt: the semantic cleanup folds kept text between two long edits into a
    // replacement, so what a word diff without it keeps in runs of
    // MIN_KEPT_IN_REPLACEMENT characters counts too. The piece has no line break, so no
    // kept run crosses from one line into the next.
    const found = new Map<Line, Run[]>(group.map((l) => [l, []]));
    const equalRuns = (diffs: Array<[op: number, length: number]>, minimum: number) => {
      let o = 0;
      let n = best.start;
      for (const [op, length] of diffs) {
        if (op === DiffMatchPatch.DIFF_EQUAL && length >= minimum) {
          const { line: owner, offset } = oldAt(o);
          found.get(owner)!.push({ oldStart: offset, newStart: n, length });
        }
        if (op !== DiffMatchPatch.DIFF_INSERT) o += length;
        if (op !== DiffMatchPatch.DIFF_DELETE) n += length;
      }
    };
    equalRuns(wordDiff(joined, piece, false), MIN_KEPT_IN_REPLACEMENT);
    equalRuns(letters.map(([op, chunk]) => [op, chunk.length]), 1);
    for (const [l, runs] of found) {
      const covered = new Uint8Array(l.text.length);
      for (const run of runs) covered.fill(1, run.oldStart - l.start, run.oldStart - l.start + run.length);
      if (covered.reduce((sum, kept) => sum + kept, 0) * 2 >= l.text.length) letterCopies.set(l, runs);
    }
    return letterCopies.get(line)!;
  };
  /** The old line that begins last at or before `offset`. */
  const lineAt = (offset: number): Line | undefined => oldLines[lastLineAt(oldLines, offset)];
  /**
   * Where an old line now begins, as its longest kept stretch puts it (the stretch's new
   * start less its offset in the line): in its pair, else in its letter copy (lineCopyOf);
   * null if nowhere, and for a line joined with a paired neighbour (its place is that pair's).
   * The longest stretch, not the first: captions from one template begin alike, and a
   * caption merged after another keeps a chance first stretch at the merged line's start.
   */
  const destinationOf = (line: Line): number | null => {
    if (absorbed.has(line)) return null;
    const twin = pairs.get(line);
    let runs: Run[];
    if (!twin) runs = lineCopyOf(line) ?? [];
    else if (twin.text === line.text) return twin.start;
    else {
      const { oldStarts, newStarts, oldLengths, equal } = diffOf(line).segments;
      runs = equal.flatMap((isEqual, k) => (isEqual ? [{ oldStart: line.start + oldStarts[k]!, newStart: twin.start + newStarts[k]!, length: oldLengths[k]! }] : []));
    }
    if (runs.length === 0) return null;
    const longest = runs.reduce((x, y) => (y.length > x.length ? y : x));
    return longest.newStart - (longest.oldStart - line.start);
  };
  /**
   * Identical old lines are interchangeable: their words say nothing about which went
   * where, and the pairing, which takes each line's best partner one at a time, can take two
   * identical captions crosswise (one moved next to the other's place, or merged into a
   * neighbour by a rewrite across the line break, so that each twin's best partner is the
   * other's copy). So the places found for a group of identical lines (their pairs, or their
   * letter copies when unpaired) are given out among them in the way that keeps the whole
   * text's order best: most lines in increasing order (fewest moves), then clearly more
   * old neighbours still next to each other (MIN_ADJACENT_GAIN: a block of lines moved
   * together is one move); the pairing's own assignment on ties. Maps a line to the
   * identical line whose place it takes; only for groups of up to MAX_INTERCHANGED long
   * lines, one of them unpaired or paired from elsewhere.
   */
  let interchanges: Map<Line, Line> | null = null;
  const interchangesOf = (): Map<Line, Line> => {
    if (interchanges) return interchanges;
    const swapped = (interchanges = new Map<Line, Line>());
    const groups = new Map<string, number[]>();
    oldLines.forEach((line, i) => {
      if (line.text.length < MIN_MOVED_LINE || absorbed.has(line)) return;
      const group = groups.get(line.text);
      if (group) group.push(i);
      else groups.set(line.text, [i]);
    });
    const twins = [...groups.values()].filter((group) => group.length >= 2 && group.length <= MAX_INTERCHANGED && group.some((i) => !pairs.has(oldLines[i]!) || movedPairs.has(oldLines[i]!)));
    if (twins.length === 0) return swapped;
    const destinations = oldLines.map(destinationOf);
    for (const group of twins) {
      const members = group.filter((i) => destinations[i] !== null);
      let best = members;
      let bestOrder = orderKept(destinations);
      for (const order of permutations(members).slice(1)) {
        const trial = [...destinations];
        order.forEach((from, k) => (trial[members[k]!] = destinations[from]!));
        const kept = orderKept(trial);
        if (kept.increasing > bestOrder.increasing || (kept.increasing === bestOrder.increasing && kept.adjacent >= bestOrder.adjacent + MIN_ADJACENT_GAIN)) [best, bestOrder] = [order, kept];
      }
      const places = best.map((from) => destinations[from]!);
      best.forEach((from, k) => {
        destinations[members[k]!] = places[k]!;
        if (from !== members[k]) swapped.set(oldLines[members[k]!]!, oldLines[from]!);
      });
    }
    return swapped;
  };
  return {
    /**
     * Where [start, end), line breaks only, lying in the line breaks that end a paired line,
     * is now: as far into those after its pair, if the new text has them there too; else
     * null. Line breaks are all alike, so which of them went where nothing in the texts tells
     * when a line moved: "A\n\nB" with A pasted elsewhere as "A\n\n" or as "\n\nA" leaves
     * the same text. They are taken to end the line before them, as a paragraph is cut with
     * its line breaks. The whole-text diff keeps a run of line breaks wherever two runs line
     * up, and a search by content takes any line break with a like context: both put them
     * after another line as often as not.
     */
    breaksAfter(start: number, end: number): number | null {
      const line = lineAt(start);
      const twin = line && pairs.get(line);
      if (!twin) return null;
      const lineEnd = line.start + line.text.length;
      const breaks = oldText.slice(lineEnd, end);
      const twinEnd = twin.start + twin.text.length;
      return lineEnd <= start && /^\n+$/.test(breaks) && newText.startsWith(breaks, twinEnd) ? twinEnd + (start - lineEnd) : null;
    },
    /**
     * How far [start, end), within one old line, is to be shifted to lie at the same offset
     * in the identical line whose place its line takes (see interchangesOf): 0 if none.
     */
    interchange(start: number, end: number): number {
      const line = lineAt(start);
      if (!line || end > line.start + line.text.length) return 0;
      const other = interchangesOf().get(line);
      return other ? other.start - line.start : 0;
    },
    /**
     * Where [start, end), within one line left unpaired, is in the new text no pair kept
     * that is most like its line (shared out jointly, see shareOut), by a diff of the two
     * letter by letter (together with the other lines given the same piece, joined in the
     * order that keeps most of them: captions merged into one line) and, as in keptAt, the stretches of MIN_KEPT_IN_REPLACEMENT
     * characters a word diff without the semantic cleanup keeps, if together they keep at
     * least half of the line (the cleaned-up letter diff alone keeps little of a line merged
     * with two others into one long line): a line moved and glued to another (a last line without its
     * line break, so that its last word and the next line's first become one token), or
     * merged into another by a rewrite across the line break. Null if neither keeps the range.
     */
    lineCopy(start: number, end: number): number | null {
      const line = lineAt(start);
      if (!line || pairs.has(line) || absorbed.has(line) || start < line.start || end > line.start + line.text.length) return null;
      const run = lineCopyOf(line)?.find((r) => r.oldStart <= start && end <= r.oldStart + r.length);
      return run ? run.newStart + (start - run.oldStart) : null;
    },
    /**
     * Where [start, end), beginning in a line left unpaired, reappears verbatim in new text
     * that no pair kept (see verbatimCopy, also for `contextOnly`); else null.
     */
    moved(start: number, end: number, contextOnly = false): number | null {
      return verbatimCopy(oldText, newText, start, end, keptText().unclaimed, map(start), contextOnly);
    },
    /** Whether new text [start, end) overlaps text that a pair of lines kept. */
    claimed(start: number, end: number): boolean {
      return keptText().claimed.some((range) => range.start < end && start < range.end);
    },
    /**
     * `at`, where the whole-text diff keeps [start, end), if that lies inside the pair of
     * the line holding the range (its own pair's diff lost it: diffed alone, the line's
     * words aligned differently); else null.
     */
    keptInPair(start: number, end: number, at: number | null): number | null {
      if (at === null) return null;
      const line = joinedPaired.find((l) => l.start <= start && end <= l.start + l.text.length);
      const twin = line && twinOf(line);
      return twin && twin.start <= at && at + end - start <= twin.start + twin.text.length ? at : null;
    },
    /**
     * Where [start, end), within one line paired from elsewhere (a move) whose pair did not
     * keep it, is kept by the pair of an identical old line paired in place: which of two
     * identical lines went where only the pairing says, and a move is its weaker guess (two
     * identical captions, one moved and both edited, taken crosswise). Else null.
     */
    twinFind(start: number, end: number): number | null {
      const line = oldLines.find((l) => l.start <= start && end <= l.start + l.text.length);
      if (!line || !movedPairs.has(line)) return null;
      for (const twin of oldLines) {
        if (twin === line || twin.text !== line.text || !pairs.has(twin) || movedPairs.has(twin)) continue;
        const at = this.find(twin.start + start - line.start, twin.start + end - line.start, true);
        if (at != null) return at;
      }
      return null;
    },
    /**
     * Where [start, end) is now if it lies in paired lines and their pairs kept it, side
     * by side (a quote over several lines: each line's pair follows the previous one's,
     * with the same line breaks between them, or the rest of the quote verbatim after a
     * pair when it goes on into a line left unpaired); null if a pair changed it or the
     * pairs lie apart; undefined if it begins in no paired line, or goes on into an
     * unpaired line and does not follow its pair verbatim (the whole-text diff decides).
     * With `joined`, a line merged with its unpaired neighbour is one line with it (see
     * joinedPairs).
     */
    find(start: number, end: number, joined: boolean): number | null | undefined {
      const lines = joined ? joinedPaired : paired;
      const lo = lastLineAt(lines, start);
      let line = lines[lo];
      if (!line || line.start > start || start >= line.start + line.text.length) return undefined;
      let from = start;
      let found: number | null = null;
      for (let k = lo; ; ) {
        const lineEnd = line.start + line.text.length;
        const at = within(line, from, Math.min(end, lineEnd), joined);
        if (at === null || (found !== null && at !== twinOf(line).start)) return null;
        found ??= at;
        if (end <= lineEnd) return found;
        // The quote goes on past this line: to the end of its pair, over the same line breaks, into the next line's pair.
        const twin = twinOf(line);
        const next = lines[++k];
        const twinEnd = twin.start + twin.text.length;
        if (at + (lineEnd - from) !== twinEnd) return null;
        const gap = oldText.slice(lineEnd, Math.min(end, next?.start ?? end));
        // Text other than line breaks before the next paired line: a line that was not paired.
        // If the rest of the quote follows this pair verbatim, the quote is there; else the
        // whole-text diff decides.
        if (!/^\n*$/.test(gap)) return newText.startsWith(oldText.slice(lineEnd, end), twinEnd) ? found : undefined;
        if (newText.slice(twinEnd, twinEnd + gap.length) !== gap) return null;
        if (!next || end <= next.start) return found;
        if (twinOf(next).start !== twinEnd + gap.length) return null;
        line = next;
        from = next.start;
      }
    },
  };
}

/** Index of the last of `lines` (sorted by start) that begins at or before `offset`; 0 if none does. */
function lastLineAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Lines given one piece of new text are diffed against it in every order up to this many (see lineCopy). */
const MAX_MERGED_ORDERED = 4;

/** Identical lines whose places are given out among them in every order, up to this many (see interchangesOf). */
const MAX_INTERCHANGED = 4;

/**
 * Of two ways to give identical lines their places with as few moves, the one keeping this
 * many more old neighbours side by side wins (see interchangesOf). One is not enough: a
 * twin pasted right beside the other's copy reads as pasted before it or after it, one
 * move either way, and whichever junction the paste broke, the other reading keeps one
 * more whenever a neighbour there had moved away too; nothing tells the two apart. Two
 * kept junctions more are lines that moved as one block (a twin and the line after it).
 */
const MIN_ADJACENT_GAIN = 2;

/**
 * How well places in the new text (one per old line, in old order; null for a line placed
 * nowhere) keep the old order: how many lie in increasing order (the longest increasing
 * subsequence; the other lines were moved), and how many follow their old predecessor
 * directly (nothing placed between them).
 */
function orderKept(places: ReadonlyArray<number | null>): { increasing: number; adjacent: number } {
  const placed = places.filter((place): place is number => place !== null);
  const tails: number[] = [];
  for (const place of placed) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < place) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = place;
  }
  const sorted = [...new Set(placed)].sort((x, y) => x - y);
  const rank = new Map(sorted.map((place, k) => [place, k]));
  let adjacent = 0;
  for (let k = 1; k < placed.length; k++) if (rank.get(placed[k]!) === rank.get(placed[k - 1]!)! + 1) adjacent++;
  return { increasing: tails.length, adjacent };
}

/** Every order of `items`, their own first. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, k) => permutations([...items.slice(0, k), ...items.slice(k + 1)]).map((rest) => [item, ...rest]));
}

/** Characters on each side of a moved quote compared to tell its copy from others. */
const MOVE_CONTEXT = 256;

/** Words, numbers and underscores: what "the quoted words" are made of. */
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}\p{N}_]/u.test(ch);
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * Where an old text's offsets and ranges are in the new text, read off one diff:
 *   - `unchanged`: where an old range now is, if no edit touched it (it lies inside
 *     text the diff kept): then it holds exactly the same characters, whatever
 *     happened around it;
 *   - `keptBesideEdits`: where an old range now is, if the diff keeps all of it but an
 *     edge in an edit that could as well have left that edge alone (see there);
 *   - `surviving`: the share of a range's words that the diff kept;
 *   - `mapRange`: the range's new extent, with words replaced at its edges inside it;
 *   - `movedCopy`: where a range the diff saw deleted reappears verbatim in text the
 *     diff saw inserted (a cut paragraph pasted elsewhere);
 *   - `keptBetweenReplaced`: where a range inside a replacement is, if a diff of the
 *     replacement's words and punctuation, whitespace left out, keeps it (keptBetweenSpaces),
 *     however short the kept stretch.
 */
interface DiffMap {
  map(offset: number): number;
  unchanged(start: number, end: number): number | null;
  keptBesideEdits(start: number, end: number): number | null;
  surviving(start: number, end: number): { words: number; characters: number };
  mapRange(start: number, end: number): { start: number; end: number } | null;
  movedCopy(start: number, end: number): number | null;
  keptBetweenReplaced(start: number, end: number): number | null;
}

function diffMap(oldText: string, newText: string, work: ReanchorWork): DiffMap {
  const segments = segmentsOf(oldText, newText);
  const { oldStarts, newStarts, oldLengths, newLengths, equal } = segments;
  const none = oldStarts.length === 0;

  // Equal text maps one to one; inside a replaced block (small edits, or the whole
  // middle of a rewrite too large to diff word by word) proportionally.
  const map = (offset: number) => {
    if (none) return Math.min(offset, newText.length);
    const i = segmentAt(segments, offset);
    const oldLength = Math.max(1, oldLengths[i]!);
    const within = Math.min(offset - oldStarts[i]!, oldLength);
    const mapped = newStarts[i]! + Math.round((within * newLengths[i]!) / oldLength);
    return Math.min(Math.max(0, mapped), newText.length);
  };

  const lines = paragraphPairs(oldText, newText, map, work);
  const keptInside = keptCache(work);

  // A quote beginning in a line that no line pairs with, which the whole-text diff puts in
  // text that a pair of other lines kept, was moved with a line the pairing could not follow
  // (merged into another by an edit across the line break): a verbatim copy in new text that
  // no pair kept, with surroundings to match, is it; else where a letter diff of its line
  // with the unkept new text shared out to it keeps it (lineCopy); only then the diff's place,
  // which belongs to another line. When the diff keeps the quote nowhere, the letter diff of
  // its line comes first, then a verbatim copy whose surroundings alone match for
  // MIN_MOVE_EVIDENCE characters (in a gallery, a look-alike caption's copy often does).
  // Words (for `surviving`) are not looked for this way: too short to tell.
  const unchanged = (oldStart: number, oldEnd: number, followMoves = true): number | null => {
    if (none || oldEnd <= oldStart) return null;
    if (followMoves) {
      const breaks = lines.breaksAfter(oldStart, oldEnd);
      if (breaks !== null) return breaks;
    }
    // A quote in one of several identical lines is followed as if in the one whose place its line takes.
    const shift = followMoves ? lines.interchange(oldStart, oldEnd) : 0;
    const [start, end] = [oldStart + shift, oldEnd + shift];
    const paired = lines.find(start, end, followMoves);
    // The quote's own pair lost it: an identical line's pair may be its true copy.
    if (paired === null && followMoves) return lines.twinFind(start, end) ?? lines.keptInPair(start, end, keptAt(oldText, newText, segments, keptInside, start, end, true));
    if (paired !== undefined) return paired;
    const kept = keptAt(oldText, newText, segments, keptInside, start, end, followMoves);
    if (!followMoves) return kept;
    if (kept === null) return lines.lineCopy(start, end) ?? lines.moved(start, end, true);
    return lines.claimed(kept, kept + end - start) ? (lines.moved(start, end) ?? lines.lineCopy(start, end) ?? kept) : kept;
  };

  // The diff's edits can often slide: deleting " regular" after "thousands of" leaves the
  // same text as deleting "regular ", and diff-match-patch reports either (its semantic
  // cleanup scores the word diff's token codes as if they were characters). A quote
  // whose edge is spaces in such an edit, while the diff keeps the rest of it (the core) and
  // the new text goes on right there with the edge's own characters, is untouched: a diff
  // that keeps the edge too costs no more (the edit slid past it, or shortened by it).
  // Spaces only: where the edge is a line break, or words, reading the quote as untouched
  // costs no more either, but then the edge as often went with text pasted beside it (a
  // paragraph pasted after a blank line; line breaks end the line before them, see
  // breaksAfter), and the quote's extent is as it was edited.
  const keptBesideEdits = (start: number, end: number): number | null => {
    if (none) return null;
    const first = segmentAt(segments, start);
    const last = segmentAt(segments, end - 1);
    const coreStart = equal[first] ? start : oldStarts[first]! + oldLengths[first]!;
    const coreEnd = equal[last] ? end : oldStarts[last]!;
    if (coreEnd <= coreStart || (coreStart === start && coreEnd === end)) return null;
    if (!/^[^\S\n]*$/.test(oldText.slice(start, coreStart) + oldText.slice(coreEnd, end))) return null;
    const core = unchanged(coreStart, coreEnd);
    const at = core === null ? -1 : core - (coreStart - start);
    return at >= 0 && newText.startsWith(oldText.slice(start, end), at) ? at : null;
  };

  const keptCharacters = (start: number, end: number) => {
    if (none) return 0;
    let kept = 0;
    for (let i = segmentAt(segments, start); i < oldStarts.length && oldStarts[i]! < end; i++) {
      if (equal[i]) kept += Math.max(0, Math.min(end, oldStarts[i]! + oldLengths[i]!) - Math.max(start, oldStarts[i]!));
    }
    return kept;
  };

  const surviving = (start: number, end: number) => {
    const characters = end > start ? keptCharacters(start, end) / (end - start) : 0;
    const quote = oldText.slice(start, end);
    let total = 0;
    let kept = 0;
    for (const match of quote.matchAll(WORD)) {
      total++;
      if (unchanged(start + match.index, start + match.index + match[0].length, false) !== null) kept++;
    }
    // A quote without words (punctuation, a symbol) is judged by its characters.
    return { words: total === 0 ? characters : kept / total, characters };
  };

  const mapRange = (start: number, end: number) => {
    if (none) return null;
    // An edit that begins exactly at the quote's start (ends exactly at its end) replaced
    // the quote's own first (last) words: their new wording belongs to the quote.
    const first = segmentAt(segments, start);
    let newStart =
      !equal[first] && oldStarts[first] === start ? newStarts[first]! : map(start);
    const last = segmentAt(segments, end - 1);
    let newEnd =
      !equal[last] && oldStarts[last]! + oldLengths[last]! === end ? newStarts[last]! + newLengths[last]! : map(end);
    // A quote that began (ended) on a word boundary keeps whole words.
    if (!isWordChar(oldText[start - 1]) || !isWordChar(oldText[start])) {
      while (newStart > 0 && isWordChar(newText[newStart - 1]) && isWordChar(newText[newStart])) newStart--;
    }
    if (!isWordChar(oldText[end - 1]) || !isWordChar(oldText[end])) {
      while (newEnd < newText.length && isWordChar(newText[newEnd - 1]) && isWordChar(newText[newEnd])) newEnd++;
    }
    // …and no whitespace at its edges that it did not have.
    if (!isSpace(oldText[start])) while (newStart < newEnd && isSpace(newText[newStart])) newStart++;
    if (!isSpace(oldText[end - 1])) while (newEnd > newStart && isSpace(newText[newEnd - 1])) newEnd--;
    newStart = boundaryAtOrBefore(newText, newStart);
    newEnd = boundaryAtOrAfter(newText, newEnd);
    return newEnd > newStart ? { start: newStart, end: newEnd } : null;
  };

  // A diff sees a moved paragraph as deleted here and inserted there. Other copies of
  // its words (a repeated caption) lie in kept text, which the diff already accounts
  // for; so a verbatim copy inside inserted text is the moved one. Of several, the one
  // whose surroundings agree longest with the old surroundings wins, then the nearest.
  // Inserted text also holds rewritten passages, full of short words ("the", "out"), so
  // the quote and the surroundings that moved with it must make MIN_MOVE_EVIDENCE together.
  const movedCopy = (start: number, end: number) => verbatimCopy(oldText, newText, start, end, segments.inserted, map(start));

  const keptBetweenReplaced = (start: number, end: number) => {
    if (none) return null;
    const i = segmentAt(segments, start);
    if (equal[i] || end > oldStarts[i]! + oldLengths[i]!) return null;
    const o = oldStarts[i]!;
    const n = newStarts[i]!;
    const run = keptBetweenIn(oldText, newText, segments, keptInside, i).find((k) => o + k.oldStart <= start && end <= o + k.oldStart + k.length);
    return run ? n + run.newStart + (start - o - run.oldStart) : null;
  };

  return { map, unchanged, keptBesideEdits, surviving, mapRange, movedCopy, keptBetweenReplaced };
}

/** Kept text inside a replacement this long is the same words, not a chance equality (see diffMap). */
const MIN_KEPT_IN_REPLACEMENT = 16;

/** A quote at least this long found once in each text is the same words (see reanchorOne, 1b). */
const MIN_UNIQUE_QUOTE = 16;

/**
 * A word this long that a diff keeps between replaced words is the same word, not a chance
 * equality like "the" or "and" (see reanchorOne, 5).
 */
const MIN_TELLING_WORD = 8;

/**
 * An edited quote is placed on its new words while at least this share of its words is
 * still there (the diff kept them); below it, "most of the quoted words are gone" and
 * the quote is searched for elsewhere, else orphaned. One word changed in a two-word
 * quote keeps it; its only word changed does not.
 */
export const MIN_SURVIVING_WORDS = 0.5;

/**
 * Whether re-anchoring changed the words under an annotation (not merely whitespace or
 * Unicode normalization): then its tags may no longer fit, and it is marked for review.
 */
export function wordsChanged(oldQuote: string, newQuote: string): boolean {
  const words = (s: string) => s.normalize("NFC").trim().split(/\s+/).join(" ");
  return words(oldQuote) !== words(newQuote);
}

/** Where oldText[from, to) is in the new text, if it occurs exactly once in each text; else null. */
function onceInEach(oldText: string, newText: string, from: number, to: number): number | null {
  const words = oldText.slice(from, to);
  const at = newText.indexOf(words);
  const once = at !== -1 && newText.indexOf(words, at + 1) === -1 && oldText.indexOf(words) === from && oldText.indexOf(words, from + 1) === -1;
  return once ? at : null;
}

/**
 * Where the quote lies, exactly, inside the new range [start, end) its words were mapped
 * to, if the range holds it plus only letters that repeat their neighbour at one edge: a
 * letter doubled at the quote's edge ("troops remain" → "troops rremain" for a quote ending
 * "troops r"). Which of the two equal letters is the new one nothing tells, and the diff's
 * choice is arbitrary (diff-match-patch reports the first as new when the kept text before
 * it is that one letter); read the other way, the quote is untouched. Else null.
 */
function heldAtEdge(newText: string, range: { start: number; end: number }, quote: string): number | null {
  const extra = range.end - range.start - quote.length;
  if (extra <= 0) return null;
  if (newText.startsWith(quote, range.start)) {
    let repeats = true;
    for (let i = range.start + quote.length; i < range.end && repeats; i++) repeats = newText[i] === newText[i - 1];
    if (repeats) return range.start;
  }
  const at = range.end - quote.length;
  if (newText.startsWith(quote, at)) {
    let repeats = true;
    for (let i = at - 1; i >= range.start && repeats; i--) repeats = newText[i] === newText[i + 1];
    if (repeats) return at;
  }
  return null;
}

function reanchorOne(oldText: string, newText: string, target: AnchorTarget, diff: DiffMap): ReanchorResult {
  const quote = target?.quote?.exact;
  const position = target?.position;
  if (
    typeof quote !== "string" ||
    !position ||
    !Number.isInteger(position.start) ||
    position.end !== position.start + quote.length ||
    !oldText.startsWith(quote, position.start)
  ) {
    return searched(newText, target);
  }
  const { start, end } = position;
  // (1) No edit touched the quote: the diff says where it is now, and that wins over any
  // other copy of the same words, whatever happened to its context. Likewise when the diff
  // keeps all of it but an edge that an edit as cheap would have left alone.
  const kept = diff.unchanged(start, end) ?? diff.keptBesideEdits(start, end);
  if (kept !== null) return { status: "exact", score: 1, selectors: createSelectors(newText, kept, kept + quote.length) };
  // (1b) Its exact words, long enough to be telling and within one paragraph, are found
  // once in the old text and once in the new: they are the same words, moved with a
  // paragraph the diff could not follow (edited past recognition around them, or pasted
  // among near-identical ones). Not a quote over a line break: moving a paragraph makes new
  // junctions, where the end of one paragraph and the start of another may meet again.
  // A shorter quote is placed likewise by its whole line (paragraph), found verbatim once
  // in each text: a short line moved with no line break left between it and its new
  // neighbour, which no line pairing can pair.
  if (!/[\n\r]/.test(quote)) {
    const lineStart = oldText.lastIndexOf("\n", start - 1) + 1;
    const lineEnd = oldText.indexOf("\n", end) === -1 ? oldText.length : oldText.indexOf("\n", end);
    for (const [from, to] of [[start, end], [lineStart, lineEnd]] as const) {
      const at = to - from >= MIN_UNIQUE_QUOTE ? onceInEach(oldText, newText, from, to) : null;
      if (at !== null) return { status: "exact", score: 1, selectors: createSelectors(newText, at + start - from, at + start - from + quote.length) };
    }
  }
  // (2) Edited a little: placed on its new words, where the diff puts them.
  const surviving = diff.surviving(start, end);
  if (surviving.words >= MIN_SURVIVING_WORDS && surviving.characters > 0) {
    const range = diff.mapRange(start, end);
    const held = range === null ? null : heldAtEdge(newText, range, quote);
    if (held !== null) return { status: "exact", score: 1, selectors: createSelectors(newText, held, held + quote.length) };
    if (range !== null) {
      const exact = newText.slice(range.start, range.end) === quote;
      return {
        status: exact ? "exact" : "fuzzy",
        score: exact ? 1 : Math.max(ORPHAN_THRESHOLD, surviving.characters),
        selectors: createSelectors(newText, range.start, range.end),
      };
    }
  }
  // (3) Gone from where it was, and pasted elsewhere verbatim: moved with its paragraph.
  // Found once in each text, with a long word (MIN_TELLING_WORD), its surroundings need not
  // agree: a short line moved and glued to another, whose first words were then rewritten.
  const telling = [...quote.matchAll(WORD)].some((word) => word[0].length >= MIN_TELLING_WORD);
  if (surviving.characters === 0) {
    const moved = diff.movedCopy(start, end) ?? (telling && !/[\n\r]/.test(quote) ? onceInEach(oldText, newText, start, end) : null);
    if (moved !== null) return { status: "exact", score: 1, selectors: createSelectors(newText, moved, moved + quote.length) };
  }
  // (4) Mostly gone where it was: search by quote, near
  // where the diff puts its old position.
  const mapped = diff.map(start);
  const found = searched(newText, { quote: target.quote, position: { type: "TextPositionSelector", start: mapped, end: mapped + quote.length } });
  if (found.status !== "orphaned") return found;
  // (5) Not found: a quote holding a long word (MIN_TELLING_WORD) is where the diff of the
  // replacement around it, whitespace left out, keeps it between replaced words (its context
  // rewritten on both sides, the semantic cleanup folded it into the replacement).
  const between = telling ? diff.keptBetweenReplaced(start, end) : null;
  return between === null ? found : { status: "exact", score: 1, selectors: createSelectors(newText, between, between + quote.length) };
}

function searched(newText: string, target: AnchorTarget): ReanchorResult {
  const found = anchorDetailed(newText, target);
  if (found === null) return { status: "orphaned" };
  return {
    status: found.method === "position" || found.method === "quote" ? "exact" : "fuzzy",
    score: found.score,
    selectors: createSelectors(newText, found.start, found.end),
  };
}

/**
 * Re-anchors many targets (annotations, passages) of one source from `oldText` to
 * `newText`, the revision that replaces it. Results are in the order of `targets`.
 * Stored positions should refer to `oldText`; other positions are only used as hints.
 * Cost: the whole-text diff and each line pair's diff once (each word diff at most
 * MAX_WORD_DIFF_WORK), each replacement's extra diffs once (KeptCache), then per target a
 * search by quote at most; `work` counts the costliest step (see ReanchorWork).
 */
export function reanchorAll(oldText: string, newText: string, targets: readonly AnchorTarget[], work: ReanchorWork = { tokenPairsDiffed: 0 }): ReanchorResult[] {
  if (targets.length === 0) return [];
  const diff = diffMap(oldText, newText, work);
  return targets.map((target) => reanchorOne(oldText, newText, target, diff));
}

/** `reanchorAll` for a single target (it diffs the texts, so batch when you can). */
export function reanchor(oldText: string, newText: string, target: AnchorTarget): ReanchorResult {
  return reanchorAll(oldText, newText, [target])[0]!;
}
