/**
 * Krippendorff's alpha for reliability data (coders × units), computed from the coincidence
 * matrix as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability".
 *
 *   α = 1 − D_o / D_e,  D_o = (1/n) Σ_c Σ_k o_ck δ²_ck,  D_e = (1/(n(n−1))) Σ_c Σ_k n_c n_k δ²_ck
 *
 * where o_ck = Σ_u n_uc n_uk / (m_u − 1) (c ≠ k, or n_uc(n_uc − 1)/(m_u − 1) on the diagonal)
 * over the pairable units (m_u ≥ 2 values), n_c are its marginals and n = Σ n_c.
 *
 * Implementation trade-off: the V×V coincidence matrix is never materialised. Each unit's
 * contribution o_uck·δ²_ck is added straight into Σ o_ck δ²_ck, and only the marginals n_c are
 * kept (a count array indexed by value code). That keeps memory at O(coders × units + V) even
 * for nominal data with thousands of distinct labels, where a dense matrix would be V² and a
 * map of pairs would be slow. {@link coincidenceMatrix} builds the explicit matrix for
 * diagnostics and tests on small value sets.
 */

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One coder's value for one unit; `null` means the coder did not code that unit. */
export type ReliabilityValue = number | string | null;

/**
 * Why alpha is (or is not) defined.
 *
 * - `ok`: alpha is a number (may be negative: systematic disagreement).
 * - `no-variation`: every pairable value is the same single value (e.g. nobody used a tag,
 *   so every word is "absent" for everyone). D_o = D_e = 0, so α = 0/0 is mathematically
 *   undefined and we return `NaN`, not 1: returning 1 would certify a tag as "perfectly
 *   reliable" when the data simply contain nothing to disagree about, and would inflate any
 *   average over tags. **UI:** show "—" / "not measurable", with a hint such as "all coders
 *   gave every word the same value — nothing to compare" and, if useful, the raw agreement
 *   (which is 100% here). Never show it as 1.0 or 0.
 * - `insufficient-data`: fewer than 2 pairable values (no unit was coded by ≥ 2 coders). α
 *   is `NaN`. **UI:** "not enough overlapping annotations yet".
 */
export type AlphaStatus = 'ok' | 'no-variation' | 'insufficient-data';

/** Alpha with the quantities behind it, for callers that need to explain a result. */
export interface AlphaDetails {
  /** Krippendorff's alpha; `NaN` unless `status` is `'ok'`. */
  alpha: number;
  status: AlphaStatus;
  /** Units with at least 2 non-missing values (the only ones that count). */
  pairableUnits: number;
  /** n: the number of values in pairable units (the coincidence matrix total). */
  pairableValues: number;
  /** D_o; `NaN` for insufficient data. For nominal data 1 − D_o is the observed agreement. */
  observedDisagreement: number;
  /** D_e; `NaN` for insufficient data, 0 when there is no variation. */
  expectedDisagreement: number;
}

/**
 * Reliability data with values replaced by integer codes `0 … valueCount − 1`, stored
 * coder-major in one typed array (`codes[coder * units + unit]`, −1 = missing). This is the
 * form the span helpers produce directly, so they can skip the string → code lookup.
 * @internal
 */
export interface CodedReliability {
  coders: number;
  units: number;
  valueCount: number;
  codes: Int32Array;
}

/**
 * Krippendorff's alpha.
 *
 * @param reliabilityData rows are coders, columns are units; `null` is a missing value.
 * @param level `nominal` accepts strings and numbers (`1` and `'1'` are different values);
 *   `ordinal`, `interval` and `ratio` need finite numbers (`ratio` also non-negative).
 * @returns alpha, or `NaN` when it is undefined: fewer than 2 pairable values, or no
 *   variation at all (see {@link AlphaStatus} for what to show instead).
 * @throws RangeError when rows have different lengths, or a ratio value is negative.
 * @throws TypeError for a value of the wrong type (e.g. a string at the interval level).
 */
