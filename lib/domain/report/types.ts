/**
 * The framing report of one comparison as plain data: what the report page, the public
 * share page, the Markdown and the PDF renderings and the exports all read. Everything is
 * JSON-safe (dates are ISO 8601 strings); ids refer to rows of the same report.
 */

/** Which part of a comparison a report covers. Empty or missing lists mean "all". */
export interface ReportFilters {
  /** Outlets to include (ids of {@link ReportOutlet}); applies to every section. */
  outletIds?: string[];
  /** Tag sets to include; applies to the charts, the tags shown with passages and claims, and the method. */
  tagSetIds?: string[];
  /** Only annotations by these reviewers (user ids). */
  reviewerIds?: string[];
  /** Only annotations created at or after this instant. */
  from?: Date;
  /** Only annotations created at or before this instant. */
  to?: Date;
  /** Which annotations the report counts: every reviewer's (the default), or the editors' curated layer only. */
  layer?: ReportLayer;
}

export type ReportLayer = "all" | "curated";

/** The filters a report was built with, as data (so a rendering can say what it shows). */
export interface AppliedReportFilters {
  outletIds: string[];
  tagSetIds: string[];
  reviewerIds: string[];
  from: string | null;
  to: string | null;
  layer: ReportLayer;
}

export interface FramingReport {
  comparison: {
    id: string;
    title: string;
    description: string | null;
    /** The date of the event (YYYY-MM-DD), when known. */
    eventDate: string | null;
    workspaceName: string;
  };
  generatedAt: string;
  filters: AppliedReportFilters;
  /** Everything the filters can choose from, whatever is selected now. */
  choices: {
    outlets: { id: string; name: string }[];
    tagSets: { id: string; name: string }[];
    reviewers: { id: string; name: string }[];
  };
  /** The outlets the report covers, in the comparison's column order. */
  outlets: ReportOutlet[];
  /** Tag counts per outlet, one entry per tag set included. */
  tagSets: ReportTagSet[];
  /**
   * Every annotation the figures count, for listing what lies behind a cell. Empty in the
   * report pages' summary (figures counted by the database), which asks for a cell's
   * annotations a page at a time instead.
   */
  annotations: ReportAnnotation[];
  /** Each fact row's wording per outlet. */
  termChoice: ReportFactRow[];
  /** How each outlet names what recurs across fact rows (terms that differ in at least two rows). */
  recurringTerms: ReportRecurringTerm[];
  /** Fact rows that some of the covered outlets leave out. */
  omissions: ReportOmission[];
  /** Per outlet: the fact rows it leaves out and what only it reports. */
  outletOmissions: ReportOutletOmissions;
  claims: ReportClaim[];
  method: ReportMethod;
}

/**
 * A publisher and its sources in the comparison. A source without an outlet counts as an
 * outlet of its own, with id `source:<sourceId>`.
 */
export interface ReportOutlet {
  id: string;
  name: string;
  site: string | null;
  country: string | null;
  sources: ReportSource[];
  /** Word tokens in the current text of its sources: the denominator of "per 1,000 words". */
  words: number;
}

export interface ReportSource {
  id: string;
  title: string;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  /** BCP 47 tag of the text's language; sets lang and dir on its passages. */
  language: string | null;
  words: number;
}

export interface ReportTagSet {
  id: string;
  key: string;
  name: string;
  description: string | null;
  /** Tags used at least once under the filters, in taxonomy order. */
  tags: ReportTag[];
}

export interface ReportTag {
  id: string;
  name: string;
  description: string | null;
  /** CSS colour (#rrggbb) of the tag's highlight. */
  color: string;
  retired: boolean;
  /** Annotations carrying the tag, over all covered outlets. */
  total: number;
  /** One cell per covered outlet, in the order of {@link FramingReport.outlets}. */
  cells: ReportCell[];
}

export interface ReportCell {
  outletId: string;
  /** Annotations of the outlet's sources that carry the tag. */
  count: number;
  /** count × 1000 ÷ the outlet's words; null when the outlet has no text. */
  per1000: number | null;
  /** The annotations counted, in annotation order; empty in the report pages' summary (see {@link FramingReport.annotations}). */
  annotationIds: string[];
}

export interface ReportAnnotation {
  id: string;
  outletId: string;
  sourceId: string;
  quote: string;
  comment: string | null;
  tags: { id: string; name: string; color: string; tagSetId: string }[];
  author: { id: string; name: string };
  createdAt: string;
  claim: ReportClaimFields | null;
}

