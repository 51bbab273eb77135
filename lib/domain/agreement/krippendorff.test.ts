import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import {
  coincidenceMatrix,
  krippendorffAlpha,
  krippendorffAlphaDetails,
  type MeasurementLevel,
  type ReliabilityValue,
} from './krippendorff';

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 coders ×
 * 12 units with missing values (the same matrix as irr::kripp.alpha's `nmm` example and the
 * `krippendorff` Python package's ordinal/ratio tests). Unit 12 has a single value, so it is
 * not pairable.
 */
const PAPER: ReliabilityValue[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

/** Exact alpha for one level by brute force over every ordered pair of values within a unit. */
function oracle(data: ReliabilityValue[][], level: MeasurementLevel): number {
  const units = data[0]!.map((_, u) => data.map((row) => row[u]).filter((v): v is number | string => v !== null));
  const pairable = units.filter((values) => values.length >= 2);
  const marginal = new Map<number | string, number>();
  for (const values of pairable) for (const v of values) marginal.set(v, (marginal.get(v) ?? 0) + 1);
  const n = [...marginal.values()].reduce((a, b) => a + b, 0);
  const sorted = [...marginal.keys()].sort((a, b) => (a as number) - (b as number));
  const d2 = (c: number | string, k: number | string): number => {
    if (level === 'nominal') return c === k ? 0 : 1;
    const a = c as number;
    const b = k as number;
    if (level === 'interval') return (a - b) ** 2;
    if (level === 'ratio') return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const between = sorted.filter((g) => (g as number) >= lo && (g as number) <= hi);
    const sum = between.reduce<number>((s, g) => s + marginal.get(g)!, 0);
    return (sum - (marginal.get(lo)! + marginal.get(hi)!) / 2) ** 2;
  };
  let observed = 0;
  for (const values of pairable) {
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i !== j) observed += d2(values[i]!, values[j]!) / (values.length - 1);
      }
    }
  }
  let expected = 0;
  for (const [c, nc] of marginal) for (const [k, nk] of marginal) expected += nc * nk * d2(c, k);
  return 1 - ((n - 1) * observed) / expected;
}


