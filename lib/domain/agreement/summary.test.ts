import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff';
import { agreementSummary, disagreements } from './summary';
import { reliabilityFromSpans, tokenUnits } from './tokens';

//            0         1         2         3
//            0123456789012345678901234567890123456
const text = 'The regime claimed a decisive victory';
const units = tokenUnits(text); // The | regime | claimed | a | decisive | victory

const ana = {
  coderId: 'ana',
  spans: [
    { start: 4, end: 10, value: 'labeling' },
    { start: 21, end: 37, value: 'loaded' },
  ],
};
const ben = {
  coderId: 'ben',
  spans: [
    { start: 4, end: 10, value: 'labeling' },
    { start: 21, end: 29, value: 'loaded' },
  ],
};

describe('agreementSummary', () => {
  it('reports combined and per-value alpha and pairwise agreement (worked by hand)', () => {
    // Combined: ana = none labeling none none loaded loaded, ben = … loaded none.
    // n = 12, n_none = 7, n_labeling = 2, n_loaded = 3; one disagreeing token ("victory").
    // α = 1 − 11·2 / (144 − 49 − 4 − 9) = 30/41; raw agreement 1 − 2/12 = 5/6.
    // "loaded": present 3, absent 9 → α = 1 − 11·2 / (144 − 81 − 9) = 16/27.
    const summary = agreementSummary(units, [ana, ben], { values: ['labeling', 'loaded', 'euphemism'] });
    expect(summary.coders).toEqual(['ana', 'ben']);
    expect(summary.units).toBe(6);
    expect(summary.combined.status).toBe('ok');
    expect(summary.combined.alpha).toBeCloseTo(30 / 41, 12);
    expect(summary.combined.observedAgreement).toBeCloseTo(5 / 6, 12);
    expect(summary.combined.pairableUnits).toBe(6);

    const [labeling, loaded, euphemism] = summary.perValue;
    expect(labeling).toMatchObject({ value: 'labeling', alpha: 1, status: 'ok', tokensByCoder: [1, 1] });
    expect(loaded!.value).toBe('loaded');
    expect(loaded!.alpha).toBeCloseTo(16 / 27, 12);
    expect(loaded!.tokensByCoder).toEqual([2, 1]);
    // Nobody used "euphemism": no variation → no alpha, but 100% raw agreement.
    expect(euphemism).toEqual({
      value: 'euphemism',
      alpha: null,
      status: 'no-variation',
      observedAgreement: 1,
      pairableUnits: 6,
      tokensByCoder: [0, 0],
    });

    expect(summary.pairwise).toHaveLength(1);
    expect(summary.pairwise[0]!.coderA).toBe('ana');
    expect(summary.pairwise[0]!.coderB).toBe('ben');
    expect(summary.pairwise[0]!.agreement).toBeCloseTo(5 / 6, 12);
    expect(summary.pairwise[0]!.comparedUnits).toBe(6);
  });

  it('agrees with krippendorffAlpha on the span data, and lists used values by default', () => {
    const cy = { coderId: 'cy', spans: [{ start: 11, end: 18, value: 'loaded' }, { start: 0, end: 3, value: 'attribution' }] };
    const summary = agreementSummary(units, [ana, ben, cy]);
    const { data } = reliabilityFromSpans(units, [ana, ben, cy]);
    expect(summary.combined.alpha).toBeCloseTo(krippendorffAlpha(data, 'nominal'), 12);
    expect(summary.perValue.map((v) => v.value)).toEqual(['attribution', 'labeling', 'loaded']);
    expect(summary.pairwise.map((p) => [p.coderA, p.coderB])).toEqual([
      ['ana', 'ben'],
      ['ana', 'cy'],
      ['ben', 'cy'],
    ]);
  });

  it('returns JSON-safe data (no NaN) when alpha is undefined', () => {
    const one = agreementSummary(units, [ana]);
    expect(one.combined).toEqual({ alpha: null, status: 'insufficient-data', observedAgreement: null, pairableUnits: 0 });
    expect(one.pairwise).toEqual([]);
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);

    const blank = agreementSummary(units, [{ coderId: 'a', spans: [] }, { coderId: 'b', spans: [] }]);
    expect(blank.combined).toEqual({ alpha: null, status: 'no-variation', observedAgreement: 1, pairableUnits: 6 });
    expect(blank.perValue).toEqual([]);

    const none = agreementSummary([], []);
    expect(none.combined.status).toBe('insufficient-data');
  });

  it('restricts every figure to missingOutside', () => {
    // Only "regime" and "claimed" are in scope: both coders agree there.
    const summary = agreementSummary(units, [ana, ben], { missingOutside: [{ start: 4, end: 18 }] });
    expect(summary.combined).toEqual({ alpha: 1, status: 'ok', observedAgreement: 1, pairableUnits: 2 });
    expect(summary.pairwise[0]).toEqual({ coderA: 'ana', coderB: 'ben', agreement: 1, comparedUnits: 2 });
  });
});

describe('disagreements', () => {
  it('lists tokens where coders differ, with every coder’s value', () => {
    expect(disagreements(units, [ana, ben])).toEqual([
      {
        start: 30,
        end: 37,
        values: [
          { coderId: 'ana', value: 'loaded' },
          { coderId: 'ben', value: 'none' },
        ],
      },
    ]);
    expect(text.slice(30, 37)).toBe('victory');
  });

  it('merges consecutive tokens while every coder’s value stays the same', () => {
    const dan = { coderId: 'dan', spans: [] };
    expect(disagreements(units, [ana, dan])).toEqual([
      { start: 4, end: 10, values: [{ coderId: 'ana', value: 'labeling' }, { coderId: 'dan', value: 'none' }] },
      { start: 21, end: 37, values: [{ coderId: 'ana', value: 'loaded' }, { coderId: 'dan', value: 'none' }] },
    ]);
    // "decisive" (loaded/loaded/none) and "victory" (loaded/none/none) differ in pattern: two stretches.
    const three = disagreements(units, [ana, ben, dan]);
    expect(three.map(({ start, end }) => text.slice(start, end))).toEqual(['regime', 'decisive', 'victory']);
  });

  it('can focus on one value, and ignores tokens coded by one coder only', () => {
    const eve = { coderId: 'eve', spans: [{ start: 0, end: 37, value: 'labeling' }] };
    const onLabeling = disagreements(units, [ana, eve], { value: 'labeling' });
    expect(onLabeling.map(({ start, end }) => text.slice(start, end))).toEqual(['The', 'claimed a decisive victory']);
    expect(onLabeling[1]!.values).toEqual([
      { coderId: 'ana', value: 'absent' },
      { coderId: 'eve', value: 'present' },
    ]);
    expect(disagreements(units, [ana])).toEqual([]);
    expect(disagreements(units, [ana, eve], { missingOutside: [{ start: 4, end: 10 }] })).toEqual([]);
  });
});
