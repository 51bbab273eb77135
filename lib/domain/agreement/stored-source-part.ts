import type { NominalTally } from './nominal-tally';
import type { SourceFigures, SourceSetFigures } from './source-figures';
import type { Disagreement } from './summary';

/**
 * A source's part of the agreement figures (sourceFigures) as text to keep in the database, and
 * back. The app stores a part under the change marker it was computed at and reads it back only
 * at that marker, so a part parsed here must add up to exactly the figures the computed one
 * does: every number in a part is an integer count or length (tallies, αU's observed sum, unit and gap lengths), written as a JSON
 * integer and checked to be one when read. The names the page shows (coders, tags, outlet, the
 * disagreements' words) are not stored: they are put on after reading, as after measuring.
 *
 * Parts stored by older code are read only if this format and the computation behind it are
 * unchanged: {@link STORED_PART_FORMAT} is part of the stored marker, so raising it makes every
 * stored part stale at once. Raise it whenever the text written here or a part's value for the
 * same input changes (the test of a fixed part's stored text fails then).
 */
export const STORED_PART_FORMAT = 1;

type SourceCategory = NonNullable<SourceSetFigures['span']> extends Map<string, infer C> ? C : never;

/**
 * The part as JSON, in arrays rather than objects, its disagreements (thousands on a large
 * source) as one array of integers per tag set: start, end, how many values, then each value
 * as the coder's index in `coderIds` (the comparison's coders the part was measured with) and
 * the index of its value in the part's list of values.
 */
export function serialiseSourcePart(part: SourceFigures, coderIds: readonly string[]): string {
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const values = new Map<string, number>();
  const sets = part.sets.map((set) => ({
    combined: tallyOut(set.combined),
    perTag: set.perTag.map(tallyOut),
    span: set.span && [...set.span].map(([tagId, c]) => [tagId, c.observed, [...c.units], [...c.innerGaps], c.edges.map((e) => [e.blank, e.lead, e.trail])]),
    disagreements: set.disagreements.flatMap((d) => [
      d.start,
      d.end,
      d.values.length,
      ...d.values.flatMap((v) => {
        const coder = coderIndex.get(v.coderId);
        if (coder === undefined) throw new RangeError(`A stored agreement part's disagreements must be by the coders given; ${v.coderId} is not one of them.`);
        if (!values.has(v.value)) values.set(v.value, values.size);
        return [coder, values.get(v.value)!];
      }),
    ]),
  }));
  return JSON.stringify({ format: STORED_PART_FORMAT, textId: part.textId, length: part.length, everyCoder: part.everyCoder, values: [...values.keys()], sets });
}

function tallyOut(t: NominalTally) {
  return [t.pairableUnits, t.pairableValues, [...t.marginals], [...t.differingPairs]];
}

/** The part {@link serialiseSourcePart} wrote with the same coders; a RangeError naming the place for anything else. */
export function parseSourcePart(text: string, coderIds: readonly string[]): SourceFigures {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RangeError('A stored agreement part is not JSON.');
  }
  const part = record(raw, 'the part');
  if (part.format !== STORED_PART_FORMAT) throw new RangeError(`A stored agreement part is in format ${JSON.stringify(part.format)}, not ${STORED_PART_FORMAT}.`);
  const values = array(part.values, 'values').map((v, i) => string(v, `values[${i}]`));
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
        disagreements: disagreementsIn(set.disagreements, `${where}.disagreements`, coderIds, values),
      };
    }),
  };
}

function disagreementsIn(value: unknown, where: string, coderIds: readonly string[], values: readonly string[]): Disagreement[] {
  const flat = array(value, where);
  const found: Disagreement[] = [];
  let at = 0;
  // Tens of thousands of numbers on a large source: the place is spelt out only for a bad one.
  const next = (what: string, below: number) => {
    const n = flat[at];
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || n >= below) invalid(`${where}[${at}]`, `${what}, a whole number from 0 to below ${below}`);
    at++;
    return n;
  };
  while (at < flat.length) {
    const start = next('a start', Infinity);
    const end = next('an end', Infinity);
    const n = next('a count of values', Infinity);
    if (at + 2 * n > flat.length) invalid(where, `complete (a disagreement at ${at - 3} has ${n} values, the array ends first)`);
    const coded = new Array<Disagreement['values'][number]>(n);
    for (let i = 0; i < n; i++) coded[i] = { coderId: coderIds[next('a coder', coderIds.length)]!, value: values[next('a value', values.length)]! };
    found.push({ start, end, values: coded });
  }
  return found;
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
