/**
 * Krippendorff's unitizing alpha (αU) for spans on a continuum, in the formulation of DKPro
 * Agreement (Meyer et al. 2014) after Krippendorff (1995, 2004):
 *
 * - for each category c, every rater's continuum is cut into that rater's units of c and the
 *   gaps between them; the observed disagreement D_o(c) sums, over every pair of raters and
 *   every pair of overlapping segments, the squared distance of the two segments (ends apart,
 *   or the whole unit's length when one rater left a gap where the other marked a unit),
 *   normalised by R(R−1)L²/2;
 * - the expected disagreement D_e(c) is the same distance averaged over every way the units of
 *   c could be placed within the gaps (Krippendorff 2004, p. 252), so it depends on how long
 *   and how many the units are, not on where they are;
 * - per category α(c) = 1 − D_o(c) / D_e(c); over a set of categories
 *   αU = 1 − mean D_o / mean D_e, the means taken over the categories that have a unit.
 *
 * Decisions a caller should know:
 * - D_e = 0 (no unit of c, or units that leave nothing to vary, e.g. everybody marked the whole
 *   continuum): α is 0/0, undefined, and returned as `null` ("not measurable"). DKPro reports
 *   0 (or 1 overall when D_o is 0 too) in these cases; we do not certify or condemn a
 *   category on data that contain nothing to compare.
 * - Units of one rater and one category that overlap are merged into their union first (the
 *   measure assumes a rater's units of one category never overlap); units that merely touch
 *   stay separate units, as in Krippendorff's own examples.
 * - Positions are integers (characters, tokens, seconds); a unit of length 0 carries no weight.
 *
 * Pure TypeScript, no I/O.
 */

/** The stretch all raters were asked to unitize: positions `begin … begin + length − 1`. */
export interface Continuum {
  begin: number;
  length: number;
}

/** One rater's unit: `length` positions from `begin`, labelled `category`. */
export interface UnitizingUnit {
  /** Index of the rater, `0 … raters − 1`. */
  rater: number;
  begin: number;
  length: number;
  category: string;
}

export interface UnitizingStudy {
  continuum: Continuum;
  /** R: how many raters unitized the continuum (raters without any unit count too). */
  raters: number;
  units: readonly UnitizingUnit[];
}

export interface CategoryDisagreement {
  /** Observed disagreement D_o(c). */
  Do: number;
  /** Expected disagreement D_e(c). */
  De: number;
  /** 1 − D_o/D_e; `null` when D_e = 0 (not measurable). */
  alpha: number | null;
}

export interface UnitizingAlpha {
  /** 1 − mean D_o / mean D_e over the categories with a unit; `null` when not measurable. */
  alphaU: number | null;
  /** Mean D_o over those categories (`NaN` when there are none). */
  Do: number;
  /** Mean D_e over those categories (`NaN` when there are none). */
  De: number;
  /** Per category that has at least one unit, in order of first appearance. */
  perCategory: Record<string, CategoryDisagreement>;
}

/** A stretch of one rater's continuum: one of their units, or a gap between units. */
export interface Segment {
  begin: number;
  length: number;
  isUnit: boolean;
}

/** Why a study cannot be measured as given; the message names the offending unit. */
export class UnitizingInputError extends Error {}

/**
 * The squared distance between two overlapping segments of two raters (Krippendorff 2004,
 * p. 251): both units → begins apart² + ends apart²; a unit lying inside the other rater's gap
 * → its length²; anything else (two gaps, a unit only partly in a gap) → 0, since that part is
 * counted against the unit it overlaps.
 */
export function segmentDistance(a: Segment, b: Segment): number {
  const beginsApart = a.begin - b.begin;
  const endsApart = a.begin + a.length - (b.begin + b.length);
  if (a.isUnit && b.isUnit) {
    return -a.length < beginsApart && beginsApart < b.length ? beginsApart ** 2 + endsApart ** 2 : 0;
  }
  if (a.isUnit && !b.isUnit) return beginsApart >= 0 && endsApart <= 0 ? a.length ** 2 : 0;
  if (!a.isUnit && b.isUnit) return beginsApart <= 0 && endsApart >= 0 ? b.length ** 2 : 0;
  return 0;
}

/** One rater's units of one category (overlaps merged) and the gaps between them, in order. */
export function timeline(continuum: Continuum, units: readonly UnitizingUnit[]): Segment[] {
  const sorted = [...units].sort((a, b) => a.begin - b.begin || a.length - b.length);
  const merged: { begin: number; end: number }[] = [];
  for (const unit of sorted) {
    const last = merged.at(-1);
    if (last && unit.begin < last.end) last.end = Math.max(last.end, unit.begin + unit.length);
    else merged.push({ begin: unit.begin, end: unit.begin + unit.length });
  }
  const segments: Segment[] = [];
  let position = continuum.begin;
  for (const { begin, end } of merged) {
    if (begin > position) segments.push({ begin: position, length: begin - position, isUnit: false });
    segments.push({ begin, length: end - begin, isUnit: true });
    position = end;
  }
  const end = continuum.begin + continuum.length;
  if (position < end) segments.push({ begin: position, length: end - position, isUnit: false });
  return segments;
}

/** Σ of segment distances over every pair of overlapping segments of two timelines. */
function pairDistance(first: readonly Segment[], second: readonly Segment[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const a = first[i]!;
    const b = second[j]!;
    sum += segmentDistance(a, b);
    const endA = a.begin + a.length;
    const endB = b.begin + b.length;
    if (endA <= endB) i++;
    if (endB <= endA) j++;
  }
  return sum;
}

