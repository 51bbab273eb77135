import type { Diff, WordDiffOptions } from "./word-diff";
import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, normalize, wordDiff } from "./word-diff";

export type SegmentKind = "same" | "removed" | "added";

/** A run of one side's text; start/end are offsets into that side's text. */
export interface Segment {
  text: string;
  kind: SegmentKind;
  start: number;
  end: number;
}

export interface DiffSides {
  /** Side `a`: "same" and "removed" segments, concatenating to `a`. */
  left: Segment[];
  /** Side `b`: "same" and "added" segments, concatenating to `b`. */
  right: Segment[];
}

/** Rendering model for a two-column word diff: each column is its own text with marks. */
export function diffSides(a: string, b: string, options?: WordDiffOptions): DiffSides {
  return sidesFromDiffs(wordDiff(a, b, options));
}

export function sidesFromDiffs(diffs: readonly Diff[]): DiffSides {
  const left: Segment[] = [];
  const right: Segment[] = [];
  let pa = 0;
  let pb = 0;
  for (const [op, text] of diffs) {
    if (text === "") continue;
    if (op !== DIFF_INSERT) {
      left.push({ text, kind: op === DIFF_EQUAL ? "same" : "removed", start: pa, end: pa + text.length });
      pa += text.length;
    }
    if (op !== DIFF_DELETE) {
      right.push({ text, kind: op === DIFF_EQUAL ? "same" : "added", start: pb, end: pb + text.length });
      pb += text.length;
    }
  }
  return { left, right };
}

/** One changed place: what side `a` says there and what side `b` says instead ("" = nothing). */
export interface TermChange {
  left: string;
  right: string;
}

export interface DifferingTerms {
  /** Distinct changed phrases of side `a`, in order of appearance. */
  left: string[];
  /** Distinct changed phrases of side `b`, in order of appearance. */
  right: string[];
  /** The changes in order, keeping which phrase replaced which. */
  changes: TermChange[];
}

// Edges of a changed phrase that carry no wording: spaces and punctuation (quote marks
// included; a quote-only change is a punctuation change, not a different term).
const EDGE_RE = /^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu;
const HAS_WORD_RE = /[\p{L}\p{N}]/u;

/**
 * The wording that differs between two passages, per side, for a "terms" strip: e.g.
 * "killed in a US drone strike" against "Washington's illegal assassination".
 *
 * Each change block of the word diff becomes one pair of phrases, trimmed of surrounding
 * spaces and punctuation. Blocks whose both sides have no letters or digits
 * (punctuation-only, whitespace-only edits) are left out: they are not wording. Lists are
 * de-duplicated case-insensitively, keeping the first spelling seen.
 */
export function differingTerms(a: string, b: string, options?: WordDiffOptions): DifferingTerms {
  return termsFromDiffs(wordDiff(a, b, options));
}

export function termsFromDiffs(diffs: readonly Diff[]): DifferingTerms {
  const changes: TermChange[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    const left = trimEdges(del);
    const right = trimEdges(ins);
    if (HAS_WORD_RE.test(left) || HAS_WORD_RE.test(right)) changes.push({ left, right });
    del = "";
    ins = "";
  };
  for (const [op, text] of normalize(diffs)) {
    if (op === DIFF_EQUAL) flush();
    else if (op === DIFF_DELETE) del += text;
    else ins += text;
  }
  flush();
  return { left: distinct(changes.map((c) => c.left)), right: distinct(changes.map((c) => c.right)), changes };
}

function trimEdges(s: string): string {
  const trimmed = s.replace(EDGE_RE, "");
  // Collapse internal line breaks and runs of spaces so a phrase fits on a chip.
  return trimmed.replace(/\s+/gu, " ");
}

function distinct(phrases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of phrases) {
    if (!HAS_WORD_RE.test(p)) continue;
    const key = p.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
