/**
 * Turning span annotations into reliability data, one unit per word token.
 *
 * Span annotations have no natural units: two reviewers rarely select exactly the same
 * characters. Measuring "per word token, value = the tag or none" makes them comparable:
 * each word is a unit and each coder's value for it is the tag of the span covering it.
 * Trade-off: this ignores where exactly a span starts inside a word and treats boundary
 * disagreements as value disagreements on the edge words, which is what a reviewer sees
 * anyway. (Krippendorff's unitizing alpha, uα, models the continuum exactly but is far
 * harder to explain and to turn into a list of disagreements.)
 *
 * Offsets are UTF-16 code-unit indices into the source body, as `String.prototype.slice`
 * uses them and as the annotations' TextPositionSelector start/end are stored; `end` is
 * exclusive.
 */
import { wordsOf } from '../text/words';
import type { CodedReliability } from './krippendorff';

/** A half-open character range `[start, end)` of a text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A coder's span with one value (e.g. a tag id). An annotation with several tags is several spans. */
export interface LabeledSpan extends TextRange {
  value: string;
}

/** All spans of one coder (reviewer, student, teacher's key) on one text. */
export interface CoderSpans {
  coderId: string;
  spans: readonly LabeledSpan[];
}

export interface SpanReliabilityOptions {
  /**
   * When given, only tokens overlapping one of these ranges are compared; every other token
   * is a missing value (`null`) for every coder. Use it to restrict agreement to the part of
   * a text that was assigned (a passage, a fact row) while keeping columns aligned with the
   * token units.
   */
  missingOutside?: readonly TextRange[];
}

/** Reliability data (rows = coders in input order, columns = token units) ready for alpha. */
export interface SpanReliabilityData {
  coders: string[];
  data: (string | null)[][];
}

/** The value of a token that no span of the coder covers. Reserved: spans may not use it. */
export const NO_VALUE = 'none';
/** Per-value data: the token is covered by a span with that value. */
export const PRESENT = 'present';
/** Per-value data: the token is not covered by a span with that value. */
export const ABSENT = 'absent';
/** Joins the sorted distinct values of a token that several of one coder's spans cover. */
export const VALUE_SEPARATOR = ' + ';

/**
 * Words as ../text/words.ts segments them (Intl.Segmenter in the text's language, so Chinese,
 * Japanese and Thai get one unit per word rather than per sentence), with hyphenated
 * compounds kept whole ("well-known"), contractions ("don't") and numbers ("3.5", "10,000")
 * whole. Punctuation, symbols and whitespace are never units: they carry no framing a
 * reviewer could tag on their own, and counting them would inflate agreement with trivially
 * "none" units. A period between letters splits ("U.S." → "U", "S") so that a missing space
 * after a full stop ("end.Next") does not glue two sentences' words together; the extra unit
 * is harmless.
 */
export function tokenUnits(text: string, language?: string | null): TextRange[] {
  return wordsOf(text, { language, hyphens: 'join' }).map(({ start, end }) => ({ start, end }));
}

/**
 * Each coder's value per token: the value of the span covering it, or {@link NO_VALUE}.
 *
 * A span covers a token when they overlap by at least one character, so a selection that
 * stops mid-word still counts for that word. When several spans of one coder with different
 * values cover a token (an annotation with two tags, or overlapping annotations), the value
 * is their sorted distinct values joined by {@link VALUE_SEPARATOR}, e.g.
 * `"euphemism + loaded-language"`: the combined labelling then treats {A, B} against {A} as a
 * disagreement (exact-set match), which is strict but loses nothing and never depends on
 * span order. Use {@link perValueReliability} to measure each tag on its own, which is the
 * cleaner analysis when multi-tagging is common.
 *
 * @param units token units, sorted and non-overlapping (as {@link tokenUnits} returns).
 * @throws RangeError for unsorted/overlapping units, invalid span offsets, a duplicate coder
 *   id, or a span whose value is the reserved {@link NO_VALUE}.
 */
export function reliabilityFromSpans(
  units: readonly TextRange[],
  coders: readonly CoderSpans[],
  options?: SpanReliabilityOptions,
): SpanReliabilityData {
  return decode(codeSpans(units, coders, options));
}

/**
 * Presence of one value per token: {@link PRESENT} when a span of the coder with that value
 * covers the token (same overlap rule as {@link reliabilityFromSpans}), else {@link ABSENT}.
 * Other values and overlaps between tags do not matter, so agreement can be computed tag by tag.
 */
export function perValueReliability(
  units: readonly TextRange[],
  coders: readonly CoderSpans[],
  value: string,
  options?: SpanReliabilityOptions,
): SpanReliabilityData {
  return decode(codePresence(units, coders, value, options));
}

/**
 * Coded reliability data with the label of each code and the coder ids, so summaries can run
 * alpha and pairwise counts without building the string matrix.
 * @internal
 */
export interface LabeledCodes extends CodedReliability {
  coderIds: string[];
  labels: string[];
}

