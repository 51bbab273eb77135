import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { krippendorffAlphaDetails } from './krippendorff';
import { addNominalTally, emptyNominalTally, nominalSummary, nominalTally } from './nominal-tally';
import type { LabeledCodes } from './tokens';

type Rows = (string | null)[][];

/** Rows of labels as coded data (codes in order of first appearance, −1 missing). */
function coded(rows: Rows): LabeledCodes {
  const labels: string[] = [];
  const units = rows[0]?.length ?? 0;
  const codes = new Int32Array(rows.length * units);
  rows.forEach((row, c) =>
    row.forEach((value, u) => {
      if (value === null) return void (codes[c * units + u] = -1);
      if (!labels.includes(value)) labels.push(value);
      codes[c * units + u] = labels.indexOf(value);
    }),
  );
  return { coders: rows.length, units, codes, labels, valueCount: labels.length, coderIds: rows.map((_, c) => `c${c}`) };
}

function expected(rows: Rows) {
  const d = krippendorffAlphaDetails(rows, 'nominal');
  return {
    alpha: d.status === 'ok' ? d.alpha : null,
    status: d.status,
    observedAgreement: d.status === 'insufficient-data' ? null : 1 - d.observedDisagreement,
    pairableUnits: d.pairableUnits,
  };
}

describe('nominalSummary', () => {
  it.each<[string, Rows]>([
    ['perfect agreement', [['a', 'b', 'a'], ['a', 'b', 'a']]],
    ['no variation', [['a', 'a'], ['a', 'a']]],
    ['a single coder: insufficient data', [['a', 'b', 'c']]],
    ['missing values and three coders', [['a', null, 'b', 'a'], ['a', 'b', null, 'b'], [null, 'b', 'b', 'c']]],
    ['no units', [[], []]],
  ])('%s: as krippendorffAlphaDetails', (_, rows) => {
    const got = nominalSummary(nominalTally(coded(rows)));
    const want = expected(rows);
    expect({ ...got, alpha: 0, observedAgreement: 0 }).toEqual({ ...want, alpha: 0, observedAgreement: 0 });
    if (want.alpha === null) expect(got.alpha).toBeNull();
    else expect(got.alpha!).toBeCloseTo(want.alpha, 12);
    if (want.observedAgreement === null) expect(got.observedAgreement).toBeNull();
    else expect(got.observedAgreement!).toBeCloseTo(want.observedAgreement, 12);
  });

  it('of tallies added up equals that of the units together, split anywhere', () => {
    const random = seededRandom(3);
    for (let run = 0; run < 100; run++) {
      const coders = 2 + Math.floor(random() * 4);
      const units = 1 + Math.floor(random() * 30);
      const rows: Rows = Array.from({ length: coders }, () => Array.from({ length: units }, () => (random() < 0.2 ? null : 'abc'[Math.floor(random() * 3)]!)));
      const cut = Math.floor(random() * units);
      const sum = addNominalTally(addNominalTally(emptyNominalTally(), nominalTally(coded(rows.map((r) => r.slice(0, cut))))), nominalTally(coded(rows.map((r) => r.slice(cut)))));
      const want = expected(rows);
      const got = nominalSummary(sum);
      expect(got.status).toBe(want.status);
      expect(got.pairableUnits).toBe(want.pairableUnits);
      if (want.alpha !== null) expect(got.alpha!).toBeCloseTo(want.alpha, 12);
    }
  });
});
