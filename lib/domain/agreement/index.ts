/**
 * Inter-coder agreement for Parallax annotations (reviewers, students, the teacher's key).
 *
 * - {@link krippendorffAlpha}: Krippendorff's alpha for any reliability data (coders × units),
 *   nominal/ordinal/interval/ratio, missing values allowed.
 * - {@link tokenUnits}, {@link reliabilityFromSpans}, {@link perValueReliability}: span
 *   annotations → reliability data with one unit per word token, value = the tag or "none"
 *   (or present/absent for one tag).
 * - {@link agreementSummary}: alpha for the combined labelling and per tag, plus pairwise raw
 *   agreement, as JSON-safe data for the UI.
 * - {@link disagreements}: the stretches of text where coders differ, for review.
 * - {@link unitizingAlpha}: Krippendorff's unitizing alpha (αU) over spans on a continuum,
 *   overall and per category, as DKPro Agreement computes it (D_e = 0 → `null`).
 *
 * Decisions a caller should know:
 * - No variation at all (e.g. nobody used a tag): alpha is undefined (0/0). `krippendorffAlpha`
 *   returns NaN and the summaries return `alpha: null` with `status: 'no-variation'`; show "—",
 *   never 1.0. Fewer than 2 pairable values: NaN / `'insufficient-data'`.
 * - Several spans of one coder with different values on a word: the combined value is the
 *   sorted values joined by " + "; per-tag analysis is unaffected by such overlaps.
 * - A span covers a word when they share at least one character.
 *
 * Pure TypeScript, no I/O: safe on the server and in the browser.
 */
export {
  krippendorffAlpha,
  krippendorffAlphaDetails,
  type AlphaDetails,
  type AlphaStatus,
  type MeasurementLevel,
  type ReliabilityValue,
} from './krippendorff';
export {
  tokenUnits,
  reliabilityFromSpans,
  perValueReliability,
  NO_VALUE,
  PRESENT,
  ABSENT,
  VALUE_SEPARATOR,
  type TextRange,
  type LabeledSpan,
  type CoderSpans,
  type SpanReliabilityOptions,
  type SpanReliabilityData,
} from './tokens';
export {
  agreementSummary,
  disagreements,
  type AgreementSummary,
  type AgreementSummaryOptions,
  type AlphaSummary,
  type ValueAgreement,
  type PairwiseAgreement,
  type Disagreement,
  type DisagreementOptions,
} from './summary';
export { pooledAgreement, type PooledDocument } from './pooled';
export { tagSetDocuments, type CodedSpan } from './documents';
export {
  unitizingAlpha,
  segmentDistance,
  UnitizingInputError,
  type Continuum,
  type UnitizingUnit,
  type UnitizingStudy,
  type CategoryDisagreement,
  type UnitizingAlpha,
} from './unitizing';
export { tagSetSpanAgreement, tagSetSpanStudy, type SpanText, type SpanAgreement } from './span-study';
export { agreementChanges, type AgreementFigures, type SetFigures, type TagFigures, type FigureChange, type Measure } from './changes';
export { nominalTally, addNominalTally, emptyNominalTally, nominalSummary, type NominalTally } from './nominal-tally';
export { sourceFigures, combineSourceFigures, type FiguresText, type SourceFigures, type SourceSetFigures, type SourceTallies, type CombinedSetFigures } from './source-figures';
export { serialiseSourcePart, parseSourcePart, STORED_PART_FORMAT } from './stored-source-part';
