import type { CodedSpan } from './documents';
import { addNominalTally, emptyNominalTally, nominalSummary, nominalTally, type NominalTally } from './nominal-tally';
import type { SpanAgreement } from './span-study';
import { disagreements, type AlphaSummary, type Disagreement } from './summary';
import { codePresence, codeSpans, type CoderSpans, type LabeledSpan, type TextRange } from './tokens';
import { addLength, categoryFromTally, categoryTally, timeline, type CategoryDisagreement, type CategoryTally } from './unitizing';

/**
 * The agreement figures of a comparison (pooledAgreement, tagSetSpanAgreement and the
 * disagreements of every tag set) in two steps: {@link sourceFigures} measures one source on
 * its own, {@link combineSourceFigures} adds the sources up. A source's part depends only on
 * its own text and spans, the comparison's coders and the tag sets, so a caller may keep it
 * while those stay the same and recompute only the source a write touched.
 *
 * Why the parts add up exactly:
 * - nominal alpha over tokens is a function of sums over units (NominalTally);
 * - αU's observed disagreement is a sum over pairs of overlapping segments, and segments never
 *   cross a source's end except a rater's gap, which counts nothing against another gap; its
 *   expected disagreement needs every unit's and every gap's length over the whole continuum,
 *   so a source keeps how many units and inner gaps of each length it has and, per rater, the
 *   gaps it starts and ends with, which join the neighbouring sources' into one gap when combined.
 */

export interface FiguresText {
  id: string;
  /** Characters: the stretch of the αU continuum the text adds. */
  length: number;
  /** Word tokens (tokenUnits). */
  units: readonly TextRange[];
}

/** One rater's gaps at the ends of a source, for one category. */
interface RaterEdges {
  /** The rater marked nothing of the category here: the whole source is one gap. */
  blank: boolean;
  /** The gap before the rater's first unit (0 when it starts the source). */
  lead: number;
  /** The gap after the rater's last unit (0 when it ends the source). */
  trail: number;
}

/** A source's αU part for one category: the tally without the gaps at the source's ends, and those per rater. */
interface SourceCategory {
  observed: number;
  /** Length → how many units. */
  units: Map<number, number>;
  /** Length → how many gaps between two units of one rater. */
  innerGaps: Map<number, number>;
  edges: RaterEdges[];
}

export interface SourceSetFigures {
  combined: NominalTally;
  /** Per tag of the set, in its order. */
  perTag: NominalTally[];
  /** Per tag id with a unit here; absent when not every coder worked on the source. */
  span: Map<string, SourceCategory> | null;
  disagreements: Disagreement[];
}

export interface SourceFigures {
  textId: string;
  length: number;
  /** Every coder worked on the source (so it is part of the αU continuum). */
  everyCoder: boolean;
  /** Per tag set, in the order given. */
  sets: SourceSetFigures[];
}

/** What combining reads of a source's part (a caller may keep its disagreements in another form). */
export type SourceTallies = Omit<SourceFigures, 'sets'> & { sets: readonly Omit<SourceSetFigures, 'disagreements'>[] };

export interface CombinedSetFigures {
  combined: AlphaSummary;
  perValue: ({ value: string } & AlphaSummary)[];
  span: SpanAgreement;
}

/**
 * One source's part: `spans` are its spans (any set's tags), `coderIds` every coder of the
 * comparison (αU's raters), `tagSets` the tag ids of each set.
 */
export function sourceFigures(text: FiguresText, spans: readonly CodedSpan[], coderIds: readonly string[], tagSets: readonly (readonly string[])[]): SourceFigures {
  // Coders in order of their first span, as tagSetDocuments lists them.
  const byCoder = new Map<string, CodedSpan[]>();
  for (const span of spans) {
    const mine = byCoder.get(span.coderId);
    if (mine) mine.push(span);
    else byCoder.set(span.coderId, [span]);
  }
  const everyCoder = coderIds.length >= 2 && text.length > 0 && coderIds.every((id) => byCoder.has(id));
  const sets = tagSets.map((tagIds): SourceSetFigures => {
    const inSet = new Set(tagIds);
    const coders: CoderSpans[] = [...byCoder].map(([coderId, mine]) => ({
      coderId,
      spans: mine.flatMap((s) => s.tagIds.filter((id) => inSet.has(id)).map((value): LabeledSpan => ({ start: s.start, end: s.end, value }))),
    }));
    const worked = coders.length > 0;
    return {
      combined: worked ? nominalTally(codeSpans(text.units, coders)) : emptyNominalTally(),
      perTag: tagIds.map((id) => (worked ? nominalTally(codePresence(text.units, coders, id)) : emptyNominalTally())),
      span: everyCoder ? spanCategories(text.length, spans, coderIds, inSet) : null,
      disagreements: worked ? disagreements(text.units, coders) : [],
    };
  });
  return { textId: text.id, length: text.length, everyCoder, sets };
}

