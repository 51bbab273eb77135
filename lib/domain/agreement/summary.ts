/**
 * Agreement between coders' span annotations on one text, as plain data for the UI: alpha
 * for the combined labelling and per tag, pairwise agreement, and a list of disagreements.
 *
 * All agreement figures are over word tokens (see ./tokens.ts). Untagged words are units
 * too, with the value "none": agreeing that a word carries no tag is agreement. Because most
 * words are untagged, raw agreement looks high even for poor annotation; alpha corrects for
 * that through the expected disagreement, which is why it is the headline figure and the raw
 * proportions are secondary.
 */
import { alphaFromCodes, type AlphaDetails, type AlphaStatus } from './krippendorff';
import {
  codePresence,
  codeSpans,
  type CoderSpans,
  type LabeledCodes,
  type SpanReliabilityOptions,
  type TextRange,
} from './tokens';

/** Nominal alpha over tokens, JSON-safe (no NaN). */
export interface AlphaSummary {
  /** Krippendorff's alpha (nominal), or `null` when undefined; `status` says why. */
  alpha: number | null;
  /** See {@link AlphaStatus}: show "—" rather than a number unless `'ok'`. */
  status: AlphaStatus;
  /**
   * Proportion (0–1) of pairs of values within a token that match, i.e. 1 − D_o: raw
   * agreement, not corrected for chance. 1 when there is no variation; `null` without data.
   */
  observedAgreement: number | null;
  /** Tokens that at least two coders coded (all in-scope tokens when nothing is missing). */
  pairableUnits: number;
}

/** Agreement on one value (tag), from its present/absent data. */
export interface ValueAgreement extends AlphaSummary {
  value: string;
  /** Tokens each coder covered with this value, aligned with {@link AgreementSummary.coders}. */
  tokensByCoder: number[];
}

/** Raw agreement between two coders on the combined labelling. */
export interface PairwiseAgreement {
  coderA: string;
  coderB: string;
  /** Proportion (0–1) of compared tokens where both gave the same value; `null` if none compared. */
  agreement: number | null;
  /** Tokens both coders coded (in scope). */
  comparedUnits: number;
}

export interface AgreementSummary {
  /** Coder ids in input order. */
  coders: string[];
  /** Number of token units (including out-of-scope ones). */
  units: number;
  /** Alpha over the combined labelling: each token's value is its tag(s) or "none". */
  combined: AlphaSummary;
  /** Alpha per value, in the order of `options.values`, else sorted by value. */
  perValue: ValueAgreement[];
  /** Every pair of coders, in input order (A before B). */
  pairwise: PairwiseAgreement[];
}

export interface AgreementSummaryOptions extends SpanReliabilityOptions {
  /**
   * The values (tag ids) to report per value, e.g. the comparison's taxonomy, so that a tag
   * nobody used still appears (with status `'no-variation'`). Default: every value used in
   * any span.
   */
  values?: readonly string[];
}

/**
 * Agreement between coders on one text.
 *
 * @param units token units of the text (`tokenUnits`).
 * @param coders each coder's spans; with fewer than 2 coders every alpha is `insufficient-data`.
 */
export function agreementSummary(
  units: readonly TextRange[],
  coders: readonly CoderSpans[],
  options?: AgreementSummaryOptions,
): AgreementSummary {
  const combined = codeSpans(units, coders, options);
  const values = options?.values
    ? [...new Set(options.values)]
    : [...new Set(coders.flatMap((coder) => coder.spans.map((span) => span.value)))].sort();

  const perValue = values.map((value): ValueAgreement => {
    const presence = codePresence(units, coders, value, options);
    const tokensByCoder = presence.coderIds.map((_, c) => {
      let count = 0;
      for (let u = 0; u < presence.units; u++) if (presence.codes[c * presence.units + u] === 1) count++;
      return count;
    });
    return { value, ...summarize(alphaFromCodes(presence, 'nominal')), tokensByCoder };
  });

  return {
    coders: [...combined.coderIds],
    units: units.length,
    combined: summarize(alphaFromCodes(combined, 'nominal')),
    perValue,
    pairwise: pairwiseAgreement(combined),
  };
}