describe('krippendorffAlpha — published example (Krippendorff 2011)', () => {
  // Exact fractions from the coincidence matrix below, worked by hand and with a brute-force
  // script; they round to the paper's α = .743 / .815 / .849 / .797.
  it.each([
    ['nominal', 113 / 152, 0.743],
    ['ordinal', 108577 / 133160, 0.815],
    ['interval', 951 / 1120, 0.849],
    ['ratio', 18222619 / 22852465, 0.797],
  ] as const)('%s', (level, exact, published) => {
    const alpha = krippendorffAlpha(PAPER, level);
    expect(alpha).toBeCloseTo(exact, 12);
    expect(Number(alpha.toFixed(3))).toBe(published);
    expect(alpha).toBeCloseTo(oracle(PAPER, level), 12);
  });

  it('builds the paper’s coincidence matrix (n = 40, marginals 9, 13, 10, 5, 3)', () => {
    const { values, matrix } = coincidenceMatrix(PAPER, 'interval');
    expect(values).toEqual([1, 2, 3, 4, 5]);
    const expected = [
      [7, 4 / 3, 1 / 3, 1 / 3, 0],
      [4 / 3, 10, 4 / 3, 1 / 3, 0],
      [1 / 3, 4 / 3, 8, 1 / 3, 0],
      [1 / 3, 1 / 3, 1 / 3, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    matrix.forEach((row, c) => row.forEach((o, k) => expect(o).toBeCloseTo(expected[c]![k]!, 12)));
    expect(matrix.map((row) => Math.round(row.reduce((a, b) => a + b, 0)))).toEqual([9, 13, 10, 5, 3]);
    const details = krippendorffAlphaDetails(PAPER, 'nominal');
    expect(details).toMatchObject({ status: 'ok', pairableUnits: 11, pairableValues: 40 });
  });

  it('matches the Wikipedia example (3 coders × 15 units): nominal .691, interval .811', () => {
    // Values as in the `krippendorff` Python package tests: 0.691358 and 0.810845.
    const data: ReliabilityValue[][] = [
      [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
      [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
      [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
    ];
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(data, 'interval')).toBeCloseTo(0.810845, 6);
  });
});

describe('krippendorffAlpha — small cases', () => {
  it('2 coders, binary, computed by hand: α = 2/21 ≈ 0.095', () => {
    // Krippendorff 2011, section A. 10 units, 2 values each → n = 20. Disagreements in units
    // 1, 3, 6, 9 → o_01 = o_10 = 4; o_00 = 10 (5 units of 0/0), o_11 = 2 (unit 2).
    // n_0 = 14, n_1 = 6. α = 1 − (n − 1)·(o_01 + o_10) / (2·n_0·n_1) = 1 − 19·8/168 = 2/21.
    const data = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(2 / 21, 12);
    // With two values every metric is a constant multiple of the nominal one.
    expect(krippendorffAlpha(data, 'interval')).toBeCloseTo(2 / 21, 12);
  });

  it('perfect agreement is exactly 1 at every level', () => {
    const data = [
      [1, 2, 3, 4, _],
      [1, 2, 3, 4, 5],
      [1, 2, _, 4, 5],
    ];
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha(data, level)).toBe(1);
    }
    expect(krippendorffAlpha([['a', 'b'], ['a', 'b']], 'nominal')).toBe(1);
  });

  it('systematic disagreement is negative', () => {
    // n = 8, n_0 = n_1 = 4, every pair disagrees: α = 1 − 7·8/(2·16) = −0.75.
    expect(krippendorffAlpha([[0, 1, 0, 1], [1, 0, 1, 0]], 'nominal')).toBeCloseTo(-0.75, 12);
    expect(krippendorffAlpha([['x', 'y', 'x', 'y'], ['y', 'x', 'y', 'x']], 'nominal')).toBeCloseTo(-0.75, 12);
    expect(krippendorffAlpha([[1, 5, 1, 5], [5, 1, 5, 1]], 'interval')).toBeLessThan(0);
  });

  it('no variation at all: NaN with status no-variation (α is 0/0, not 1)', () => {
    const data = [
      ['none', 'none', 'none'],
      ['none', 'none', _],
    ];
    expect(krippendorffAlpha(data, 'nominal')).toBeNaN();
    expect(krippendorffAlphaDetails(data, 'nominal')).toEqual({
      alpha: NaN,
      status: 'no-variation',
      pairableUnits: 2,
      pairableValues: 4,
      observedDisagreement: 0,
      expectedDisagreement: 0,
    });
    // Variation only in a non-pairable unit does not count.
    expect(krippendorffAlphaDetails([[0.1, 0.1, 7], [0.1, 0.1, _]], 'interval').status).toBe('no-variation');
  });

  it('fewer than 2 pairable values: NaN with status insufficient-data', () => {
    expect(krippendorffAlpha([[1, _], [_, 2]], 'nominal')).toBeNaN();
    expect(krippendorffAlphaDetails([[1, _], [_, 2]], 'nominal').status).toBe('insufficient-data');
    expect(krippendorffAlpha([], 'nominal')).toBeNaN();
    expect(krippendorffAlpha([[1, 2, 3]], 'interval')).toBeNaN();
    expect(krippendorffAlpha([[], []], 'nominal')).toBeNaN();
  });

  it('throws on rows of different lengths', () => {
    expect(() => krippendorffAlpha([[1, 2, 3], [1, 2]], 'nominal')).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, 2, 3], [1, 2]], 'nominal')).toThrow(/same length/);
  });

  it('needs numbers above the nominal level', () => {
    expect(() => krippendorffAlpha([['a', 'b'], ['a', 'b']], 'ordinal')).toThrow(TypeError);
    expect(() => krippendorffAlpha([[1, '2'], [1, 2]], 'interval')).toThrow(/needs numbers.*use 'nominal'/);
    expect(() => krippendorffAlpha([[1, NaN], [1, 2]], 'nominal')).toThrow(TypeError);
    expect(() => krippendorffAlpha([[1, undefined as unknown as number], [1, 2]], 'nominal')).toThrow(/null for missing/);
    expect(() => krippendorffAlpha([[undefined as unknown as number, 1], [1, 2]], 'nominal')).toThrow(/null for missing/);
    expect(() => krippendorffAlpha([[1, -2], [1, 2]], 'ratio')).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1], [1]], 'bogus' as MeasurementLevel)).toThrow(TypeError);
  });

  it('nominal: numbers and strings are distinct values; ratio handles zeros', () => {
    // Four different values, one each: every pair disagrees and α = 1 − 3·4/(16 − 4) = 0.
    expect(krippendorffAlpha([[1, 2], ['1', '2']], 'nominal')).toBeCloseTo(0, 12);
    expect(krippendorffAlpha([[1, 2], [1, 2]], 'nominal')).toBe(1);
    expect(krippendorffAlpha([[0, 1, 2], [0, 1, 2]], 'ratio')).toBe(1);
  });

  it('ordinal alpha depends only on order: invariant under a monotone transform', () => {
    const squashed = PAPER.map((row) => row.map((v) => (v === null ? null : Math.exp(v as number) * 10)));
    expect(krippendorffAlpha(squashed, 'ordinal')).toBeCloseTo(krippendorffAlpha(PAPER, 'ordinal'), 12);
    expect(krippendorffAlpha(squashed, 'interval')).not.toBeCloseTo(krippendorffAlpha(PAPER, 'interval'), 3);
  });

  it('interval alpha is shift invariant even for large values (no cancellation)', () => {
    const shifted = PAPER.map((row) => row.map((v) => (v === null ? null : (v as number) + 1e9)));
    expect(krippendorffAlpha(shifted, 'interval')).toBeCloseTo(951 / 1120, 9);
  });
});

describe('krippendorffAlpha — agrees with the brute-force definition on random data', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i', (seed) => {
    const random = seededRandom(seed);
    const coders = 2 + Math.floor(random() * 5);
    const units = 1 + Math.floor(random() * 30);
    const valueRange = 2 + Math.floor(random() * 6);
    const data = Array.from({ length: coders }, () =>
      Array.from({ length: units }, () => (random() < 0.25 ? null : 1 + Math.floor(random() * valueRange))),
    );
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const expected = oracle(data, level);
      const actual = krippendorffAlpha(data, level);
      if (Number.isFinite(expected)) expect(actual).toBeCloseTo(expected, 10);
      else expect(actual).toBeNaN();
    }
  });
});

describe('krippendorffAlpha — performance', () => {
  it('20 coders × 50,000 units, nominal, well under a second', () => {
    const random = seededRandom(42);
    const labels = ['none', 'loaded-language', 'euphemism', 'labeling', 'attribution'];
    const data = Array.from({ length: 20 }, () =>
      Array.from({ length: 50_000 }, () => (random() < 0.05 ? null : labels[random() < 0.8 ? 0 : Math.floor(random() * 5)]!)),
    );
    const started = performance.now();
    const alpha = krippendorffAlpha(data, 'nominal');
    const elapsed = performance.now() - started;
    expect(Number.isFinite(alpha)).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });
});
