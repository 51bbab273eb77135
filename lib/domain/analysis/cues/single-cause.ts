/**
 * Causal oversimplification: one cause, or one actor, made to carry a complex outcome. Stock
 * phrases ("all because of", "is to blame") are in the lexicon; this is the form no phrase
 * list holds.
 */
import { scanWords, spanOf, type CuePattern } from "./cue-pattern";

/** Pronouns that name actors ("he alone", "they alone"). */
const ACTOR_PRONOUNS = new Set(["he", "she", "they", "we", "who"]);
/** Proper nouns that are dates, not actors ("January alone saw 300 attacks"). */
const CALENDAR = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);

/**
 * "He alone can end the war", "Washington alone is responsible": an actor and "alone" as the
 * subject of a verb. Only pronouns and names of people, places or bodies count, so "this year
 * alone saw …" (a tally) and "left him alone" (an object) do not. The span is the actor and
 * "alone".
 */
export const actorAlone: CuePattern = {
  id: "actor-alone",
  propose: { set: "Persuasion techniques", tag: "Causal oversimplification" },
  confidence: 0.5,
  note: "credits or blames one actor alone for an outcome",
  find(document) {
    return scanWords(document, (words, i) => {
      const [actor, alone, verb] = [words[i - 1], words[i]!, words[i + 1]];
      if (alone.normal !== "alone" || !actor || !verb || (verb.pos !== "AUX" && verb.pos !== "VERB")) return undefined;
      const named = actor.pos === "PROPN" && !CALENDAR.has(actor.normal);
      const pronoun = actor.pos === "PRON" && ACTOR_PRONOUNS.has(actor.normal);
      if (!named && !pronoun) return undefined;
      let first = i - 1;
      while (named && first > 0 && words[first - 1]!.pos === "PROPN") first--;
      return spanOf(words[first]!, alone);
    });
  },
};

export const SINGLE_CAUSE_PATTERNS: readonly CuePattern[] = [actorAlone];
