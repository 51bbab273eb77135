/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors),
 * restricted to the two that plain-text sources need. Offsets are UTF-16 code units
 * into a source revision's body text, like JavaScript string indices.
 */

/** The quoted text with some text before and after it, to find it again after edits. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  /** Text just before `exact`; shorter than the usual length only at the start of the text. */
  prefix: string;
  /** Text just after `exact`; shorter than the usual length only at the end of the text. */
  suffix: string;
}

/** Half-open range [start, end) of the text. */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** What `createSelectors` produces and what annotations and passages store. */
export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * A TextQuoteSelector as the W3C model allows it, with optional context (selectors
 * imported from other tools). Missing context is "unknown", unlike an empty string,
 * which means "the quote is at the edge of the text".
 */
export type LooseTextQuoteSelector = Omit<TextQuoteSelector, "prefix" | "suffix"> & {
  prefix?: string;
  suffix?: string;
};

/** What re-anchoring needs: the quote is required, the position is a hint. */
export interface AnchorTarget {
  quote: TextQuoteSelector | LooseTextQuoteSelector;
  position?: TextPositionSelector;
}

/** Where a target was found in a text. 0 ≤ start ≤ end ≤ text.length; score in (0, 1]. */
export interface AnchorResult {
  start: number;
  end: number;
  score: number;
}
