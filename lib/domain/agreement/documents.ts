import type { PooledDocument } from './pooled';
import type { CoderSpans, LabeledSpan, TextRange } from './tokens';

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
  // Grouped once (text, then coder, in order of first appearance): filtering every span per
  // text and per coder costs texts × coders × spans, seconds at 100,000 spans.
  const byText = new Map<string, Map<string, LabeledSpan[]>>();
  for (const s of spans) {
    let coders = byText.get(s.textId);
    if (!coders) byText.set(s.textId, (coders = new Map()));
    let mine = coders.get(s.coderId);
    if (!mine) coders.set(s.coderId, (mine = []));
    for (const value of s.tagIds) if (tagIds.has(value)) mine.push({ start: s.start, end: s.end, value });
  }
  return texts.map((text) => {
    const coders: CoderSpans[] = [...(byText.get(text.id) ?? new Map<string, LabeledSpan[]>())].map(([coderId, spans]) => ({ coderId, spans }));
    return { text, units: text.units, coders };
  });
}
