import { scanPairableUnits } from './krippendorff';
import type { AlphaSummary } from './summary';
import type { LabeledCodes } from './tokens';

/**
 * Nominal alpha's sufficient statistics over some units, in integers that add up over any
 * split of the units (texts of a comparison): alpha over several texts is alpha of the sum of
 * their tallies. Kept per source by the agreement page, so a write to one source recomputes
 * that source's tally only.
 */
export interface NominalTally {
  /** Units with at least 2 values. */
  pairableUnits: number;
  /** n: the values in those units. */
  pairableValues: number;
  /** n_c: how many of those values are each label. */
  marginals: Map<string, number>;
  /**
   * By m (values in a unit), Σ over the units with m values of the pairs of different values
   * in them (Σ_{c<k} n_uc n_uk): D_o = Σ_m 2·pairs_m / (m − 1) / n.
   */
  differingPairs: Map<number, number>;
}

export function emptyNominalTally(): NominalTally {
  return { pairableUnits: 0, pairableValues: 0, marginals: new Map(), differingPairs: new Map() };
}

/** The tally of coded reliability data (coders × units, −1 missing). */
export function nominalTally(data: LabeledCodes): NominalTally {
  const { labels } = data;
  const tally = emptyNominalTally();
  const counts = new Int32Array(labels.length);
  const marginals = new Float64Array(labels.length);
  const touched = new Int32Array(Math.max(data.coders, 1));
  scanPairableUnits(data, counts, touched, (distinct, mu) => {
    tally.pairableUnits++;
    tally.pairableValues += mu;
    let pairs = 0;
    for (let i = 0; i < distinct; i++) {
      const c = touched[i]!;
      marginals[c] = marginals[c]! + counts[c]!;
      for (let j = i + 1; j < distinct; j++) pairs += counts[c]! * counts[touched[j]!]!;
    }
    if (pairs > 0) tally.differingPairs.set(mu, (tally.differingPairs.get(mu) ?? 0) + pairs);
  });
  labels.forEach((label, code) => {
    if (marginals[code]! > 0) tally.marginals.set(label, (tally.marginals.get(label) ?? 0) + marginals[code]!);
  });
  return tally;
}

/** Adds `more` into `into` (returned). */
export function addNominalTally(into: NominalTally, more: NominalTally): NominalTally {
  into.pairableUnits += more.pairableUnits;
  into.pairableValues += more.pairableValues;
  for (const [label, n] of more.marginals) into.marginals.set(label, (into.marginals.get(label) ?? 0) + n);
  for (const [m, pairs] of more.differingPairs) into.differingPairs.set(m, (into.differingPairs.get(m) ?? 0) + pairs);
  return into;
}

/**
 * Nominal alpha and raw agreement of a tally, as krippendorffAlphaDetails gives them for the
 * same data (to rounding: D_o is summed by m here, unit by unit there).
 */
export function nominalSummary(tally: NominalTally): AlphaSummary {
  const n = tally.pairableValues;
  const { pairableUnits } = tally;
  if (n < 2) return { alpha: null, status: 'insufficient-data', observedAgreement: null, pairableUnits };
  // Decided on counts, as krippendorffAlphaDetails does, so float noise cannot turn 0/0 into 1.
  if (tally.marginals.size < 2) return { alpha: null, status: 'no-variation', observedAgreement: 1, pairableUnits };
  let observed = 0;
  for (const [m, pairs] of [...tally.differingPairs].sort(([a], [b]) => a - b)) observed += (2 * pairs) / (m - 1);
  let squares = 0;
  for (const count of tally.marginals.values()) squares += count ** 2;
  const Do = observed / n;
  const De = (n * n - squares) / (n * (n - 1));
  return { alpha: 1 - Do / De, status: 'ok', observedAgreement: 1 - Do, pairableUnits };
}
