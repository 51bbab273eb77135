/**
 * Exaggeration: a superlative stretched to all time ("the worst attack ever", "the largest
 * protest in the country's history"). Single words ("unprecedented", "mere") are in the
 * lexicon; this form spans several words no list can hold.
 */
import type { Token } from "../document";
import { scanWords, spanOf, type CuePattern } from "./cue-pattern";

/** Superlatives whose lemma does not show them ("worst" is lemmatised to "bad"). */
const IRREGULAR = new Set(["worst", "best", "most", "least", "biggest"]);
/** Words between the superlative and the stretch to all time ("the worst terror attack ever"). */
const BETWEEN = new Set(["NOUN", "PROPN", "ADJ", "NUM", "ADV"]);
const MAX_BETWEEN = 4;
const HISTORY_OWNER = new Set(["DET", "PROPN", "NOUN", "ADJ", "PART"]);

const isSuperlative = (t: Token) => (t.pos === "ADJ" || t.pos === "ADV") && (IRREGULAR.has(t.normal) || (t.normal.endsWith("est") && t.lemma !== t.normal));

/**
 * Where a stretch to all time starts at token i, the index of its last token: "ever", "of all
 * time", "in living memory", "in history" or "in the nation's history".
 */
function allTimeEnd(words: Token[], i: number): number | undefined {
  const at = (k: number) => words[k]?.normal;
  if (at(i) === "ever") return i;
  if (at(i) === "of" && at(i + 1) === "all" && at(i + 2) === "time") return i + 2;
  if (at(i) === "in" && at(i + 1) === "living" && at(i + 2) === "memory") return i + 2;
  if (at(i) !== "in") return undefined;
  for (let k = i + 1; k <= i + 4 && k < words.length; k++) {
    if (at(k) === "history") return k;
    if (!HISTORY_OWNER.has(words[k]!.pos) && at(k) !== "'s" && at(k) !== "’s") return undefined;
  }
  return undefined;
}

export const allTimeSuperlative: CuePattern = {
  id: "all-time-superlative",
  propose: { set: "Persuasion techniques", tag: "Exaggeration/minimisation" },
  confidence: 0.55,
  note: "stretches a superlative to all time, a claim a figure rarely supports",
  find(document) {
    return scanWords(document, (words, i) => {
      const top = words[i]!;
      if (!isSuperlative(top)) return undefined;
      for (let k = i + 1; k <= i + 1 + MAX_BETWEEN && k < words.length; k++) {
        const end = allTimeEnd(words, k);
        if (end !== undefined) return spanOf(words[i - 1]?.normal === "the" ? words[i - 1]! : top, words[end]!);
        if (!BETWEEN.has(words[k]!.pos)) return undefined;
      }
      return undefined;
    });
  },
};

export const EXAGGERATION_PATTERNS: readonly CuePattern[] = [allTimeSuperlative];
