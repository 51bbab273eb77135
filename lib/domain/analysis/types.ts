/**
 * What analysers produce: proposals, i.e. spans of a source's text with a tag of the default
 * taxonomy, a confidence and a one-line reason a reviewer can judge at a glance. A proposal
 * counts nowhere until a reviewer accepts it (PRODUCT.md, "Proposal").
 *
 * Offsets are UTF-16 code-unit indices into the analysed text, `end` exclusive, as
 * `String.prototype.slice` and the annotations' TextPositionSelector use them.
 */
import type { AnalysedDocument } from "./document";
import type { Lexicon } from "./lexicon";

/** The tag-set names of the default taxonomy that analysers propose tags from. */
export type ProposalSetName = "Framing devices" | "Persuasion techniques";

export interface Proposal {
  start: number;
  end: number;
  /** Tag-set name exactly as in the default taxonomy ("Framing devices"). */
  set: ProposalSetName;
  /** Tag name exactly as in that set ("Loaded language"). */
  tag: string;
  /** How much to trust this proposal, in (0, 1]; a prior per rule, not a calibrated probability. */
  confidence: number;
  /** Id of the analyser that proposed it. */
  analyser: string;
  /** One line: why this span, e.g. "‘regime’ is on the loaded-terms list: pejorative label for a government". */
  reason: string;
  /** Present when the span is proposed as a claim: who asserts it, as written in the text. */
  claim?: { asserter: string };
}

/** What every analyser gets besides the document. */
export interface AnalysisContext {
  lexicon: Lexicon;
}

export interface Analyser {
  /** Stable id, kebab-case; recorded as provenance when a proposal is accepted. */
  id: string;
  /** Bumped whenever the analyser's rules or lists change what it proposes. */
  version: number;
  description: string;
  /**
   * Whether the analyser runs unless a workspace turns it off. Only analysers whose measured
   * precision on the gold set (bench/RESULTS.md) reaches 0.6 are on by default.
   */
  defaultOn: boolean;
  /** The tags it may propose, as `set / tag`. */
  tags: readonly { set: ProposalSetName; tag: string }[];
  analyse(document: AnalysedDocument, context: AnalysisContext): Proposal[];
}
