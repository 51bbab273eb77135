import type { NominalTally } from './nominal-tally';
import type { SourceFigures, SourceSetFigures } from './source-figures';

/**
 * A source's part of the agreement page's figures (sourceFigures, its disagreements named as the
 * page lists them) as text to keep in the database, and back. The app stores a part under the
 * change marker it was computed at and reads it back only at that marker, so a part parsed here
 * must add up to exactly the figures the computed one does: every number in a part is an
 * integer count or length (tallies, αU's observed sum, unit and gap lengths), written as a JSON
 * integer and checked to be one when read.
 *
 * Parts stored by older code are read only if this format and the computation behind it are
 * unchanged: {@link STORED_PART_FORMAT} is part of the stored marker, so raising it makes every
 * stored part stale at once. Raise it whenever the text written here or a part's value for the
 * same input changes (the test of a fixed part's stored text fails then).
 */
export const STORED_PART_FORMAT = 1;

/** A stretch where reviewers differ, as the agreement page lists it (before settled ones are left out). */
export interface ListedDisagreement {
  sourceId: string;
  revisionId: string;
  /** The outlet's name, or the source's title when it has no outlet. */
  outlet: string;
  start: number;
  end: number;
  text: string;
  values: { coderId: string; coder: string; tags: string[] }[];
}

export interface StoredSourcePart extends Omit<SourceFigures, 'sets'> {
  sets: (Omit<SourceSetFigures, 'disagreements'> & { disagreements: ListedDisagreement[] })[];
}

type SourceCategory = NonNullable<SourceSetFigures['span']> extends Map<string, infer C> ? C : never;

/**
 * The part as JSON, in arrays rather than objects (a large source lists thousands of
 * disagreements). Its disagreements must all be of the part's source and revision, under one
 * outlet name, which are written once.
 */
export function serialiseSourcePart(part: StoredSourcePart): string {
  const first = part.sets.flatMap((s) => s.disagreements)[0];
  const listed = first ? [first.sourceId, first.revisionId, first.outlet] : null;
  return JSON.stringify({
    format: STORED_PART_FORMAT,
    textId: part.textId,
    length: part.length,
    everyCoder: part.everyCoder,
    listed,
    sets: part.sets.map((set) => ({
      combined: tallyOut(set.combined),
      perTag: set.perTag.map(tallyOut),
      span: set.span && [...set.span].map(([tagId, c]) => [tagId, c.observed, [...c.units], [...c.innerGaps], c.edges.map((e) => [e.blank, e.lead, e.trail])]),
      disagreements: set.disagreements.map((d) => {
        if (d.sourceId !== first!.sourceId || d.revisionId !== first!.revisionId || d.outlet !== first!.outlet) {
          throw new RangeError(`A stored agreement part lists disagreements of one source, revision and outlet; ${d.sourceId}:${d.revisionId} (${d.outlet}) is not ${listed!.join(':')}.`);
        }
        return [d.start, d.end, d.text, d.values.map((v) => [v.coderId, v.coder, v.tags])];
      }),
    })),
  });
}

function tallyOut(t: NominalTally) {
  return [t.pairableUnits, t.pairableValues, [...t.marginals], [...t.differingPairs]];
}