export type ClaimAsserterKind = "OUTLET" | "QUOTED_PARTY";
export type ClaimStatusValue = "UNVERIFIED" | "SUPPORTED" | "DISPUTED" | "FALSE";

export interface ReportClaimFields {
  asserter: ClaimAsserterKind | null;
  assertedBy: string | null;
  status: ClaimStatusValue | null;
  evidence: string[];
}

export interface ReportFactRow {
  id: string;
  label: string;
  note: string | null;
  /** The passage the others are compared with: the first covered outlet that reports the fact. */
  baseSourceId: string | null;
  /** One per source with a passage in the row, among the covered outlets. */
  passages: ReportPassage[];
  /** Covered outlets without a passage in the row. */
  missingOutletIds: string[];
}

export type ReportSegmentKind = "same" | "removed" | "added";

export interface ReportPassage {
  sourceId: string;
  outletId: string;
  text: string;
  /** The passage could not be placed in the source's current text; `text` is its last known wording. */
  orphaned: boolean;
  /** Shares under a fifth of its content words with the base passage: `changes` then pair content-word groups. */
  paraphrased: boolean;
  /** The passage's text split into runs; "added" marks words that differ from the base passage. */
  segments: { text: string; kind: ReportSegmentKind }[];
  /** Each changed place against the base passage: the base's wording and this passage's ("" = nothing there). */
  changes: { base: string; here: string }[];
  /** Tags of the annotations that overlap the passage. */
  tags: { id: string; name: string; color: string; tagSetId: string; annotationIds: string[] }[];
}

/**
 * One term that recurs across fact rows, e.g. how the outlets name the event: each covered
 * outlet's wordings of it with how many times it uses each.
 */
export interface ReportRecurringTerm {
  /** Its most used wording. */
  label: string;
  /** The fact rows where outlets word it differently. */
  factRowIds: string[];
  /** One per covered outlet, in report order; `wordings` empty when the outlet never words it differently. */
  cells: { outletId: string; wordings: { text: string; count: number }[] }[];
}

export interface ReportOmission {
  factRowId: string;
  label: string;
  note: string | null;
  /** Covered outlets that report the fact. */
  reportedBy: string[];
  /** Covered outlets that leave it out. */
  missingFrom: string[];
}

export interface ReportOutletOmissions {
  /**
   * Align all's threshold: a passage is only its outlet's when no passage of another outlet
   * scores at least this with it. Null when the report was built without alignment.
   */
  minScore: number | null;
  /** One per covered outlet, in column order. */
  outlets: {
    outletId: string;
    /** Fact rows the outlet has no passage in. */
    leavesOut: { factRowId: string; label: string }[];
    /** Passages of the outlet's sources (current text) no other outlet reports. */
    onlyHere: { sourceId: string; start: number; end: number; text: string }[];
  }[];
}

/**
 * One claim as the outlets carry it. Claim annotations are the same claim when they name
 * the same asserter (the outlet itself, or the same quoted party, ignoring case) and either
 * quote the same words (ignoring case, spacing and punctuation) or overlap passages of the
 * same fact row.
 */
export interface ReportClaim {
  /** The id of its first annotation. */
  id: string;
  /** The wording of its first annotation, in outlet order. */
  quote: string;
  asserter: ClaimAsserterKind | null;
  assertedBy: string | null;
  /** The statuses reviewers gave; more than one means they disagree. */
  statuses: ClaimStatusValue[];
  evidence: string[];
  factRow: { id: string; label: string } | null;
  carriedBy: { outletId: string; quotes: string[]; annotationIds: string[] }[];
}

export interface ReportMethod {
  /** Definitions of the tags the report uses, per included tag set. */
  definitions: { tagSetId: string; name: string; description: string | null; tags: { id: string; name: string; description: string | null }[] }[];
  reviewers: { id: string; name: string; annotations: number }[];
  /** First and last creation time of the counted annotations. */
  annotationDates: { first: string | null; last: string | null };
  /** Earliest and latest publication date of the covered sources. */
  publicationDates: { first: string | null; last: string | null };
  annotations: number;
  /** Annotations left out because their span is no longer in the source's text. */
  orphanedExcluded: number;
  /** Krippendorff's alpha per included tag set, over the same annotations. */
  agreement: ReportAgreement[];
}

export interface ReportAgreement {
  tagSetId: string;
  name: string;
  alpha: number | null;
  /** "ok", or why there is no alpha: "no-variation" or "insufficient-data". */
  status: string;
  observedAgreement: number | null;
  pairableUnits: number;
  reviewers: number;
}