/**
 * What D_o(c) and D_e(c) are computed from, as integers that add up over the stretches of a
 * continuum: the sum of squared segment distances over every pair of raters, and how many
 * units and gaps of each length every rater has (a gap that runs on from one stretch into the
 * next is one gap). Kept per source by the agreement page, so a write to one source does not
 * recompute the others (lib/domain/agreement/source-figures.ts).
 */
export interface CategoryTally {
  observed: number;
  /** Length → how many units of that length. */
  units: Map<number, number>;
  /** Length → how many gaps of that length. */
  gaps: Map<number, number>;
}

/** Adds `count` lengths `length` to a length → count map. */
export function addLength(lengths: Map<number, number>, length: number, count = 1): void {
  lengths.set(length, (lengths.get(length) ?? 0) + count);
}

/** The rater's timelines of one category laid out in a tally. */
export function categoryTally(timelines: readonly (readonly Segment[])[]): CategoryTally {
  const R = timelines.length;
  let observed = 0;
  for (let r1 = 0; r1 < R; r1++) for (let r2 = r1 + 1; r2 < R; r2++) observed += pairDistance(timelines[r1]!, timelines[r2]!);
  const tally: CategoryTally = { observed, units: new Map(), gaps: new Map() };
  for (const timeline of timelines) for (const s of timeline) addLength(s.isUnit ? tally.units : tally.gaps, s.length);
  return tally;
}

/**
 * D_o(c), D_e(c) and α(c) of a category from its tally over a continuum of L positions and R
 * raters. Every sum is of integers (distances, placements), so it is exact whatever order the
 * units and gaps come in.
 */
export function categoryFromTally(L: number, R: number, { observed, units, gaps }: CategoryTally): CategoryDisagreement {
  const Do = (2 * observed) / (R * (R - 1) * L * L);
  let N = 0;
  for (const count of units.values()) N += count;
  // Gap lengths in ascending order with suffix sums (of lengths and of counts), so that a unit's
  // placements inside every gap at least as long as itself, Σ_{g ≥ l} (g − l + 1), take one
  // binary search, not a pass over every gap (thousands of units × thousands of gaps on a
  // large comparison).
  const lengths = [...gaps.keys()].sort((a, b) => a - b);
  const suffixSum = new Float64Array(lengths.length + 1);
  const suffixCount = new Float64Array(lengths.length + 1);
  for (let i = lengths.length - 1; i >= 0; i--) {
    const count = gaps.get(lengths[i]!)!;
    suffixSum[i] = suffixSum[i + 1]! + count * lengths[i]!;
    suffixCount[i] = suffixCount[i + 1]! + count;
  }
  const firstAtLeast = (l: number) => {
    let lo = 0;
    let hi = lengths.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lengths[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Σ over units of: placements of the unit against each other unit of c (within a unit's own
  // stretch), plus its placements inside each gap at least as long as itself.
  let expected = 0;
  let samePositions = 0;
  for (const [l, count] of units) {
    const from = firstAtLeast(l);
    const placements = suffixSum[from]! - (l - 1) * suffixCount[from]!;
    expected += count * (((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l ** 2 * placements);
    samePositions += count * l * (l - 1);
  }
  const pairsOfPositions = R * L * (R * L - 1) - samePositions;
  const De = pairsOfPositions > 0 ? ((2 / L) * expected) / pairsOfPositions : 0;
  return { Do, De, alpha: De > 0 ? 1 - Do / De : null };
}

function check(study: UnitizingStudy): void {
  const { continuum, raters, units } = study;
  if (!Number.isInteger(raters) || raters < 2) throw new UnitizingInputError(`αU needs at least 2 raters, not ${raters}.`);
  if (!Number.isInteger(continuum.begin) || !Number.isInteger(continuum.length) || continuum.length < 1) {
    throw new UnitizingInputError("The continuum needs an integer begin and a positive integer length.");
  }
  const end = continuum.begin + continuum.length;
  units.forEach((unit, index) => {
    const where = `Unit ${index + 1} (rater ${unit.rater}, ${unit.begin}+${unit.length}, “${unit.category}”)`;
    if (!Number.isInteger(unit.rater) || unit.rater < 0 || unit.rater >= raters) throw new UnitizingInputError(`${where}: the rater must be 0 … ${raters - 1}.`);
    if (!Number.isInteger(unit.begin) || !Number.isInteger(unit.length) || unit.length < 0) throw new UnitizingInputError(`${where}: begin and length must be integers, the length not negative.`);
    if (unit.begin < continuum.begin || unit.begin + unit.length > end) throw new UnitizingInputError(`${where}: lies outside the continuum ${continuum.begin} … ${end}.`);
  });
}

/**
 * αU of a study, overall and per category. Throws {@link UnitizingInputError} for fewer than 2
 * raters, a rater index out of range, or a unit outside the continuum.
 */
export function unitizingAlpha(study: UnitizingStudy): UnitizingAlpha {
  check(study);
  const categories = [...new Set(study.units.map((u) => u.category))];
  const perCategory: Record<string, CategoryDisagreement> = {};
  for (const category of categories) {
    const timelines = Array.from({ length: study.raters }, (_, rater) =>
      timeline(study.continuum, study.units.filter((u) => u.rater === rater && u.category === category)),
    );
    perCategory[category] = categoryFromTally(study.continuum.length, study.raters, categoryTally(timelines));
  }
  const figures = Object.values(perCategory);
  const Do = figures.reduce((sum, f) => sum + f.Do, 0) / figures.length;
  const De = figures.reduce((sum, f) => sum + f.De, 0) / figures.length;
  return { alphaU: De > 0 ? 1 - Do / De : null, Do, De, perCategory };
}