/** The part {@link serialiseSourcePart} wrote; a RangeError naming the place for anything else. */
export function parseSourcePart(text: string): StoredSourcePart {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RangeError('A stored agreement part is not JSON.');
  }
  const part = record(raw, 'the part');
  if (part.format !== STORED_PART_FORMAT) throw new RangeError(`A stored agreement part is in format ${JSON.stringify(part.format)}, not ${STORED_PART_FORMAT}.`);
  const listed = part.listed === null ? null : tuple(part.listed, 'listed', 3).map((v, i) => string(v, `listed[${i}]`));
  return {
    textId: string(part.textId, 'textId'),
    length: count(part.length, 'length'),
    everyCoder: boolean(part.everyCoder, 'everyCoder'),
    sets: array(part.sets, 'sets').map((value, s) => {
      const set = record(value, `sets[${s}]`);
      const where = `sets[${s}]`;
      return {
        combined: tallyIn(set.combined, `${where}.combined`),
        perTag: array(set.perTag, `${where}.perTag`).map((t, i) => tallyIn(t, `${where}.perTag[${i}]`)),
        span: set.span === null ? null : new Map(array(set.span, `${where}.span`).map((c, i) => categoryIn(c, `${where}.span[${i}]`))),
        disagreements: array(set.disagreements, `${where}.disagreements`).map((d, i): ListedDisagreement => {
          const at = `${where}.disagreements[${i}]`;
          if (!listed) throw new RangeError(`A stored agreement part lists a disagreement (${at}) but no source for it.`);
          const [start, end, words, values] = tuple(d, at, 4);
          return {
            sourceId: listed[0]!,
            revisionId: listed[1]!,
            outlet: listed[2]!,
            start: count(start, `${at}[0]`),
            end: count(end, `${at}[1]`),
            text: string(words, `${at}[2]`),
            values: array(values, `${at}[3]`).map((v, j) => {
              const [coderId, coder, tags] = tuple(v, `${at}[3][${j}]`, 3);
              return {
                coderId: string(coderId, `${at}[3][${j}][0]`),
                coder: string(coder, `${at}[3][${j}][1]`),
                tags: array(tags, `${at}[3][${j}][2]`).map((tag, k) => string(tag, `${at}[3][${j}][2][${k}]`)),
              };
            }),
          };
        }),
      };
    }),
  };
}

function tallyIn(value: unknown, where: string): NominalTally {
  const [pairableUnits, pairableValues, marginals, differingPairs] = tuple(value, where, 4);
  return {
    pairableUnits: count(pairableUnits, `${where}[0]`),
    pairableValues: count(pairableValues, `${where}[1]`),
    marginals: new Map(array(marginals, `${where}[2]`).map((e, i) => {
      const [label, n] = tuple(e, `${where}[2][${i}]`, 2);
      return [string(label, `${where}[2][${i}][0]`), count(n, `${where}[2][${i}][1]`)];
    })),
    differingPairs: counts(differingPairs, `${where}[3]`),
  };
}

function categoryIn(value: unknown, where: string): [string, SourceCategory] {
  const [tagId, observed, units, innerGaps, edges] = tuple(value, where, 5);
  return [
    string(tagId, `${where}[0]`),
    {
      observed: count(observed, `${where}[1]`),
      units: counts(units, `${where}[2]`),
      innerGaps: counts(innerGaps, `${where}[3]`),
      edges: array(edges, `${where}[4]`).map((e, i) => {
        const [blank, lead, trail] = tuple(e, `${where}[4][${i}]`, 3);
        return { blank: boolean(blank, `${where}[4][${i}][0]`), lead: count(lead, `${where}[4][${i}][1]`), trail: count(trail, `${where}[4][${i}][2]`) };
      }),
    },
  ];
}

/** A map of integers to integers (lengths or m → how many), written as its entries. */
function counts(value: unknown, where: string): Map<number, number> {
  return new Map(array(value, where).map((e, i) => {
    const [key, n] = tuple(e, `${where}[${i}]`, 2);
    return [count(key, `${where}[${i}][0]`), count(n, `${where}[${i}][1]`)];
  }));
}

function invalid(where: string, what: string): never {
  throw new RangeError(`A stored agreement part's ${where} must be ${what}.`);
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(where, 'an object');
  return value as Record<string, unknown>;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) invalid(where, 'an array');
  return value;
}

function tuple(value: unknown, where: string, length: number): unknown[] {
  const items = array(value, where);
  if (items.length !== length) invalid(where, `an array of ${length}`);
  return items;
}

function count(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) invalid(where, 'a whole number, 0 or more');
  return value as number;
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string') invalid(where, 'a string');
  return value;
}

function boolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') invalid(where, 'true or false');
  return value;
}
