import type { Span } from "./sentences";
import { contentTerms, countMap } from "./text";

/**
 * Matching features of each passage of one source: the keys two passages must share to
 * be counted as saying the same thing, with their counts.
 */
export function sourceFeatures(text: string, units: readonly Span[]): Map<string, number>[] {
  return units.map((u) => countMap(contentTerms(text.slice(u.start, u.end))));
}