export function krippendorffAlpha(
  reliabilityData: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel,
): number {
  return krippendorffAlphaDetails(reliabilityData, level).alpha;
}

/** Like {@link krippendorffAlpha}, but also says why alpha is undefined when it is. */
export function krippendorffAlphaDetails(
  reliabilityData: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel,
): AlphaDetails {
  const { coded, numeric } = encode(reliabilityData, level);
  return alphaFromCodes(coded, level, numeric);
}

/**
 * The coincidence matrix itself (values in first-seen order for nominal data, ascending for
 * numeric levels). Dense V×V: meant for diagnostics and small value sets, not for the hot path.
 */
export function coincidenceMatrix(
  reliabilityData: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel = 'nominal',
): { values: (string | number)[]; matrix: number[][] } {
  const { coded, values } = encode(reliabilityData, level);
  const V = coded.valueCount;
  const order = values.map((_, i) => i);
  if (level !== 'nominal') order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const position = new Int32Array(V);
  order.forEach((code, pos) => (position[code] = pos));
  const matrix = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  const counts = new Int32Array(V);
  const touched = new Int32Array(Math.max(coded.coders, 1));
  scanPairableUnits(coded, counts, touched, (distinct, mu) => {
    for (let i = 0; i < distinct; i++) {
      const c = touched[i]!;
      const row = matrix[position[c]!]!;
      for (let j = 0; j < distinct; j++) {
        const k = touched[j]!;
        const pairs = c === k ? counts[c]! * (counts[c]! - 1) : counts[c]! * counts[k]!;
        row[position[k]!] = row[position[k]!]! + pairs / (mu - 1);
      }
    }
  });
  return { values: order.map((code) => values[code]!), matrix };
}

interface Encoded {
  coded: CodedReliability;
  /** Distinct values by code. */
  values: (string | number)[];
  /** Numeric value by code, for the non-nominal levels. */
  numeric: Float64Array | undefined;
}

function encode(data: readonly (readonly ReliabilityValue[])[], level: MeasurementLevel): Encoded {
  if (!['nominal', 'ordinal', 'interval', 'ratio'].includes(level)) {
    throw new TypeError(`Unknown level of measurement: ${String(level)}`);
  }
  const m = data.length;
  const N = m === 0 ? 0 : data[0]!.length;
  for (let c = 1; c < m; c++) {
    if (data[c]!.length !== N) {
      throw new RangeError(
        `Reliability data rows must all have the same length (one column per unit): row 0 has ${N} values, row ${c} has ${data[c]!.length}.`,
      );
    }
  }
  const numericLevel = level !== 'nominal';
  const index = new Map<string | number, number>();
  const values: (string | number)[] = [];
  const codes = new Int32Array(m * N);
  // Token data are long runs of one value ("none"), so remembering the previous lookup skips
  // most Map probes.
  let lastValue: ReliabilityValue | undefined;
  let lastCode = -1;
  for (let c = 0; c < m; c++) {
    const row = data[c]!;
    const offset = c * N;
    for (let u = 0; u < N; u++) {
      const v = row[u];
      if (v === null) {
        codes[offset + u] = -1;
        continue;
      }
      if (lastCode >= 0 && v === lastValue) {
        codes[offset + u] = lastCode;
        continue;
      }
      let code = index.get(v as string | number);
      if (code === undefined) {
        checkValue(v, level, numericLevel, c, u);
        code = values.length;
        index.set(v as string | number, code);
        values.push(v as string | number);
      }
      codes[offset + u] = code;
      lastValue = v;
      lastCode = code;
    }
  }
  const numeric = numericLevel ? Float64Array.from(values as number[]) : undefined;
  return { coded: { coders: m, units: N, valueCount: values.length, codes }, values, numeric };
}