function summarize(details: AlphaDetails): AlphaSummary {
  return {
    alpha: details.status === 'ok' ? details.alpha : null,
    status: details.status,
    observedAgreement: details.status === 'insufficient-data' ? null : 1 - details.observedDisagreement,
    pairableUnits: details.pairableUnits,
  };
}

function pairwiseAgreement(coded: LabeledCodes): PairwiseAgreement[] {
  const { units: N, codes, coderIds } = coded;
  const pairs: PairwiseAgreement[] = [];
  for (let a = 0; a < coderIds.length; a++) {
    for (let b = a + 1; b < coderIds.length; b++) {
      let compared = 0;
      let same = 0;
      for (let u = 0; u < N; u++) {
        const x = codes[a * N + u]!;
        const y = codes[b * N + u]!;
        if (x < 0 || y < 0) continue;
        compared++;
        if (x === y) same++;
      }
      pairs.push({
        coderA: coderIds[a]!,
        coderB: coderIds[b]!,
        agreement: compared === 0 ? null : same / compared,
        comparedUnits: compared,
      });
    }
  }
  return pairs;
}

/** One stretch of text where coders gave different values. */
export interface Disagreement extends TextRange {
  /** The value of each coder who coded the stretch, in coder input order. */
  values: { coderId: string; value: string }[];
}

export interface DisagreementOptions extends SpanReliabilityOptions {
  /**
   * Only disagreements about this value (present vs absent), e.g. for a per-tag review.
   * Default: the combined labelling (values as in `reliabilityFromSpans`).
   */
  value?: string;
}

/**
 * The stretches of text where coders' values differ, for a "disagreements" review list.
 *
 * A token is a disagreement when at least two coders coded it with different values (one
 * coder alone, or all missing, is not). Consecutive disagreeing tokens are merged into one
 * stretch, from the first token's start to the last token's end (so the whitespace and
 * punctuation between them is included), but only while every coder's value stays the same:
 * each stretch then has a single, exact `values` list to show and to resolve, at the cost of
 * splitting a region where, say, one reviewer's span ends earlier than another's.
 */
export function disagreements(
  units: readonly TextRange[],
  coders: readonly CoderSpans[],
  options?: DisagreementOptions,
): Disagreement[] {
  const coded =
    options?.value === undefined ? codeSpans(units, coders, options) : codePresence(units, coders, options.value, options);
  const { units: N, codes, coderIds, labels } = coded;
  const m = coderIds.length;
  const result: Disagreement[] = [];
  let previous = -1; // index of the last token merged into result's last stretch, or -1
  for (let u = 0; u < N; u++) {
    let first = -1;
    let differs = false;
    for (let c = 0; c < m; c++) {
      const code = codes[c * N + u]!;
      if (code < 0) continue;
      if (first < 0) first = code;
      else if (code !== first) differs = true;
    }
    if (!differs) {
      previous = -1;
      continue;
    }
    if (previous === u - 1 && sameValues(codes, N, m, previous, u)) {
      result[result.length - 1]!.end = units[u]!.end;
    } else {
      const values: Disagreement['values'] = [];
      for (let c = 0; c < m; c++) {
        const code = codes[c * N + u]!;
        if (code >= 0) values.push({ coderId: coderIds[c]!, value: labels[code]! });
      }
      result.push({ start: units[u]!.start, end: units[u]!.end, values });
    }
    previous = u;
  }
  return result;
}

function sameValues(codes: Int32Array, N: number, m: number, u: number, v: number): boolean {
  for (let c = 0; c < m; c++) if (codes[c * N + u] !== codes[c * N + v]) return false;
  return true;
}
