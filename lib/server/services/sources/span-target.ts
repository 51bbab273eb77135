import "server-only";
import { createSelectors } from "@/lib/domain/anchoring";
import { splitsSurrogatePair } from "@/lib/domain/text";
import { AppError } from "@/lib/server/errors";

/** The stored form of a target: W3C quote (exact, prefix, suffix) and position selectors. */
export function selectorColumns(text: string, start: number, end: number) {
  const { quote, position } = createSelectors(text, start, end);
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
}

export type SpanTarget = ReturnType<typeof spanTarget>;

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
  // Offsets count UTF-16 code units, so a script can point between the halves of an emoji.
  const split = splitsSurrogatePair(revision.text, start) ? "start" : splitsSurrogatePair(revision.text, end) ? "end" : undefined;
  if (split) {
    const message = `The ${split} position splits a character in half (an emoji or another character written as two UTF-16 code units): move it before or after that character.`;
    throw new AppError("INVALID_INPUT", message, { [split]: message });
  }
  return { revisionId: revision.id, ...selectorColumns(revision.text, start, end) };
}
