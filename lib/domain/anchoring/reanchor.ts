import DiffMatchPatch from "diff-match-patch";
import { anchorDetailed } from "./anchor";
import { createSelectors } from "./selectors";
import type { AnchorTarget, Selectors } from "./types";

/**
 * Re-anchoring for a new revision of a source: what the app calls for every annotation
 * and passage of the source. Compared with calling `anchorSelectors` directly it
 *   - maps each stored position through a word diff of the old and new text (computed
 *     once per batch), so targets that no edit touched are confirmed by the cheap
 *     position check, repeated quotes keep their own copy, and the fuzzy search looks
 *     near the right place first;
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
 * Upper bound on the diff. Myers' diff is near-linear for a revision with a few edits;
 * for a rewrite it degrades towards quadratic, and then a coarse diff is good enough
 * because it only provides hints: anchoring falls back to searching by quote.
 */
const DIFF_TIMEOUT_SECONDS = 0.1;

/** Words, whitespace runs and single other characters (punctuation, symbols). */
const TOKEN = /[\p{L}\p{M}\p{N}_]+|\s+|[^]/gu;

/**
 * Diffs two texts word by word: each distinct token becomes one character, as
 * diff-match-patch does for lines (diff_linesToChars_). A 25 kB article is ~8,000
 * tokens instead of 25,000 characters, which makes the diff of a heavily edited
 * revision several times faster; the diff only has to be exact outside the edits.
 * Returns (operation, length in characters) pairs, or null when there are too many
 * distinct tokens to encode.
 */
function wordDiff(oldText: string, newText: string): Array<[op: number, length: number]> | null {
  const codes = new Map<string, number>();
  const lengths: number[] = [];
  const encode = (text: string) => {
    let encoded = "";
    for (const [token] of text.matchAll(TOKEN)) {
      let code = codes.get(token);
      if (code === undefined) {
        code = codes.size;
        codes.set(token, code);
        lengths.push(token.length);
      }
      encoded += String.fromCharCode(code);
    }
    return encoded;
  };
  const encodedOld = encode(oldText);
  const encodedNew = encode(newText);
  if (codes.size > 0xd7ff) return null; // keep clear of the surrogate range
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = DIFF_TIMEOUT_SECONDS;
  return dmp.diff_main(encodedOld, encodedNew, false).map(([op, chunk]) => {
    let length = 0;
    for (let i = 0; i < chunk.length; i++) length += lengths[chunk.charCodeAt(i)]!;
    return [op, length];
  });
}

/** Maps offsets of `oldText` to offsets of `newText` along a diff. */
function positionMapper(oldText: string, newText: string): (offset: number) => number {
  if (oldText === newText) return (offset) => offset;
  let diffs = wordDiff(oldText, newText);
  if (diffs === null) {
    const dmp = new DiffMatchPatch();
    dmp.Diff_Timeout = DIFF_TIMEOUT_SECONDS;
    diffs = dmp.diff_main(oldText, newText, true).map(([op, chunk]) => [op, chunk.length]);
  }
  // Segments of the old text (equal, or deleted and maybe replaced), with where each
  // begins in both texts and, for a replacement, the length of the new text in its place.
  const oldStarts: number[] = [];
  const newStarts: number[] = [];
  const oldLengths: number[] = [];
  const newLengths: number[] = [];
  let o = 0;
  let n = 0;
  for (const [op, length] of diffs) {
    if (op === DiffMatchPatch.DIFF_INSERT) {
      // diff-match-patch puts a replacement's deletion right before its insertion.
      const last = oldStarts.length - 1;
      if (last >= 0 && newStarts[last] === n && oldStarts[last]! + oldLengths[last]! === o) newLengths[last]! += length;
      n += length;
      continue;
    }
    oldStarts.push(o);
    newStarts.push(n);
    oldLengths.push(length);
    newLengths.push(op === DiffMatchPatch.DIFF_EQUAL ? length : 0);
    o += length;
    if (op === DiffMatchPatch.DIFF_EQUAL) n += length;
  }
  return (offset) => {
    let lo = 0;
    let hi = oldStarts.length - 1;
    if (hi < 0) return Math.min(offset, newText.length);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (oldStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // Equal text maps one to one; inside a replaced block (small edits, or the whole
    // middle of a rewrite when the diff ran out of time) proportionally.
    const oldLength = Math.max(1, oldLengths[lo]!);
    const within = Math.min(offset - oldStarts[lo]!, oldLength);
    const mapped = newStarts[lo]! + Math.round((within * newLengths[lo]!) / oldLength);
    return Math.min(Math.max(0, mapped), newText.length);
  };
}

function reanchorOne(
  oldText: string,
  newText: string,
  target: AnchorTarget,
  map: (offset: number) => number,
): ReanchorResult {
  let moved = target;
  const quote = target?.quote?.exact;
  const position = target?.position;
  if (
    typeof quote === "string" &&
    position &&
    Number.isInteger(position.start) &&
    position.end === position.start + quote.length &&
    oldText.startsWith(quote, position.start)
  ) {
    const start = map(position.start);
    moved = { quote: target.quote, position: { type: "TextPositionSelector", start, end: start + quote.length } };
  }
  const found = anchorDetailed(newText, moved);
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
 */
export function reanchorAll(oldText: string, newText: string, targets: readonly AnchorTarget[]): ReanchorResult[] {
  if (targets.length === 0) return [];
  const map = positionMapper(oldText, newText);
  return targets.map((target) => reanchorOne(oldText, newText, target, map));
}

/** `reanchorAll` for a single target (it diffs the texts, so batch when you can). */
export function reanchor(oldText: string, newText: string, target: AnchorTarget): ReanchorResult {
  return reanchorAll(oldText, newText, [target])[0]!;
}
