import { tokenUnits } from './tokens';
import type { CodedSpan } from './documents';
import type { FiguresText } from './source-figures';

/** Tag sets of the source-figures tests: the last one nobody uses. */
export const TAG_SETS = [['loaded', 'label', 'quote'], ['euphemism'], ['unused-a', 'unused-b']];

export function text(id: string, words: string): FiguresText & { text: string } {
  return { id, text: words, length: words.length, units: tokenUnits(words) };
}

const WORDS = ['the', 'strike', 'killed', 'general', 'officials', 'said', 'decisive', 'action', 'near', 'airport', 'a', 'of'];
const TAGS = TAG_SETS.flat().filter((t) => !t.startsWith('unused'));

/** One to five texts (one in ten empty) and up to four coders' random spans on them. */
export function randomComparison(random: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const coderIds = ['ana', 'ben', 'cy', 'dee'].slice(0, 1 + Math.floor(random() * 4));
  const texts = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) =>
    text(`t${i}`, random() < 0.1 ? '' : Array.from({ length: 5 + Math.floor(random() * 40) }, () => pick(WORDS)).join(' ')),
  );
  const spans = texts.flatMap((t) => randomSpans(random, t, coderIds.filter(() => random() < 0.8), Math.floor(random() * 25)));
  return { texts, spans, coderIds: [...new Set(spans.map((s) => s.coderId))] };
}

export function randomSpans(random: () => number, t: FiguresText, coderIds: readonly string[], count: number): CodedSpan[] {
  if (t.length === 0 || coderIds.length === 0) return [];
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * t.length);
    const end = Math.min(t.length, start + 1 + Math.floor(random() * 20));
    const tagIds = TAGS.filter(() => random() < 0.3);
    return { textId: t.id, coderId: coderIds[Math.floor(random() * coderIds.length)]!, start, end, tagIds };
  });
}
