/**
 * One annotation as the exports write it: plain data, no database types, so the CSV and
 * JSON-LD writers are pure functions of it.
 */

export type ExportClaimAsserter = "OUTLET" | "QUOTED_PARTY";
export type ExportClaimStatus = "UNVERIFIED" | "SUPPORTED" | "DISPUTED" | "FALSE";
export type ExportAnchorStatus = "EXACT" | "FUZZY" | "ORPHANED";

export interface ExportSource {
  id: string;
  title: string;
  outlet: string | null;
  /** The original article's address, when the source was imported from one. */
  url: string | null;
}

export interface ExportTag {
  name: string;
  tagSet: string;
}

export interface ExportClaim {
  asserter: ExportClaimAsserter;
  /** The quoted party, when the asserter is not the outlet itself. */
  assertedBy: string | null;
  status: ExportClaimStatus;
  evidence: string[];
}

export interface ExportedAnnotation {
  id: string;
  source: ExportSource;
  /** The revision of the source's text the selectors refer to. */
  revision: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets into that revision's text, half-open. */
  start: number;
  end: number;
  /** The same offsets counted in Unicode code points, as the W3C model and brat count. */
  codePoints: { start: number; end: number };
  tags: ExportTag[];
  comment: string | null;
  claim: ExportClaim | null;
  author: { id: string; name: string };
  created: Date;
  modified: Date;
  anchor: { status: ExportAnchorStatus; score: number };
  /** Its relations to and from other exported annotations; absent when none were read. */
  links?: ExportLink[];
  /** An editor's verdict in the merge view on the span this annotation was curated in, if any. */
  curated?: ExportCuration | null;
}

/** One end of a relation as seen from an annotation: "to" for one it points at, "from" for one pointing at it. */
export interface ExportLink {
  direction: "to" | "from";
  /** The relation type's name. */
  type: string;
  annotationId: string;
}

/** A relation between two exported annotations. */
export interface ExportedRelation {
  id: string;
  fromId: string;
  toId: string;
  /** `key` is set for the default types (evidence, speaker, contradicts, same-as). */
  type: { key: string | null; name: string };
  author: { id: string; name: string };
  created: Date;
  modified: Date;
}

export type ExportCuration = "accepted" | "rejected";
