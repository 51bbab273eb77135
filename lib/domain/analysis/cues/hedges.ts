/**
 * Hedges that credit a view to no one, in the passive: "is widely seen as", "was generally
 * regarded as", "has been described by many as". The fixed forms ("is believed to",
 * "reportedly") are in the lexicon; these vary in adverb, verb and tense, so a pattern reads
 * them from parts of speech and lemmas (Wikipedia's "weasel words" are the model).
 */
import type { Token } from "../document";
import { scanWords, spanOf, type CuePattern } from "./cue-pattern";

/** Verbs of perceiving or judging whose passive states a view without its holder. */
const VIEWS = new Set(["see", "regard", "view", "consider", "believe", "think", "know", "describe", "call", "perceive", "accept", "expect", "hail", "understand", "deem", "recognise", "recognize", "credit", "acknowledge"]);
/** Adverbs that claim the view is shared ("widely", "generally"). */
const SHARED = new Set(["widely", "generally", "commonly", "broadly", "often", "largely", "increasingly", "universally", "popularly"]);
/** Without such an adverb, only these verbs, and only with "as" after them ("is seen as"), so "was seen leaving" is not a hedge. */
const SEEN_AS = new Set(["see", "regard", "view", "perceive"]);
/** Agents that name no one ("by many", "by critics"). */
const VAGUE_AGENTS = new Set(["many", "some", "others", "critics", "observers", "analysts", "experts", "commentators"]);

/** The first of the auxiliaries right before token i ("has been" in "has been described"), or undefined. */
function auxiliaryChain(words: Token[], i: number): number | undefined {
  let k = i - 1;
  if (words[k] && SHARED.has(words[k]!.normal)) k--;
  if (words[k]?.lemma !== "be" || words[k]!.pos !== "AUX") return undefined;
  while (k > 0 && words[k - 1]!.pos === "AUX") k--;
  return k;
}

export const unattributedView: CuePattern = {
  id: "unattributed-view",
  propose: { set: "Framing devices", tag: "Attribution" },
  confidence: 0.6,
  note: "states a view in the passive without saying whose it is",
  find(document) {
    return scanWords(document, (words, i) => {
      const verb = words[i]!;
      const first = verb.pos === "VERB" && VIEWS.has(verb.lemma) ? auxiliaryChain(words, i) : undefined;
      if (first === undefined) return undefined;
      const shared = SHARED.has(words[i - 1]!.normal);
      const next = words[i + 1];
      if (next?.normal === "by") {
        const agent = words[i + 2];
        return agent && VAGUE_AGENTS.has(agent.normal) ? spanOf(words[first]!, agent) : undefined;
      }
      if (next && (next.normal === "as" || (shared && next.normal === "to")) && (shared || SEEN_AS.has(verb.lemma))) return spanOf(words[first]!, next);
      return shared ? spanOf(words[first]!, verb) : undefined;
    });
  },
};

export const HEDGE_PATTERNS: readonly CuePattern[] = [unattributedView];
