import { statedCounts } from "./features";
import type { Span } from "./sentences";

/**
 * The arguments of the event a passage asserts, read from its main clauses only (a fact
 * told in passing is not what a sentence asserts): how many (the counts it states), who
 * (its name keys) and what was done (the curated synonym classes of its words, synonyms.ts;
 * WordNet's verb classes are too broad for this: "brought" and "lifted" share one).
 */
export interface EventSlots {
  readonly counts: readonly number[];
  readonly actors: readonly string[];
  readonly acts: readonly string[];
}

/** A passage's event slots, from the text and feature maps of its main clauses. */
export function eventSlots(text: string, mainClauses: readonly Span[], mainFeatures: readonly ReadonlyMap<string, number>[]): EventSlots {
  const counts = new Set<number>();
  for (const c of mainClauses) for (const n of statedCounts(text.slice(c.start, c.end))) counts.add(n);
  const actors = new Set<string>();
  const acts = new Set<string>();
  for (const f of mainFeatures) {
    for (const k of f.keys()) {
      if (k.startsWith("nm:")) actors.add(k);
      else if (k.startsWith("s:")) acts.add(k);
    }
  }
  return { counts: [...counts], actors: [...actors], acts: [...acts] };
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
  if (a.counts.some((c) => b.counts.includes(c))) return true;
  return a.actors.some((x) => b.actors.includes(x)) && a.acts.some((x) => b.acts.includes(x) && passagesNaming(x) <= RARE_ACT_MAX_PASSAGES);
}
