import type { CodedSpan } from './documents';
import { unitizingAlpha, type CategoryDisagreement, type UnitizingStudy } from './unitizing';

/** A text's identity and length (the continuum it adds, in characters). */
export interface SpanText {
  id: string;
  length: number;
}

export interface SpanAgreement {
  /** αU over the set's tags that have a unit (`null`: not measurable). */
  alphaU: number | null;
  /** Per tag id, for the tags someone used in the measured texts. */
  perTag: Record<string, CategoryDisagreement>;
  /** The texts measured: those every coder annotated something in. */
  textIds: string[];
}

/**
 * The unitizing study of one tag set: the texts every coder annotated something in (any tag,
 * any set), laid end to end as one continuum of characters; each coder's spans of the set's
 * tags become units, one per tag. αU needs every rater to have unitized the whole continuum,
 * so a text some coder never opened is left out rather than counted as "marked nothing".
 * Fewer than 2 coders: `null`.
 */
export function tagSetSpanStudy(
  texts: readonly SpanText[],
  spans: readonly CodedSpan[],
  coderIds: readonly string[],
  tagIds: ReadonlySet<string>,
): { study: UnitizingStudy; textIds: string[] } | null {
  if (coderIds.length < 2) return null;
  const workedOn = new Map<string, Set<string>>();
  for (const span of spans) {
    const coders = workedOn.get(span.textId) ?? new Set<string>();
    coders.add(span.coderId);
    workedOn.set(span.textId, coders);
  }
  const measured = texts.filter((t) => t.length > 0 && coderIds.every((c) => workedOn.get(t.id)?.has(c)));
  const offsetOf = new Map<string, number>();
  let length = 0;
  for (const text of measured) {
    offsetOf.set(text.id, length);
    length += text.length;
  }
  if (length === 0) return null;
  const rater = new Map(coderIds.map((id, index) => [id, index]));
  const lengthOf = new Map(measured.map((t) => [t.id, t.length]));
  const units = spans.flatMap((span) => {
    const offset = offsetOf.get(span.textId);
    const index = rater.get(span.coderId);
    if (offset === undefined || index === undefined) return [];
    const start = Math.max(0, Math.min(span.start, span.end));
    const end = Math.min(lengthOf.get(span.textId)!, Math.max(span.start, span.end));
    if (end <= start) return [];
    return span.tagIds.filter((id) => tagIds.has(id)).map((category) => ({ rater: index, begin: offset + start, length: end - start, category }));
  });
  return { study: { continuum: { begin: 0, length }, raters: coderIds.length, units }, textIds: measured.map((t) => t.id) };
}

/** αU per tag set and per tag of it, over the texts every coder worked on; `null` when not measurable. */
export function tagSetSpanAgreement(
  texts: readonly SpanText[],
  spans: readonly CodedSpan[],
  coderIds: readonly string[],
  tagIds: ReadonlySet<string>,
): SpanAgreement {
  const built = tagSetSpanStudy(texts, spans, coderIds, tagIds);
  if (!built) return { alphaU: null, perTag: {}, textIds: [] };
  const { alphaU, perCategory } = unitizingAlpha(built.study);
  return { alphaU, perTag: perCategory, textIds: built.textIds };
}
