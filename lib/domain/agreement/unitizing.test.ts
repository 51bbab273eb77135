import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { segmentDistance, unitizingAlpha, UnitizingInputError, type UnitizingUnit } from './unitizing';
import { KRIPPENDORFF_2004 as study2004 } from './unitizing-test-fixtures';

/** Within `tolerance` of a published figure (DKPro's `isCloseTo(x, offset(tolerance))`; papers truncate). */
function near(actual: number | null | undefined, published: number, tolerance: number) {
  expect(actual).toBeTypeOf('number');
  expect(Math.abs(actual! - published), `${actual} vs ${published}`).toBeLessThanOrEqual(tolerance);
}

const unit = (begin: number, length: number) => ({ begin, length, isUnit: true });
const gap = (begin: number, length: number) => ({ begin, length, isUnit: false });

/**
 * Krippendorff (1995, p. 57): four pairs of observers (A … D) on a continuum of 24, each pair
 * a category. `stretch` multiplies every position, which lets D_e approach its continuous value
 * (the paper's D_e figures are for the continuous case).
 */
function krippendorff1995(stretch: number): UnitizingUnit[] {
  const u = (begin: number, length: number, rater: number, category: string) => ({
    rater,
    begin: Math.trunc(begin * stretch),
    length: Math.trunc(length * stretch),
    category,
  });
  return [
    u(2, 8, 0, 'A'), u(14, 6, 0, 'A'), u(4, 4, 1, 'A'), u(15, 2, 1, 'A'),
    u(0, 18, 0, 'B'), u(0, 2, 1, 'B'), u(2, 1, 1, 'B'), u(3, 1, 1, 'B'), u(4, 1, 1, 'B'), u(5, 1, 1, 'B'), u(6, 3, 1, 'B'), u(9, 1, 1, 'B'),
    u(2, 6, 0, 'C'), u(10, 2, 0, 'C'), u(14, 4, 0, 'C'), u(20, 2, 0, 'C'),
    u(0, 2, 1, 'C'), u(4, 4, 1, 'C'), u(10, 4, 1, 'C'), u(16, 2, 1, 'C'), u(20, 2, 1, 'C'),
    u(0, 2, 0, 'D'), u(2, 8, 0, 'D'), u(10, 4, 0, 'D'), u(14, 6, 0, 'D'), u(20, 4, 0, 'D'),
    u(0, 4, 1, 'D'), u(4, 4, 1, 'D'), u(8, 7, 1, 'D'), u(15, 2, 1, 'D'), u(17, 7, 1, 'D'),
  ];
}
const study1995 = (stretch: number) => ({ continuum: { begin: 0, length: Math.trunc(24 * stretch) }, raters: 2, units: krippendorff1995(stretch) });

describe('segmentDistance (Krippendorff 2004, p. 251; DKPro Agreement distance tests)', () => {
  it.each([
    ['gap vs unit inside it, plus unit inside gap', gap(2, 3), unit(2, 2), 4],
    ['unit inside a gap', unit(5, 6), gap(4, 7), 36],
    ['units shifted by one', unit(5, 6), unit(4, 2), 26],
    ['units sharing a begin', unit(5, 6), unit(5, 2), 16],
    ['shorter unit inside', unit(5, 6), unit(6, 2), 10],
    ['shorter unit further inside', unit(5, 6), unit(7, 2), 8],
    ['nearly the same unit', unit(5, 6), unit(6, 4), 2],
    ['the same unit', unit(5, 6), unit(5, 6), 0],
    ['2004 example: 225+70 vs 220+80', unit(225, 70), unit(220, 80), 50],
    ['2004 example: 370+30 vs 355+20', unit(370, 30), unit(355, 20), 850],
    ['2004 example: unit 400+20 inside gap 400+50', gap(400, 50), unit(400, 20), 400],
    ['two gaps', gap(0, 1), gap(0, 2), 0],
    ['unit only partly in a gap', unit(1, 8), gap(0, 2), 0],
    ['unit inside a unit, far from its begin', unit(1, 8), unit(6, 1), 29],
    ['touching units do not overlap', unit(9, 2), unit(7, 2), 0],
  ])('%s', (_name, a, b, expected) => {
    expect(segmentDistance(a, b)).toBe(expected);
  });
});

