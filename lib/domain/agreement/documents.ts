import type { PooledDocument } from './pooled';
import type { CoderSpans, TextRange } from './tokens';

/** One annotated span of a text, by one coder, with the tags it carries. */
export interface CodedSpan {
  textId: string;
  coderId: string;
  start: number;
  end: number;
  tagIds: readonly string[];
}

/**
 * The documents to measure one tag set on: per text, every coder who annotated anything in
 * it (so "no tag of this set" counts as their value "none"), with their spans of the set's
 * tags. A coder who annotated nothing in a text is absent there, not "none".
 */
export function tagSetDocuments<T extends { id: string; units: readonly TextRange[] }>(
  texts: readonly T[],
  spans: readonly CodedSpan[],
  tagIds: ReadonlySet<string>,
): (PooledDocument & { text: T })[] {
  return texts.map((text) => {
    const mine = spans.filter((s) => s.textId === text.id);
    const coders: CoderSpans[] = [...new Set(mine.map((s) => s.coderId))].map((coderId) => ({
      coderId,
      spans: mine
        .filter((s) => s.coderId === coderId)
        .flatMap((s) => s.tagIds.filter((id) => tagIds.has(id)).map((value) => ({ start: s.start, end: s.end, value }))),
    }));
    return { text, units: text.units, coders };
  });
}