function checkValue(v: unknown, level: MeasurementLevel, numericLevel: boolean, c: number, u: number) {
  const where = `coder ${c}, unit ${u}`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      throw new TypeError(`Reliability values must be finite numbers or strings (use null for missing): ${String(v)} at ${where}.`);
    }
    if (level === 'ratio' && v < 0) {
      throw new RangeError(`The ratio level needs non-negative values (a scale with an absolute zero): ${v} at ${where}.`);
    }
    return;
  }
  if (typeof v === 'string' && !numericLevel) return;
  if (typeof v === 'string') {
    throw new TypeError(
      `Krippendorff's alpha at the ${level} level needs numbers, got the string ${JSON.stringify(v)} at ${where}; use 'nominal' for labels.`,
    );
  }
  throw new TypeError(`Reliability values must be numbers or strings, with null for missing: got ${String(v)} at ${where}.`);
}

/**
 * Visits each pairable unit once. On each visit `touched[0 … distinct − 1]` are the value codes
 * present in the unit and `counts[code]` how many coders gave each; `mu` is the unit's number
 * of values. The scratch arrays are reset after each unit, so no per-unit allocation happens.
 * @internal
 */
export function scanPairableUnits(
  data: CodedReliability,
  counts: Int32Array,
  touched: Int32Array,
  visit: (distinct: number, mu: number) => void,
): void {
  const { coders: m, units: N, codes } = data;
  for (let u = 0; u < N; u++) {
    let mu = 0;
    let distinct = 0;
    for (let c = 0; c < m; c++) {
      const k = codes[c * N + u]!;
      if (k < 0) continue;
      if (counts[k] === 0) touched[distinct++] = k;
      counts[k] = counts[k]! + 1;
      mu++;
    }
    if (mu >= 2) visit(distinct, mu);
    for (let t = 0; t < distinct; t++) counts[touched[t]!] = 0;
  }
}

/**
 * Alpha from coded data. `numeric[code]` is required for the ordinal, interval and ratio levels.
 * @internal
 */
export function alphaFromCodes(
  data: CodedReliability,
  level: MeasurementLevel,
  numeric?: Float64Array,
): AlphaDetails {
  const V = data.valueCount;
  const counts = new Int32Array(V);
  const touched = new Int32Array(Math.max(data.coders, 1));

  // Pass 1: the marginals n_c. The ordinal metric depends on them, so D_o needs a second pass.
  const marginals = new Float64Array(V);
  let pairableUnits = 0;
  let n = 0;
  scanPairableUnits(data, counts, touched, (distinct, mu) => {
    pairableUnits++;
    n += mu;
    for (let t = 0; t < distinct; t++) {
      const c = touched[t]!;
      marginals[c] = marginals[c]! + counts[c]!;
    }
  });

  const counted = { pairableUnits, pairableValues: n };
  if (n < 2) {
    return { alpha: NaN, status: 'insufficient-data', ...counted, observedDisagreement: NaN, expectedDisagreement: NaN };
  }
  const present: number[] = [];
  for (let c = 0; c < V; c++) if (marginals[c]! > 0) present.push(c);
  // Decided on counts, not on D_e === 0, so float noise in D_e cannot turn 0/0 into α = 1.
  if (present.length < 2) {
    return { alpha: NaN, status: 'no-variation', ...counted, observedDisagreement: 0, expectedDisagreement: 0 };
  }

  if (level !== 'nominal' && !numeric) throw new TypeError(`The ${level} level needs numeric values.`);
  // Interval and ordinal are both squared differences of a per-value position: the value
  // itself, or its mid-rank (see ordinalPositions).
  const positions = level === 'ordinal' ? ordinalPositions(present, marginals, numeric!) : level === 'interval' ? numeric : undefined;
  const delta2 = metric(level, positions, numeric);

  // Pass 2: Σ_c Σ_k o_ck δ²_ck, unit by unit. Same-value pairs have δ = 0 at every level, so
  // only pairs of distinct values present in the unit matter (ordered pairs = 2 × unordered).
  let observedSum = 0;
  scanPairableUnits(data, counts, touched, (distinct, mu) => {
    if (distinct < 2) return;
    let s = 0;
    for (let i = 0; i < distinct; i++) {
      const c = touched[i]!;
      for (let j = i + 1; j < distinct; j++) {
        const k = touched[j]!;
        s += counts[c]! * counts[k]! * delta2(c, k);
      }
    }
    observedSum += (2 * s) / (mu - 1);
  });

  const expectedSum = expectedDisagreementSum(present, marginals, n, delta2, level === 'nominal' ? 'nominal' : positions);
  const observedDisagreement = observedSum / n;
  const expectedDisagreement = expectedSum / (n * (n - 1));
  return {
    alpha: 1 - observedDisagreement / expectedDisagreement,
    status: 'ok',
    ...counted,
    observedDisagreement,
    expectedDisagreement,
  };
}