describe('unitizingAlpha', () => {
  it('Krippendorff (2004, p. 254): αU = 0.8591; c: D_o 0.0144, D_e 0.0532, α 0.7286; k: D_o 0, D_e 0.0490, α 1', () => {
    const result = unitizingAlpha(study2004);
    near(result.alphaU, 0.8591, 0.0005);
    near(result.perCategory.c!.Do, 0.0144, 0.0001);
    near(result.perCategory.c!.De, 0.0532, 0.0001);
    near(result.perCategory.c!.alpha, 0.7286, 0.0001);
    expect(result.perCategory.k!.Do).toBe(0);
    near(result.perCategory.k!.De, 0.049, 0.0001);
    expect(result.perCategory.k!.alpha).toBe(1);
    expect(Object.keys(result.perCategory)).toEqual(['c', 'k']);
  });

  it('Krippendorff (1995, p. 57): observed disagreement of the four pairs (exact)', () => {
    const { perCategory } = unitizingAlpha(study1995(1));
    near(perCategory.A!.Do, 0.03125, 0.00001);
    near(perCategory.B!.Do, 2.26736, 0.00001);
    near(perCategory.C!.Do, 0.02777, 0.00001);
    near(perCategory.D!.Do, 0.38715, 0.00001);
  });

  it('Krippendorff (1995, p. 57): expected disagreement and α per pair as the continuum is refined', () => {
    const { perCategory } = unitizingAlpha(study1995(1_200_000 / 24));
    const expected = { A: [0.0699, 0.553], B: [1.17731, -0.926], C: [0.08642, 0.679], D: [0.41445, 0.066] } as const;
    for (const [category, [De, alpha]] of Object.entries(expected)) {
      near(perCategory[category]!.De, De, 0.005);
      near(perCategory[category]!.alpha, alpha, 0.02);
    }
  });

  it.each([
    [12 / 24, 0.05494, 0.494],
    [120 / 24, 0.08234, 0.663],
    [12000 / 24, 0.08638, 0.678],
  ])('Krippendorff (1995), pair C stretched by %d: D_e ≈ %d, α ≈ %d (DKPro tolerances)', (stretch, De, alpha) => {
    const c = unitizingAlpha(study1995(stretch)).perCategory.C!;
    near(c.Do, 0.02777, 0.00001);
    near(c.De, De, 0.005);
    near(c.alpha, alpha, 0.02);
  });

  it('DKPro Agreement: one long unit against three short ones inside it gives α = −0.7003', () => {
    // r0: -11111111-   r1: --1-1-1---
    const result = unitizingAlpha({
      continuum: { begin: 0, length: 10 },
      raters: 2,
      units: [
        { rater: 0, begin: 1, length: 8, category: 'A' },
        { rater: 1, begin: 2, length: 1, category: 'A' },
        { rater: 1, begin: 4, length: 1, category: 'A' },
        { rater: 1, begin: 6, length: 1, category: 'A' },
      ],
    });
    near(result.perCategory.A!.Do, 0.91, 0.0001);
    near(result.perCategory.A!.De, 0.5351, 0.0001);
    near(result.alphaU, -0.7003, 0.0001);
  });

  it('DKPro Agreement: a single unit of one rater among three gives αU = 0 (D_o = D_e)', () => {
    const result = unitizingAlpha({ continuum: { begin: 0, length: 20 }, raters: 3, units: [{ rater: 0, begin: 0, length: 1, category: 'X' }] });
    expect(result.alphaU).toBeCloseTo(0, 12);
  });

  it('full agreement on positive-length units is 1, with or without a zero-length unit beside them', () => {
    const units = [
      { rater: 0, begin: 2, length: 5, category: 'A' },
      { rater: 1, begin: 2, length: 5, category: 'A' },
    ];
    const study = { continuum: { begin: 0, length: 15 }, raters: 2, units };
    expect(unitizingAlpha(study).alphaU).toBe(1);
    expect(unitizingAlpha({ ...study, units: [{ rater: 0, begin: 0, length: 0, category: 'A' }, ...units] }).alphaU).toBe(1);
  });

  it.each([
    ['no units at all', []],
    ['only zero-length units, same category (DKPro: 0)', [{ rater: 0, begin: 0, length: 0, category: 'A' }, { rater: 1, begin: 0, length: 0, category: 'A' }]],
    ['only zero-length units, different categories (DKPro: 0)', [{ rater: 0, begin: 0, length: 0, category: 'A' }, { rater: 1, begin: 0, length: 0, category: 'B' }]],
  ])('not measurable (null) with %s', (_name, units) => {
    const result = unitizingAlpha({ continuum: { begin: 0, length: 15 }, raters: 2, units });
    expect(result.alphaU).toBeNull();
    for (const figure of Object.values(result.perCategory)) expect(figure).toEqual({ Do: 0, De: 0, alpha: null });
  });

  it('not measurable when every rater marks the whole one-position continuum', () => {
    const units = [0, 1].map((rater) => ({ rater, begin: 0, length: 1, category: 'A' }));
    expect(unitizingAlpha({ continuum: { begin: 0, length: 1 }, raters: 2, units }).perCategory.A).toEqual({ Do: 0, De: 0, alpha: null });
  });

  it('merges a rater’s overlapping units of one category into their union, keeps touching ones apart', () => {
    const base = { continuum: { begin: 0, length: 30 }, raters: 2 };
    const union = unitizingAlpha({ ...base, units: [{ rater: 0, begin: 3, length: 9, category: 'A' }, { rater: 1, begin: 4, length: 8, category: 'A' }] });
    const overlapping = unitizingAlpha({
      ...base,
      units: [
        { rater: 0, begin: 3, length: 6, category: 'A' },
        { rater: 0, begin: 5, length: 7, category: 'A' },
        { rater: 1, begin: 4, length: 8, category: 'A' },
      ],
    });
    expect(overlapping).toEqual(union);
    const touching = unitizingAlpha({
      ...base,
      units: [
        { rater: 0, begin: 3, length: 4, category: 'A' },
        { rater: 0, begin: 7, length: 5, category: 'A' },
        { rater: 1, begin: 4, length: 8, category: 'A' },
      ],
    });
    expect(touching.perCategory.A!.Do).not.toBe(union.perCategory.A!.Do);
  });

  it('does not depend on the order of units or the numbering of raters', () => {
    const reversed = { ...study2004, units: [...study2004.units].reverse().map((u) => ({ ...u, rater: 1 - u.rater })) };
    const a = unitizingAlpha(study2004);
    const b = unitizingAlpha(reversed);
    expect(b.alphaU).toBeCloseTo(a.alphaU!, 12);
    expect(b.perCategory.c!.Do).toBeCloseTo(a.perCategory.c!.Do, 12);
  });

  it.each([
    ['one rater', { continuum: { begin: 0, length: 10 }, raters: 1, units: [] }, /at least 2 raters/],
    ['an empty continuum', { continuum: { begin: 0, length: 0 }, raters: 2, units: [] }, /positive integer length/],
    ['a rater out of range', { continuum: { begin: 0, length: 10 }, raters: 2, units: [{ rater: 2, begin: 0, length: 1, category: 'A' }] }, /rater must be 0 … 1/],
    ['a unit past the end', { continuum: { begin: 0, length: 10 }, raters: 2, units: [{ rater: 0, begin: 8, length: 3, category: 'A' }] }, /outside the continuum 0 … 10/],
    ['a unit before the begin', { continuum: { begin: 5, length: 10 }, raters: 2, units: [{ rater: 0, begin: 4, length: 3, category: 'A' }] }, /outside the continuum/],
    ['a fractional position', { continuum: { begin: 0, length: 10 }, raters: 2, units: [{ rater: 0, begin: 1.5, length: 3, category: 'A' }] }, /must be integers/],
  ])('refuses %s', (_name, study, message) => {
    expect(() => unitizingAlpha(study)).toThrow(UnitizingInputError);
    expect(() => unitizingAlpha(study)).toThrow(message);
  });

  it('D_e matches Krippendorff’s sum over every unit and every gap, term by term, on random studies', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const L = 200;
      const raters = 2 + (seed % 3);
      // Non-overlapping units per rater: walk the continuum, alternating gaps and units.
      const units: UnitizingUnit[] = [];
      for (let rater = 0; rater < raters; rater++) {
        let at = Math.floor(random() * 10);
        while (at < L) {
          const length = 1 + Math.floor(random() * 15);
          if (at + length > L) break;
          units.push({ rater, begin: at, length, category: 'A' });
          at += length + Math.floor(random() * 20);
        }
      }
      const gaps: number[] = [];
      for (let rater = 0; rater < raters; rater++) {
        let at = 0;
        for (const u of units.filter((x) => x.rater === rater)) {
          if (u.begin > at) gaps.push(u.begin - at);
          at = u.begin + u.length;
        }
        if (at < L) gaps.push(L - at);
      }
      const N = units.length;
      let sum = 0;
      for (const { length: l } of units) {
        sum += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
        for (const g of gaps) if (g >= l) sum += l ** 2 * (g - l + 1);
      }
      const De = ((2 / L) * sum) / (raters * L * (raters * L - 1) - units.reduce((s, u) => s + u.length * (u.length - 1), 0));
      expect(unitizingAlpha({ continuum: { begin: 0, length: L }, raters, units }).perCategory.A!.De, `seed ${seed}`).toBeCloseTo(De, 12);
    }
  });
});
