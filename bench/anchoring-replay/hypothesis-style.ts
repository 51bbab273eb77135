/**
 * A Hypothesis-style text-quote anchor, reimplemented for comparison from its published
 * description (the W3C TextQuoteSelector anchoring of Hypothesis' client before it moved
 * to its own approximate matcher): diff-match-patch's bitap `match_main`, which scores a
 * location by its errors and by its distance from an expected location, is asked for
 * the prefix near the stored position, else the suffix, and then for the quote right
 * after where the context was found, in pieces of at most 32 characters (the bitap
 * width), each after the previous one. The quote is placed from the first piece's start
 * to the last piece's end, or not at all if any piece is not found.
 *
 * Settings: match_main's default error threshold (0.5: a piece may be half wrong) and a
 * match distance of the whole text, so a copy anywhere can still be found, and the
 * nearer of two equal matches wins.
 */
import DiffMatchPatch from "diff-match-patch";
import type { Selectors } from "@/lib/domain/anchoring";

const PIECE = 32;

export function hypothesisStyleAnchor(text: string, target: Selectors): { start: number; end: number } | null {
  const dmp = new DiffMatchPatch();
  dmp.Match_Distance = Math.max(1000, text.length);
  const { exact, prefix, suffix } = target.quote;
  const find = (pattern: string, near: number) =>
    pattern.length === 0 ? -1 : dmp.match_main(text, pattern, Math.min(text.length, Math.max(0, near)));

  let expected = target.position.start;
  const prefixPiece = prefix.slice(-PIECE);
  const atPrefix = find(prefixPiece, expected - prefixPiece.length);
  if (atPrefix !== -1) {
    expected = atPrefix + prefixPiece.length;
  } else {
    const atSuffix = find(suffix.slice(0, PIECE), expected + exact.length);
    if (atSuffix !== -1) expected = atSuffix - exact.length;
  }

  let start = Infinity;
  let end = -Infinity;
  let next = expected;
  for (let at = 0; at < exact.length; at += PIECE) {
    const piece = exact.slice(at, at + PIECE);
    const found = find(piece, next);
    if (found === -1) return null;
    start = Math.min(start, found);
    end = Math.max(end, found + piece.length);
    next = found + piece.length;
  }
  return end > start ? { start, end: Math.min(end, text.length) } : null;
}
