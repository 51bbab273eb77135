import { statedCounts } from "./features";
import type { Span } from "./sentences";

/**
 * The arguments of the event a passage asserts, read from its main clauses only (a fact
 * told in passing is not what a sentence asserts): how many (the counts it states), who
 * (its name keys) and what was done (the curated synonym classes of its words, synonyms.ts;
 * WordNet's verb classes are too broad for this: "brought" and "lifted" share one).
 */
export interface EventSlots {
  /** Every number value among the features (counts, years, ordinals, measures alike): a cheap first test. */
  readonly numbers: readonly number[];
  /** The counts stated (features.ts statedCounts), read from the text when first asked. */
  counts(): readonly number[];
  readonly actors: readonly string[];
  readonly acts: readonly string[];
}

/** A passage's event slots, from the text and feature maps of its main clauses. */
export function eventSlots(text: string, mainClauses: readonly Span[], mainFeatures: readonly ReadonlyMap<string, number>[]): EventSlots {
  let counts: number[] | undefined;
  const numbers = new Set<number>();
  const actors = new Set<string>();
  const acts = new Set<string>();
  for (const f of mainFeatures) {
    for (const k of f.keys()) {
      if (k.startsWith("n:")) numbers.add(Number(k.slice(2)));
      else if (k.startsWith("nm:")) actors.add(k);
      else if (k.startsWith("s:")) acts.add(k);
    }
  }
  return {
    numbers: [...numbers],
    counts: () => (counts ??= [...new Set(mainClauses.flatMap((c) => statedCounts(text.slice(c.start, c.end))))]),
    actors: [...actors],
    acts: [...acts],
  };
}

/**
 * An act named by more passages of a comparison than this singles out no event: it is the
 * story's theme ("the killing" in every commemoration of it), not one thing that was done.
 */
export const RARE_ACT_MAX_PASSAGES = 3;

/**
 * Whether two passages agree on an argument of the event they assert: the same count
 * ("23 are dead" / "Twenty-three … lost their lives"), or the same actor doing an act of
 * the same class that few passages of the comparison name ("Baltora Lines suspended its
 * routes" / "Baltora Lines has halted its services"). `passagesNaming` tells how many
 * passages of the comparison have an act feature.
 */
export function sameEvent(a: EventSlots, b: EventSlots, passagesNaming: (act: string) => number): boolean {
  const shared = a.numbers.filter((n) => b.numbers.includes(n));
  if (shared.length > 0 && a.counts().some((c) => shared.includes(c) && b.counts().includes(c))) return true;
  return a.actors.some((x) => b.actors.includes(x)) && a.acts.some((x) => b.acts.includes(x) && passagesNaming(x) <= RARE_ACT_MAX_PASSAGES);
}