/** δ²_ck between two value codes, for the given level. */
function metric(
  level: MeasurementLevel,
  positions: Float64Array | undefined,
  numeric: Float64Array | undefined,
): (c: number, k: number) => number {
  if (positions) return (c, k) => (positions[c]! - positions[k]!) ** 2;
  if (level === 'ratio' && numeric) {
    return (c, k) => {
      const sum = numeric[c]! + numeric[k]!;
      return sum === 0 ? 0 : ((numeric[c]! - numeric[k]!) / sum) ** 2;
    };
  }
  return (c, k) => (c === k ? 0 : 1);
}

/**
 * Krippendorff's ordinal metric δ_ck = Σ_{g=c..k} n_g − (n_c + n_k)/2 equals r_k − r_c with
 * r_g = Σ_{h<g} n_h + n_g/2 (the value's mid-rank among all pairable values, shifted by −½, which
 * cancels in differences). Expressing it as a position per value makes δ O(1) and lets D_e use the same closed form as the interval
 * level, instead of summing ranges for every pair of values.
 */
function ordinalPositions(present: readonly number[], marginals: Float64Array, numeric: Float64Array): Float64Array {
  const ranks = new Float64Array(marginals.length);
  const sorted = [...present].sort((a, b) => numeric[a]! - numeric[b]!);
  let below = 0;
  for (const g of sorted) {
    ranks[g] = below + marginals[g]! / 2;
    below += marginals[g]!;
  }
  return ranks;
}

/**
 * Σ_c Σ_k n_c n_k δ²_ck (ordered pairs). `shape` is `'nominal'`, the per-value positions of
 * the interval/ordinal levels, or undefined for ratio.
 */
function expectedDisagreementSum(
  present: readonly number[],
  marginals: Float64Array,
  n: number,
  delta2: (c: number, k: number) => number,
  shape: 'nominal' | Float64Array | undefined,
): number {
  if (shape === 'nominal') {
    let squares = 0;
    for (const c of present) squares += marginals[c]! ** 2;
    return n * n - squares;
  }
  if (shape) {
    // Σ_c Σ_k n_c n_k (p_c − p_k)² = 2n Σ_c n_c (p_c − mean)²: O(V) instead of O(V²), and
    // centring on the mean avoids the cancellation of the raw-moment form for large values.
    let mean = 0;
    for (const c of present) mean += marginals[c]! * shape[c]!;
    mean /= n;
    let spread = 0;
    for (const c of present) spread += marginals[c]! * (shape[c]! - mean) ** 2;
    return 2 * n * spread;
  }
  // Ratio has no such closed form: O(V²) over the distinct values, which is fine for the
  // value sets ratio data have in practice (scores, counts), not for thousands of values.
  let sum = 0;
  for (let i = 0; i < present.length; i++) {
    const c = present[i]!;
    for (let j = i + 1; j < present.length; j++) {
      const k = present[j]!;
      sum += marginals[c]! * marginals[k]! * delta2(c, k);
    }
  }
  return 2 * sum;
}
