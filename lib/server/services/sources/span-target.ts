import "server-only";
import { createSelectors } from "@/lib/domain/anchoring";
import { AppError } from "@/lib/server/errors";

/** The stored form of a target: W3C quote (exact, prefix, suffix) and position selectors. */
export function selectorColumns(text: string, start: number, end: number) {
  const { quote, position } = createSelectors(text, start, end);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
}

/**
 * A span the user selected in a source's current revision, checked and turned into stored
 * selectors. Offsets from an older revision are refused: they would point at other words.
 */
export function spanTarget(
  revision: { id: string; number: number; text: string },
  { start, end, revisionNumber }: { start: number; end: number; revisionNumber: number },
) {
  if (revision.number !== revisionNumber) {
    throw new AppError("CONFLICT", "The source was edited since you selected the text. Select it again in the new text.");
  }
  if (end > revision.text.length || start >= end || !revision.text.slice(start, end).trim()) {
    throw new AppError("INVALID_INPUT", "Select some words of the source first.");
  }
  return { revisionId: revision.id, ...selectorColumns(revision.text, start, end) };
}