/** @internal Combined labelling; code 0 is {@link NO_VALUE}. */
export function codeSpans(
  units: readonly TextRange[],
  coders: readonly CoderSpans[],
  options?: SpanReliabilityOptions,
): LabeledCodes {
  const N = units.length;
  const { coderIds, inScope } = prepare(units, coders, options);
  const labels = [NO_VALUE];
  const labelCode = new Map<string, number>([[NO_VALUE, 0]]);
  const codeOf = (label: string) => {
    let code = labelCode.get(label);
    if (code === undefined) {
      code = labels.length;
      labelCode.set(label, code);
      labels.push(label);
    }
    return code;
  };
  const codes = new Int32Array(coders.length * N);
  coders.forEach((coder, c) => {
    // Most tokens get at most one value; only the few with several pay for a Set.
    const single: (string | undefined)[] = new Array<string | undefined>(N);
    const several = new Map<number, Set<string>>();
    for (const span of coder.spans) {
      forEachCoveredUnit(units, span, (u) => {
        const first = single[u];
        if (first === undefined) single[u] = span.value;
        else if (first !== span.value) {
          const set = several.get(u) ?? new Set([first]);
          set.add(span.value);
          several.set(u, set);
        }
      });
    }
    const offset = c * N;
    for (let u = 0; u < N; u++) {
      if (!inScope[u]) {
        codes[offset + u] = -1;
        continue;
      }
      const set = several.get(u);
      const label = set ? [...set].sort().join(VALUE_SEPARATOR) : (single[u] ?? NO_VALUE);
      codes[offset + u] = codeOf(label);
    }
  });
  return { coders: coders.length, units: N, valueCount: labels.length, codes, coderIds, labels };
}

/** @internal Presence of one value; code 0 is {@link ABSENT}, 1 is {@link PRESENT}. */
export function codePresence(
  units: readonly TextRange[],
  coders: readonly CoderSpans[],
  value: string,
  options?: SpanReliabilityOptions,
): LabeledCodes {
  const N = units.length;
  const { coderIds, inScope } = prepare(units, coders, options);
  const codes = new Int32Array(coders.length * N);
  coders.forEach((coder, c) => {
    const offset = c * N;
    for (const span of coder.spans) {
      if (span.value === value) forEachCoveredUnit(units, span, (u) => (codes[offset + u] = 1));
    }
    for (let u = 0; u < N; u++) if (!inScope[u]) codes[offset + u] = -1;
  });
  return { coders: coders.length, units: N, valueCount: 2, codes, coderIds, labels: [ABSENT, PRESENT] };
}

function decode(coded: LabeledCodes): SpanReliabilityData {
  const { units: N, codes, labels } = coded;
  const data = coded.coderIds.map((_, c) => {
    const row = new Array<string | null>(N);
    for (let u = 0; u < N; u++) {
      const code = codes[c * N + u]!;
      row[u] = code < 0 ? null : labels[code]!;
    }
    return row;
  });
  return { coders: [...coded.coderIds], data };
}

/** Validates the inputs once and works out which tokens are in scope. */
function prepare(
  units: readonly TextRange[],
  coders: readonly CoderSpans[],
  options: SpanReliabilityOptions | undefined,
): { coderIds: string[]; inScope: Uint8Array } {
  let previousEnd = 0;
  units.forEach((unit, i) => {
    checkRange(unit, `unit ${i}`);
    if (unit.end <= unit.start) throw new RangeError(`Token unit ${i} is empty: [${unit.start}, ${unit.end}).`);
    if (unit.start < previousEnd) {
      throw new RangeError(`Token units must be sorted and must not overlap: unit ${i} starts at ${unit.start}, before ${previousEnd}.`);
    }
    previousEnd = unit.end;
  });
  const coderIds: string[] = [];
  const seen = new Set<string>();
  for (const coder of coders) {
    if (seen.has(coder.coderId)) throw new RangeError(`Coder ${JSON.stringify(coder.coderId)} is listed twice.`);
    seen.add(coder.coderId);
    coderIds.push(coder.coderId);
    coder.spans.forEach((span, i) => {
      // The description is built only for a bad span: building it for each of 100,000 good
      // spans, for every tag measured, was most of the agreement page's computation.
      if (!isRange(span)) checkRange(span, `span ${i} of coder ${JSON.stringify(coder.coderId)}`);
      if (typeof span.value !== 'string') {
        throw new TypeError(`Span ${i} of coder ${JSON.stringify(coder.coderId)} has no string value.`);
      }
      if (span.value === NO_VALUE) {
        throw new RangeError(`Span ${i} of coder ${JSON.stringify(coder.coderId)} uses the reserved value "${NO_VALUE}".`);
      }
    });
  }
  const inScope = new Uint8Array(units.length);
  if (options?.missingOutside) {
    options.missingOutside.forEach((range, i) => {
      checkRange(range, `missingOutside range ${i}`);
      forEachCoveredUnit(units, range, (u) => (inScope[u] = 1));
    });
  } else {
    inScope.fill(1);
  }
  return { coderIds, inScope };
}

function isRange({ start, end }: TextRange): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start;
}

function checkRange(range: TextRange, what: string): void {
  const { start, end } = range;
  if (!isRange(range)) {
    throw new RangeError(`Invalid offsets for ${what}: [${String(start)}, ${String(end)}); need integers with 0 ≤ start ≤ end.`);
  }
}

/**
 * Calls `visit` for each unit overlapping `[range.start, range.end)`. Binary search for the
 * first unit ending after the range start, so a span costs O(log units + units it covers).
 */
function forEachCoveredUnit(units: readonly TextRange[], range: TextRange, visit: (unit: number) => void): void {
  if (range.end <= range.start) return;
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units[mid]!.end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  for (let u = lo; u < units.length && units[u]!.start < range.end; u++) visit(u);
}