/** Each category's timelines on the source alone, as tagSetSpanStudy clips the spans. */
function spanCategories(length: number, spans: readonly CodedSpan[], coderIds: readonly string[], tagIds: ReadonlySet<string>): Map<string, SourceCategory> {
  const rater = new Map(coderIds.map((id, index) => [id, index]));
  const unitsOf = new Map<string, { begin: number; length: number }[][]>();
  for (const span of spans) {
    const index = rater.get(span.coderId)!;
    const start = Math.max(0, Math.min(span.start, span.end));
    const end = Math.min(length, Math.max(span.start, span.end));
    if (end <= start) continue;
    for (const category of span.tagIds) {
      if (!tagIds.has(category)) continue;
      let perRater = unitsOf.get(category);
      if (!perRater) unitsOf.set(category, (perRater = coderIds.map(() => [])));
      perRater[index]!.push({ begin: start, length: end - start });
    }
  }
  const categories = new Map<string, SourceCategory>();
  for (const [category, perRater] of unitsOf) {
    const timelines = perRater.map((units) => timeline({ begin: 0, length }, units.map((u) => ({ ...u, rater: 0, category }))));
    const { observed, units } = categoryTally(timelines);
    const innerGaps = new Map<number, number>();
    const edges = timelines.map((segments): RaterEdges => {
      if (!segments.some((s) => s.isUnit)) return { blank: true, lead: 0, trail: 0 };
      const first = segments[0]!;
      const last = segments.at(-1)!;
      for (const s of segments) if (!s.isUnit && s !== first && s !== last) addLength(innerGaps, s.length);
      return { blank: false, lead: first.isUnit ? 0 : first.length, trail: last.isUnit ? 0 : last.length };
    });
    categories.set(category, { observed, units, innerGaps, edges });
  }
  return categories;
}

/**
 * The figures of every tag set over the given sources (in the order their texts are laid end
 * to end), the same as pooledAgreement and tagSetSpanAgreement give for all their spans at
 * once; `tagSets` and `coderIds` must be those the parts were measured with.
 */
export function combineSourceFigures(sources: readonly SourceTallies[], coderIds: readonly string[], tagSets: readonly (readonly string[])[]): CombinedSetFigures[] {
  const measured = sources.filter((s) => s.everyCoder);
  const L = measured.reduce((sum, s) => sum + s.length, 0);
  return tagSets.map((tagIds, setIndex) => {
    const parts = sources.map((s) => s.sets[setIndex]!);
    const combined = nominalSummary(parts.reduce((sum, part) => addNominalTally(sum, part.combined), emptyNominalTally()));
    const perValue = tagIds.map((value, t) => ({
      value,
      ...nominalSummary(parts.reduce((sum, part) => addNominalTally(sum, part.perTag[t]!), emptyNominalTally())),
    }));
    return { combined, perValue, span: spanAgreement(measured, setIndex, tagIds, coderIds.length, L) };
  });
}

function spanAgreement(measured: readonly SourceTallies[], setIndex: number, tagIds: readonly string[], R: number, L: number): SpanAgreement {
  if (R < 2 || L === 0) return { alphaU: null, perTag: {}, textIds: [] };
  const perTag: Record<string, CategoryDisagreement> = {};
  for (const tagId of tagIds) {
    if (!measured.some((s) => s.sets[setIndex]!.span!.has(tagId))) continue;
    const tally: CategoryTally = { observed: 0, units: new Map(), gaps: new Map() };
    // Per rater, the gap running on from the previous source into this one.
    const running = new Array<number>(R).fill(0);
    for (const source of measured) {
      const part = source.sets[setIndex]!.span!.get(tagId);
      if (!part) {
        for (let r = 0; r < R; r++) running[r]! += source.length;
        continue;
      }
      tally.observed += part.observed;
      for (const [length, count] of part.units) addLength(tally.units, length, count);
      for (const [length, count] of part.innerGaps) addLength(tally.gaps, length, count);
      part.edges.forEach((edge, r) => {
        if (edge.blank) {
          running[r]! += source.length;
          return;
        }
        if (running[r]! + edge.lead > 0) addLength(tally.gaps, running[r]! + edge.lead);
        running[r] = edge.trail;
      });
    }
    for (const gap of running) if (gap > 0) addLength(tally.gaps, gap);
    perTag[tagId] = categoryFromTally(L, R, tally);
  }
  const figures = Object.values(perTag);
  const Do = figures.reduce((sum, f) => sum + f.Do, 0) / figures.length;
  const De = figures.reduce((sum, f) => sum + f.De, 0) / figures.length;
  return { alphaU: De > 0 ? 1 - Do / De : null, perTag, textIds: measured.map((s) => s.textId) };
}
