/**
 * Anchoring: W3C Web Annotation selectors for spans of a source's text, and finding
 * those spans again in later revisions. Pure functions, no I/O.
 */
export type {
  AnchorResult,
  AnchorTarget,
  LooseTextQuoteSelector,
  Selectors,
  TextPositionSelector,
  TextQuoteSelector,
} from "./types";
export { CONTEXT_LENGTH, createSelectors } from "./selectors";
export { ORPHAN_THRESHOLD, anchorDetailed, anchorSelectors } from "./anchor";
export type { AnchorMethod, DetailedAnchor } from "./anchor";
export { MIN_SURVIVING_WORDS, reanchor, reanchorAll, wordsChanged } from "./reanchor";
export type { ReanchorResult, ReanchorStatus, ReanchorWork } from "./reanchor";
